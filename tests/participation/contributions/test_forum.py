"""The forum: citizens start threads under impulse topics, filter, sort and discuss them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.contributions.models import Thread
from tests.participation.contributions.factories import (
    CommentFactory,
    ThreadFactory,
    VoteFactory,
)
from tests.participation.contributions.helpers import comment_texts, form_data, html, post_comment

pytestmark = pytest.mark.django_db


def thread_url(thread):
    return reverse("contributions:thread", args=[thread.forum_id, thread.pk])


def listed(response) -> list[str]:
    return [h3.get_text(strip=True) for h3 in html(response).select(".thread-list h3")]


def test_start_a_thread_and_see_it_on_its_page(human_client, forum):
    impulse = forum.impulse_topics.get(title="Smart Mobility")

    response = human_client.post(
        reverse("contributions:thread_create", args=[forum.pk]),
        form_data("Ein Rufbus für die Ortsteile?", title="Rufbus", impulse_topic=impulse.pk),
    )

    thread = Thread.objects.get()
    assert (thread.title, thread.impulse_topic, thread.forum_id) == ("Rufbus", impulse, forum.pk)
    assert response.url == thread_url(thread)
    page = html(human_client.get(thread_url(thread)))
    assert page.select_one("h1").get_text(strip=True) == "Rufbus"
    assert "Ein Rufbus für die Ortsteile?" in page.select_one(".prose").get_text()
    assert "Smart Mobility" in page.select_one(".kicker").get_text()


def test_a_thread_needs_a_title(human_client, forum):
    response = human_client.post(
        reverse("contributions:thread_create", args=[forum.pk]), form_data("Nur Text.")
    )

    assert response.status_code == 400
    assert "Bitte geben Sie einen Titel an." in response.content.decode()
    assert not Thread.objects.exists()


def test_the_forum_page_lists_its_threads(client, forum):
    ThreadFactory(forum=forum, title="Homeoffice auf dem Land")
    ThreadFactory(forum=forum, title="Offene Geodaten")

    assert sorted(listed(client.get(forum.url))) == ["Homeoffice auf dem Land", "Offene Geodaten"]


def test_threads_are_filtered_by_impulse_topic(client, forum):
    work, geo, _mobility = forum.impulse_topics.all()
    ThreadFactory(forum=forum, title="Homeoffice auf dem Land", impulse_topic=work)
    ThreadFactory(forum=forum, title="Offene Geodaten", impulse_topic=geo)
    ThreadFactory(forum=forum, title="Ohne Impulsthema")

    assert listed(client.get(f"{forum.url}?impuls={geo.pk}")) == ["Offene Geodaten"]


def test_a_garbled_filter_shows_all_threads(client, forum):
    ThreadFactory(forum=forum, title="Offene Geodaten")

    assert listed(client.get(f"{forum.url}?impuls=²&sortierung=x")) == ["Offene Geodaten"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [("neu", "CBA"), ("alt", "ABC"), ("unterstuetzt", "BCA"), ("diskutiert", "ACB")],
)
def test_threads_are_sorted_as_chosen(client, forum, sort, expected):
    threads = [ThreadFactory(forum=forum, title=title) for title in "ABC"]
    for age, thread in enumerate(reversed(threads)):
        Thread.objects.filter(pk=thread.pk).update(
            created_at=timezone.now() - timedelta(hours=age + 1)
        )
    VoteFactory.create_batch(2, target=threads[1])
    CommentFactory.create_batch(2, target=threads[0])

    assert "".join(listed(client.get(f"{forum.url}?sortierung={sort}"))) == expected


def test_comments_on_a_thread_are_counted_in_the_list(human_client, forum):
    thread = ThreadFactory(forum=forum)

    post_comment(human_client, thread, "Da mache ich mit.")

    assert comment_texts(human_client.get(thread_url(thread))) == ["Da mache ich mit."]
    assert "1 Kommentar" in html(human_client.get(forum.url)).select_one(".thread-list").get_text()
