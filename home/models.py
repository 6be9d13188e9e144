from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.blocks import BaseStreamBlock
from cms.selectors import news_articles_below
from participation.consultations.selectors import consultations_below

LATEST_NEWS_COUNT = 3


class HomePage(Page):
    """The start page of one site (one town): current consultations and the latest news."""

    intro = models.TextField(_("Begrüßung"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Weitere Inhalte"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "consultations.ConsultationPage",
        "consultations.ForumPage",
        "surveys.SurveyPage",
        "cms.NewsIndexPage",
        "cms.StandardPage",
    ]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["consultations"] = consultations_below(self)
        context["latest_news"] = news_articles_below(self)[:LATEST_NEWS_COUNT]
        return context
