"""Sorting, "load more" pages and permalinks to comments on later pages."""

from datetime import timedelta
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.contributions.models import Comment, Vote
from participation.contributions.selectors import comment_permalink
from tests.participation.contributions.factories import CommentFactory, VoteFactory
from tests.participation.contributions.helpers import html

pytestmark = pytest.mark.django_db


def roots_created_in_order(topic, count: int) -> list[Comment]:
    """`count` top-level comments, oldest first, one minute apart."""
    comments = CommentFactory.create_batch(count, target=topic)
    start = timezone.now() - timedelta(days=1)
    for minute, comment in enumerate(comments):
        comment.created_at = start + timedelta(minutes=minute)
        Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at)
    return comments


def shown_roots(response) -> list[int]:
    return [
        int(li["id"].removeprefix("kommentar-"))
        for li in html(response).select("li.comment:not(.comment--reply)")
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("neu", "dcba"),
        ("alt", "abcd"),
        ("unterstuetzt", "bdca"),  # b: 3 up, d: 1 up; c's 5 down votes don't count
        ("diskutiert", "cadb"),  # c: 2 replies, a: 1 reply
    ],
)
def test_comments_are_sorted_as_chosen(client, topic, sort, expected):
    a, b, c, d = roots_created_in_order(topic, 4)
    VoteFactory.create_batch(3, target=b)
    VoteFactory(target=d)
    VoteFactory.create_batch(5, target=c, value=Vote.DOWN)
    CommentFactory.create_batch(2, parent=c)
    CommentFactory(parent=a)
    by_id = {a.pk: "a", b.pk: "b", c.pk: "c", d.pk: "d"}

    response = client.get(f"{topic.url}?sortierung={sort}")

    assert "".join(by_id[pk] for pk in shown_roots(response)) == expected


def test_an_unknown_sort_falls_back_to_newest_first(client, topic):
    a, b = roots_created_in_order(topic, 2)

    assert shown_roots(client.get(f"{topic.url}?sortierung=DROP")) == [b.pk, a.pk]


def test_the_first_page_shows_20_comments_and_a_link_to_load_more(client, topic):
    comments = roots_created_in_order(topic, 25)
    newest_first = [c.pk for c in reversed(comments)]

    first = client.get(topic.url)

    assert shown_roots(first) == newest_first[:20]
    more = urlsplit(
        urljoin(topic.url, html(first).find("a", string="Weitere Kommentare laden")["href"])
    )
    assert (more.path, parse_qs(more.query)["seite"]) == (topic.url, ["2"])
    assert shown_roots(client.get(f"{more.path}?{more.query}")) == newest_first[20:]


def test_the_fragment_url_returns_the_remaining_comments(client, topic):
    comments = roots_created_in_order(topic, 25)
    url = reverse("contributions:comment_list", args=["seite", topic.pk])
    more = urlsplit(html(client.get(topic.url)).select_one("[data-more-url]")["data-more-url"])
    assert (more.path, parse_qs(more.query)["seite"]) == (url, ["2"])

    fragment = client.get(f"{url}?seite=2")

    assert fragment.status_code == 200
    assert shown_roots(fragment) == [c.pk for c in reversed(comments[:5])]
    assert "Weitere Kommentare laden" not in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_a_permalink_shows_the_page_that_contains_an_old_comment(client, topic):
    comments = roots_created_in_order(topic, 25)
    old = comments[2]  # the 23rd newest: on page 2
    reply = CommentFactory(parent=old)

    response = client.get(comment_permalink(reply).split("#")[0])

    assert old.pk in shown_roots(response)
    assert html(response).select_one(f"#kommentar-{old.pk} #kommentar-{reply.pk}")
    assert old.pk not in shown_roots(client.get(topic.url))


def test_a_permalink_finds_the_right_page_when_newer_comments_were_deleted(client, topic):
    comments = roots_created_in_order(topic, 22)
    Comment.objects.filter(pk=comments[-1].pk).update(deleted_at=timezone.now(), text="")
    # 20 newer comments exist, but the deleted one is not listed: it is the 20th on page 1.
    target = comments[1]

    response = client.get(f"{topic.url}?kommentar={target.pk}")

    assert target.pk in shown_roots(response)


@pytest.mark.parametrize("query", ["kommentar=²", "kommentar=abc", "seite=abc", "seite=99"])
def test_a_garbled_address_still_shows_the_discussion(client, topic, query):
    comments = roots_created_in_order(topic, 3)

    response = client.get(f"{topic.url}?{query}")

    assert response.status_code == 200
    assert sorted(shown_roots(response)) == sorted(c.pk for c in comments)
