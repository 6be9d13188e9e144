"""Reads of consultations shared by pages (and later by exports and the dashboard)."""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.models import Page

from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    ForumPage,
    Phase,
    TopicPage,
)
from participation.consultations.phases import Status


@dataclass(frozen=True)
class ConsultationContents:
    topics: list[TopicPage]
    documents: list[ConceptDocumentPage]
    forums: list[ForumPage]


def consultation_contents(consultation: ConsultationPage) -> ConsultationContents:
    """Everything a consultation page lists, in a fixed number of queries."""

    def children(model):
        return model.objects.live().public().child_of(consultation).order_by("path")

    return ConsultationContents(
        topics=list(
            children(TopicPage)
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
        ),
        documents=list(children(ConceptDocumentPage).defer_streamfields()),
        forums=list(children(ForumPage).defer_streamfields().prefetch_related("impulse_topics")),
    )


@dataclass(frozen=True)
class ConsultationsByStatus:
    open: list[ConsultationPage]
    upcoming: list[ConsultationPage]
    closed: list[ConsultationPage]


def consultations_below(page: Page) -> ConsultationsByStatus:
    """The consultations of one site, grouped as the home page shows them."""
    consultations = list(
        ConsultationPage.objects.live()
        .public()
        .descendant_of(page)
        .defer_streamfields()
        .select_related("image")
        .prefetch_related(
            Prefetch("phases", queryset=Phase.objects.order_by("start")), "image__renditions"
        )
        .order_by("path")
    )
    grouped = {status: [] for status in Status}
    for consultation in consultations:
        grouped[consultation.timeline.status].append(consultation)
    grouped[Status.CLOSED].sort(key=lambda c: c.timeline.ends, reverse=True)
    grouped[Status.UPCOMING].sort(key=lambda c: c.timeline.starts)
    return ConsultationsByStatus(
        open=grouped[Status.OPEN], upcoming=grouped[Status.UPCOMING], closed=grouped[Status.CLOSED]
    )
