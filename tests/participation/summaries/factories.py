import uuid

import factory
import wagtail_factories

from participation.summaries.models import SummaryPage
from tests.participation.consultations.factories import ConsultationPageFactory


def block(kind: str, value) -> dict:
    """One report block in raw StreamField JSON, with a block id like the admin stores."""
    return {"type": kind, "id": str(uuid.uuid4()), "value": value}


def key_figures(by_phase: bool = True) -> dict:
    return block("key_figures", {"heading": "Beteiligung in Zahlen", "by_phase": by_phase})


def figures_frozen_before_the_split() -> dict:
    """Key figures as frozen before participants, responses and supports were split."""
    return {
        "participants": 5,
        "comments": 3,
        "threads": 1,
        "votes": 1,
        "supports": 2,
        "survey_responses": 4,
        "phases": [
            {
                "name": "Online-Beteiligung",
                "start": "2026-03-01",
                "end": "2026-04-30",
                "comments": 3,
                "threads": 1,
                "votes": 1,
                "survey_responses": 4,
            }
        ],
    }


def support_ranking(limit: int = 5) -> dict:
    return block("support_ranking", {"heading": "Meiste Unterstützung", "limit": limit})


def categories() -> dict:
    return block("categories", {"heading": "Beiträge nach Themen"})


def heatmap(document=None) -> dict:
    return block(
        "heatmap",
        {"heading": "Wo diskutiert wurde", "document": document.pk if document else None},
    )


def quotes(*items: tuple[str, int]) -> dict:
    return block(
        "quotes",
        {
            "heading": "Stimmen aus der Beteiligung",
            "items": [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"kind": kind, "number": pk}}
                for kind, pk in items
            ],
        },
    )


def survey_question(survey, code: str) -> dict:
    return block("survey_question", {"survey": survey.pk, "question": code})


def text(html: str) -> dict:
    return block("text", html)


class SummaryPageFactory(wagtail_factories.PageFactory):
    """A report under a consultation; saved as a page, not yet published through a revision
    (use `publish(page)` to publish and freeze its figures)."""

    parent = factory.SubFactory(ConsultationPageFactory)
    title = "Ergebnisbericht"
    intro = "Was die Beteiligung ergeben hat."
    body = ()

    class Meta:
        model = SummaryPage


def publish(page: SummaryPage) -> SummaryPage:
    page.save_revision().publish()
    return SummaryPage.objects.get(pk=page.pk)
