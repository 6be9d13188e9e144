"""The figures the report's blocks show, read from the live data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.contributions.models import Status
from participation.summaries import selectors
from participation.summaries.selectors import KeyFigures
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, VoteFactory
from tests.participation.summaries.conftest import days

pytestmark = pytest.mark.django_db


def test_key_figures_count_public_input_once_per_participant(world):
    CommentFactory(target=world["topic"], status=Status.PENDING)
    CommentFactory(target=world["topic"], deleted_at=timezone.now())

    figures = selectors.consultation_key_figures(world["consultation"])

    # Anna, Karl and the thread's author; the pending and deleted comments' authors count as
    # participants (they took part), their comments do not count as public comments.
    assert figures.participants == 5
    assert figures.comments == 3
    assert figures.threads == 1
    assert figures.votes == 1
    assert figures.supports == 2
    assert figures.survey_responses == 0


def test_key_figures_ignore_other_consultations(world, home_page):
    other = ConsultationPageFactory(parent=home_page)
    other_topic = TopicPageFactory(parent=other)
    VoteFactory(target=CommentFactory(target=other_topic))

    figures = selectors.consultation_key_figures(world["consultation"])

    assert (figures.comments, figures.votes, figures.participants) == (3, 1, 3)


def test_key_figures_by_phase_follow_the_day_things_came_in(home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {"name": "Erste Runde", "start": days(-20), "end": days(-11)},
            {"name": "Zweite Runde", "start": days(-10), "end": days(5)},
        ],
    )
    topic = TopicPageFactory(parent=consultation)
    early = CommentFactory(target=topic)
    early.created_at = timezone.now() - timedelta(days=15)
    early.save(update_fields=["created_at"])
    VoteFactory(target=CommentFactory(target=topic))
    CommentFactory(target=topic)
    VoteFactory(target=topic)  # a support, not a vote on a comment

    figures = selectors.consultation_key_figures(consultation)

    assert [(phase.name, phase.comments, phase.votes) for phase in figures.phases] == [
        ("Erste Runde", 1, 0),
        ("Zweite Runde", 2, 1),
    ]
    assert sum(phase.votes for phase in figures.phases) == figures.votes


def test_key_figures_survive_the_round_trip_through_json(world):
    figures = selectors.consultation_key_figures(world["consultation"])

    assert KeyFigures.from_dict(figures.to_dict()) == figures


def test_key_figures_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    for _ in range(20):
        VoteFactory(target=CommentFactory(target=world["topic"]))

    with django_assert_max_num_queries(8):
        selectors.consultation_key_figures(world["consultation"])


def test_support_ranking_orders_by_support(world):
    popular = TopicPageFactory(parent=world["consultation"], title="Grün in der Stadt")
    for _ in range(3):
        VoteFactory(target=popular)

    ranking = selectors.support_ranking(world["consultation"], limit=5)

    assert [(row["title"], row["count"]) for row in ranking["topics"]] == [
        ("Grün in der Stadt", 3),
        ("Wohnen und Altstadt", 1),
    ]
    assert [
        (row["title"], row["count"]) for row in selectors.ranked_threads(ranking["threads"])
    ] == [("Ein Bus am Sonntag", 1)]


def test_comments_per_category_counts_public_comments_and_threads(world):
    hidden = CommentFactory(target=world["topic"], status=Status.HIDDEN)
    world["consultation"].moderation_categories.get(name="Innenstadt").comments.add(hidden)

    assert selectors.comments_per_category(world["consultation"]) == [
        {"name": "Innenstadt", "count": 2},
        {"name": "Radverkehr", "count": 2},
    ]


def test_heatmap_counts_comments_per_paragraph(world):
    heatmap = selectors.paragraph_heatmap(world["concept"])

    cells = [cell for chapter in heatmap["chapters"] for cell in chapter["paragraphs"]]
    assert [(cell["number"], cell["count"], cell["level"]) for cell in cells] == [
        ("1.1", 0, 0),
        ("1.2", 1, 5),
    ]
