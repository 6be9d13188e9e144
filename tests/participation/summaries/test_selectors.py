"""The figures the report's blocks show, read from the live data."""

import pytest

from participation.contributions.models import Status
from participation.summaries import selectors
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, VoteFactory

pytestmark = pytest.mark.django_db


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
