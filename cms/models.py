"""Generic content pages (standard pages, news) and the per-site settings."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock


class StandardPage(Page):
    """Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache and other plain pages."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


class NewsIndexPage(Page):
    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]
    max_count_per_parent = 1
    template = "cms/news_index_page.html"

    class Meta:
        verbose_name = _("Nachrichtenübersicht")
        verbose_name_plural = _("Nachrichtenübersichten")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from cms.selectors import news_articles_below

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(news_articles_below(self), per_page=10)
        context["articles"] = paginator.get_page(request.GET.get("seite"))
        return context


class NewsArticlePage(Page):
    date = models.DateField(_("Datum"), default=timezone.localdate)
    teaser = models.TextField(_("Anreißer"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("teaser"), FieldPanel("image")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "cms/news_article_page.html"

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What differs per town on a multi-site install: name, contact and the legal pages."""

    town_name = models.CharField(_("Name der Kommune"), max_length=120, blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    accessibility_feedback_email = models.EmailField(
        _("E-Mail für gemeldete Barrieren"),
        blank=True,
        help_text=_(
            "Hierhin schickt das Formular „Barriere melden“ jede Meldung. Leer: an die "
            "Kontakt-E-Mail."
        ),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("town_name"),
        FieldPanel("contact_email"),
        FieldPanel("accessibility_feedback_email"),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
            ],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
    ]
    select_related = ["imprint_page", "privacy_page", "accessibility_page", "easy_language_page"]

    class Meta:
        verbose_name = _("Einstellungen der Kommune")
