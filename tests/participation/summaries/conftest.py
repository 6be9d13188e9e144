from datetime import timedelta

import pytest
from django.utils import timezone

from participation.moderation.models import ModerationCategory
from participation.summaries.models import SummaryPage
from tests.participation.consultations.factories import (
    ConceptDocumentPageFactory,
    ConsultationPageFactory,
    ForumPageFactory,
    TopicPageFactory,
    concept_body,
)
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
    VoteFactory,
)


def days(offset: int):
    return timezone.localdate() + timedelta(days=offset)


@pytest.fixture
def results_consultation(home_page):
    """Participation ended yesterday; the results phase runs from today."""
    return ConsultationPageFactory(
        parent=home_page,
        title="ISEK Teststadt 2035",
        phases=[
            {
                "name": "Online-Beteiligung",
                "start": days(-30),
                "end": days(-1),
                "allows_commenting": True,
                "allows_voting": True,
            },
            {"name": "Ergebnisse", "start": days(0), "end": days(30), "allows_results": True},
        ],
    )


@pytest.fixture
def world(consultation):
    """A consultation with a topic, a concept document, a forum thread, comments, votes and
    two categories."""
    topic = TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")
    concept = ConceptDocumentPageFactory(
        parent=consultation,
        body=concept_body([("Leitbild", ["Eine Kreisstadt im Grünen.", "Autoarme Innenstadt."])]),
    )
    forum = ForumPageFactory(parent=consultation, title="Forum")
    thread = ThreadFactory(forum=forum, title="Ein Bus am Sonntag")
    anna, karl = ParticipantFactory(guest_name="Anna"), ParticipantFactory(guest_name="Karl")
    paragraph = concept.paragraphs[1]
    comments = [
        CommentFactory(target=topic, participant=anna, text="Mehr Bänke am Markt."),
        CommentFactory(target=topic, participant=karl, text="Leerstand nutzen!"),
        CommentFactory(
            target=concept, paragraph_key=paragraph.key, participant=anna, text="Ja, bitte."
        ),
    ]
    VoteFactory(target=comments[0], participant=karl)
    VoteFactory(target=topic, participant=anna)
    VoteFactory(target=thread, participant=karl)
    radverkehr = ModerationCategory.objects.create(consultation=consultation, name="Radverkehr")
    innenstadt = ModerationCategory.objects.create(consultation=consultation, name="Innenstadt")
    innenstadt.comments.add(comments[0], comments[1])
    radverkehr.comments.add(comments[2])
    radverkehr.threads.add(thread)
    return {
        "consultation": consultation,
        "topic": topic,
        "concept": concept,
        "forum": forum,
        "thread": thread,
        "comments": comments,
        "anna": anna,
        "karl": karl,
    }


def reload(page: SummaryPage) -> SummaryPage:
    return SummaryPage.objects.get(pk=page.pk)
