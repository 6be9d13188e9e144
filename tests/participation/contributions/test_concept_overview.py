"""The concept document's heat map and per-chapter comment pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.contributions.models import HiddenReason, Status
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import comment_texts, html

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed(concept):
    """5 comments on paragraph 1.1, 2 on 1.2 (one of them a reply), and on 2.1 only ones
    the public does not see."""
    first, second, third = concept.paragraphs[:3]
    CommentFactory.create_batch(5, target=concept, paragraph_key=first.key)
    CommentFactory(parent=CommentFactory(target=concept, paragraph_key=second.key))
    for hidden in (
        {"status": Status.HIDDEN, "hidden_reason": HiddenReason.REPORTS},
        {"status": Status.PENDING},
        {"status": Status.REJECTED},
        {"deleted_at": timezone.now(), "text": ""},
    ):
        CommentFactory(target=concept, paragraph_key=third.key, **hidden)
    CommentFactory(target=concept, text="Zum ganzen Konzept.")
    return concept


def test_the_heatmap_shows_each_paragraphs_real_comment_count(client, discussed):
    page = html(client.get(reverse("contributions:heatmap", args=[discussed.pk])))

    counts = {
        link["href"].rstrip("/").rsplit("/", 1)[-1]: link.select_one(".heatmap__count").get_text()
        for link in page.select(".heatmap__paragraph a")
    }
    keys = [p.key for p in discussed.paragraphs]
    assert counts == {
        keys[0]: "5 Kommentare",
        keys[1]: "2 Kommentare",
        **dict.fromkeys(keys[2:], "0 Kommentare"),
    }
    chapters = [c.get_text(strip=True) for c in page.select(".heatmap-chapter__count")]
    assert chapters == ["(7 Kommentare)", "(0 Kommentare)", "(0 Kommentare)"]


def test_the_chapter_page_shows_only_that_chapters_comments(client, discussed):
    later = CommentFactory(
        target=discussed, paragraph_key=discussed.paragraphs[5].key, text="Zu Kapitel 3."
    )

    first = client.get(reverse("contributions:chapter", args=[discussed.pk, 1]))
    third = client.get(reverse("contributions:chapter", args=[discussed.pk, 3]))

    assert len(comment_texts(first)) == 7
    assert later.text not in first.content.decode()
    assert "Zum ganzen Konzept." not in first.content.decode()
    assert comment_texts(third) == ["Zu Kapitel 3."]


def test_the_chapter_page_hides_what_the_public_does_not_see(client, discussed):
    second = client.get(reverse("contributions:chapter", args=[discussed.pk, 2]))

    assert comment_texts(second) == []


def test_an_unknown_chapter_is_not_found(client, concept):
    assert client.get(reverse("contributions:chapter", args=[concept.pk, 9])).status_code == 404
