"""Writes of the result report."""

from django.utils import timezone

from participation.summaries.models import SummaryPage
from participation.summaries.selectors import live_figures


def summary_freeze(*, page: SummaryPage) -> None:
    """Stores the figures of every result block as they are now; the published report shows
    these until it is published again."""
    page.frozen_figures = live_figures(page)
    page.frozen_at = timezone.now()
    SummaryPage.objects.filter(pk=page.pk).update(
        frozen_figures=page.frozen_figures, frozen_at=page.frozen_at
    )
