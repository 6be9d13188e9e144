"""Rate limits per participant: a German explanation, the text kept, no address in any key."""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from participation.contributions.models import Comment, Thread, Vote
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import (
    comment_url,
    form_data,
    post_comment,
    textarea_value,
)

pytestmark = pytest.mark.django_db

IP = "203.0.113.7"


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.CONTRIBUTIONS_RATE_LIMITS = {
        "comment": [(2, 60)],
        "vote": [(3, 60)],
        "thread": [(1, 60)],
        "report": [(10, 60)],
    }
    cache.clear()
    # The counters are per clock minute: a minute boundary mid-test would reset them.
    with freeze_time(timezone.now()):
        yield


def test_the_third_comment_within_a_minute_is_refused_and_the_text_kept(human_client, topic):
    post_comment(human_client, topic, "Erster Kommentar.")
    post_comment(human_client, topic, "Zweiter Kommentar.")

    response = post_comment(human_client, topic, "Dritter Kommentar, zu schnell.")

    assert response.status_code == 429
    assert "Sie haben in kurzer Zeit sehr viele Beiträge gesendet." in response.content.decode()
    assert textarea_value(response) == "Dritter Kommentar, zu schnell."
    assert Comment.objects.count() == 2


def test_a_double_click_on_the_last_allowed_comment_is_not_refused(human_client, topic):
    post_comment(human_client, topic, "Erster Kommentar.")
    data = form_data("Zweiter Kommentar, doppelt geklickt.")
    first = human_client.post(comment_url(topic), data)

    second = human_client.post(comment_url(topic), data)

    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Comment.objects.count() == 2


def test_the_limit_is_per_participant(human_client, topic):
    post_comment(human_client, topic, "Erster Kommentar.")
    post_comment(human_client, topic, "Zweiter Kommentar.")

    assert post_comment(Client(), topic, "Jemand anderes.").status_code == 302


def test_votes_over_the_limit_are_refused(human_client, topic):
    comments = CommentFactory.create_batch(4, target=topic)
    url = "/beteiligung/kommentar/{}/abstimmen/"
    for comment in comments[:3]:
        assert human_client.post(url.format(comment.pk), {"value": "1"}).status_code == 302

    response = human_client.post(url.format(comments[3].pk), {"value": "1"})
    assert response.status_code == 429
    assert "Zu viele Stimmen in kurzer Zeit." in response.content.decode()
    json_response = human_client.post(
        url.format(comments[3].pk), {"value": "1"}, headers={"accept": "application/json"}
    )
    assert json_response.status_code == 429
    assert Vote.objects.count() == 3


def test_a_second_thread_within_a_minute_is_refused(human_client, forum):
    url = reverse("contributions:thread_create", args=[forum.pk])
    human_client.post(url, form_data("Erster Beitrag im Forum.", title="Erstes Thema"))

    response = human_client.post(url, form_data("Zweiter Beitrag im Forum.", title="Zweites Thema"))

    assert response.status_code == 429
    assert textarea_value(response) == "Zweiter Beitrag im Forum."
    assert Thread.objects.count() == 1


def cache_keys() -> list[str]:
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        return list(backend._cache.keys())
    if isinstance(backend, RedisCache):
        return [key.decode() for key in backend._cache.get_client().keys("*")]
    pytest.skip(f"cannot list the keys of a {type(backend).__name__}")


def test_no_cache_key_contains_an_ip_address(topic):
    visitor = Client(REMOTE_ADDR=IP, HTTP_X_FORWARDED_FOR=IP)
    other = CommentFactory(target=topic)
    post_comment(visitor, topic, "Kommentar mit Adresse im Kopf.")
    visitor.post(f"/beteiligung/kommentar/{other.pk}/abstimmen/", {"value": "1"})
    visitor.post(f"/beteiligung/kommentar/{other.pk}/melden/", {"reason": "spam"})

    keys = cache_keys()

    assert [key for key in keys if "ratelimit:comment:" in key]
    assert [key for key in keys if "ratelimit:vote:" in key]
    assert [key for key in keys if IP in key] == []
