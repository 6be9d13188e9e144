"""The result report (Ergebnisbericht) a consultation's moderators write and the head of
office approves. Its figures freeze when it is published (see services.summary_freeze)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from participation.consultations.models import ConsultationPage
from participation.summaries.blocks import SummaryStreamBlock
from participation.summaries.selectors import summary_sections


class SummaryPage(Page):
    intro = models.TextField(_("Einleitung"), max_length=600, blank=True)
    body = StreamField(SummaryStreamBlock(), verbose_name=_("Inhalt"))
    # The figures of every result block as they were when the page was last published,
    # keyed by block id; the published page shows these, the preview live ones.
    frozen_figures = models.JSONField(default=dict, blank=True, editable=False)
    frozen_at = models.DateTimeField(_("Stand der Zahlen"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    exclude_fields_in_copy = ["frozen_figures", "frozen_at"]

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "summaries/summary_page.html"

    class Meta:
        verbose_name = _("Ergebnisbericht")
        verbose_name_plural = _("Ergebnisberichte")

    @cached_property
    def consultation(self) -> ConsultationPage | None:
        return ConsultationPage.objects.ancestor_of(self).first()

    def get_workflow(self):
        """Reports follow the workflow assigned to their page type ("Moderierte
        Zusammenfassung"), whatever workflow the consultation's part of the tree has."""
        return self.get_default_workflow() or super().get_workflow()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live = getattr(request, "is_preview", False) or self.frozen_at is None
        context["sections"] = summary_sections(self, live=live)
        context["figures_live"] = live
        return context
