"""The shared page cache and the shared discussion lists never serve one visitor's state to
another: nothing with a CSRF token, a participant's own votes or pending contributions, a
logged-in user's page or a message is stored or served from the cache."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import cms.cache
from participation.contributions.models import Comment, Status, Vote
from participation.contributions.services import SESSION_HUMAN_KEY, SESSION_TOKEN_KEY
from participation.contributions.targets import content_type_of
from tests.cms.factories import StandardPageFactory
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Page-Cache"
NONCE = re.compile(rb'nonce="([^"]+)"')


@pytest.fixture(autouse=True)
def _caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.DISCUSSION_CACHE_SECONDS = 60


@pytest.fixture
def stored(monkeypatch):
    """Every page and discussion list the shared caches store during the test."""
    entries: list[bytes] = []
    real_set = cache.set

    def recording_set(key, value, *args, **kwargs):
        if key.startswith("pagecache:"):
            entries.append(value["content"])
        if key.startswith("discussion:list:"):
            entries.append(value["html"].encode())
        return real_set(key, value, *args, **kwargs)

    proxy = SimpleNamespace(
        get=cache.get, get_many=cache.get_many, set=recording_set, add=cache.add, incr=cache.incr
    )
    monkeypatch.setattr(cms.cache, "cache", proxy)  # the discussion lists are stored through it
    return entries


@pytest.fixture
def plain_page(home_page):
    return StandardPageFactory(parent=home_page, title="Impressum der Teststadt")


@pytest.fixture
def closed_topic(home_page):
    """A discussion after its last phase: shown read-only, without any form."""
    today = timezone.localdate()
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {
                "name": "Online-Beteiligung",
                "start": today - timedelta(days=30),
                "end": today - timedelta(days=10),
                "allows_commenting": True,
                "allows_voting": True,
            }
        ],
    )
    return TopicPageFactory(parent=consultation, title="Abgeschlossenes Thema")


@pytest.fixture
def open_topic(consultation):
    return TopicPageFactory(parent=consultation, title="Offenes Thema")


def participant_client(participant) -> Client:
    client = Client()
    session = client.session
    session[SESSION_TOKEN_KEY] = participant.session_token
    session[SESSION_HUMAN_KEY] = True
    session.save()
    return client


# --- Pages -----------------------------------------------------------------------------------


def test_an_anonymous_content_page_is_served_from_the_cache_with_a_fresh_nonce(plain_page, stored):
    first = Client().get(plain_page.url)
    second = Client().get(plain_page.url)

    assert first[CACHE_HEADER] == "miss"
    assert second[CACHE_HEADER] == "hit"
    assert len(stored) == 1
    first_nonce, second_nonce = NONCE.search(first.content)[1], NONCE.search(second.content)[1]
    assert first_nonce != second_nonce
    # The stored page has no nonce; the header and the page served agree on the new one.
    assert first_nonce not in stored[0]
    assert f"'nonce-{second_nonce.decode()}'" in second["Content-Security-Policy"]
    assert NONCE.sub(b"", first.content) == NONCE.sub(b"", second.content)
    assert not second.cookies


def test_a_page_with_a_form_is_never_stored_or_served_from_the_cache(open_topic, stored):
    responses = [Client().get(open_topic.url) for _ in range(3)]

    assert all(b"csrfmiddlewaretoken" in response.content for response in responses)
    assert all(CACHE_HEADER not in response for response in responses)
    assert not [page for page in stored if page.startswith(b"<!")]
    assert all(b"csrfmiddlewaretoken" not in entry for entry in stored)
    # Each visitor's form carries a token that belongs to their own cookie.
    tokens = {r.cookies["csrftoken"].value for r in responses}
    assert len(tokens) == 3


def test_a_logged_in_user_never_gets_the_shared_page_nor_fills_it(
    client, citizen, plain_page, stored
):
    Client().get(plain_page.url)  # stored for anonymous visitors
    client.force_login(citizen)

    response = client.get(plain_page.url)

    assert CACHE_HEADER not in response
    assert "private" in response["Cache-Control"]
    assert len(stored) == 1
    assert "Abmelden" in response.content.decode()
    assert b"Abmelden" not in stored[0]
    assert Client().get(plain_page.url)[CACHE_HEADER] == "hit"


def test_a_participants_pending_comment_and_state_never_reach_the_shared_cache(
    closed_topic, stored
):
    author = ParticipantFactory(session_token="token-der-autorin")
    CommentFactory(target=closed_topic, participant=author, status=Status.PUBLISHED, text="Alt.")
    CommentFactory(
        target=closed_topic, participant=author, status=Status.PENDING, text="Noch geheim."
    )
    anonymous = Client().get(closed_topic.url)
    assert b"csrfmiddlewaretoken" not in anonymous.content  # read-only: shareable
    assert Client().get(closed_topic.url)[CACHE_HEADER] == "hit"

    own_view = participant_client(author).get(closed_topic.url)

    assert CACHE_HEADER not in own_view
    assert "Noch geheim." in own_view.content.decode()
    assert "Nur für Sie sichtbar" in own_view.content.decode()
    later = Client().get(closed_topic.url)
    assert later[CACHE_HEADER] == "hit"
    assert "Noch geheim." not in later.content.decode()
    assert all(b"Noch geheim." not in entry for entry in stored)


def test_a_visitor_with_a_message_gets_the_page_rendered_for_them(plain_page, stored):
    Client().get(plain_page.url)
    client = Client()
    response = HttpResponse()
    storage = CookieStorage(HttpRequest())
    storage.add(constants.SUCCESS, "Danke! Ihr Beitrag ist veröffentlicht.")
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value

    page = client.get(plain_page.url)

    assert CACHE_HEADER not in page
    assert "Danke! Ihr Beitrag ist veröffentlicht." in page.content.decode()
    assert all(b"Danke!" not in entry for entry in stored)


def test_a_post_is_never_answered_from_the_cache(plain_page):
    Client().get(plain_page.url)

    response = Client().post(plain_page.url)

    assert CACHE_HEADER not in response


def test_publishing_a_page_replaces_the_stored_copy(plain_page):
    Client().get(plain_page.url)
    plain_page.title = "Impressum, neu"
    plain_page.save_revision().publish()

    response = Client().get(plain_page.url)

    assert response[CACHE_HEADER] == "miss"
    assert "Impressum, neu" in response.content.decode()


def test_without_page_cache_seconds_nothing_is_stored(settings, plain_page, stored):
    settings.PAGE_CACHE_SECONDS = 0

    responses = [Client().get(plain_page.url) for _ in range(2)]

    assert all(CACHE_HEADER not in response for response in responses)
    assert not [entry for entry in stored if entry.startswith(b"<!")]


# --- Shared discussion lists -----------------------------------------------------------------


def vote_forms(response) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())


def test_anonymous_visitors_share_the_list_but_each_gets_their_own_csrf_token(open_topic, stored):
    CommentFactory.create_batch(3, target=open_topic)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page, second_page = first.get(open_topic.url), second.get(open_topic.url)

    assert len([entry for entry in stored if b"comment__text" in entry]) == 1
    assert all(b'csrfmiddlewaretoken" value=""' not in entry for entry in stored)
    assert set(vote_forms(first_page)).isdisjoint(vote_forms(second_page))
    # The token in the shared list works for its visitor (the vote reaches the captcha step).
    comment = Comment.objects.first()
    url = reverse("contributions:comment_vote", args=[comment.pk])
    answer = second.post(url, {"value": "1", "csrfmiddlewaretoken": vote_forms(second_page)[-1]})
    assert answer.status_code == 302
    assert reverse("contributions:confirm_human") in answer.url


def test_a_participant_sees_their_own_votes_never_the_shared_list(open_topic, stored):
    comment = CommentFactory(target=open_topic)
    voter = ParticipantFactory(session_token="token-des-waehlers")
    Client().get(open_topic.url)  # the shared list exists
    Vote.objects.create(
        participant=voter, content_type=content_type_of(comment), object_id=comment.pk, value=1
    )

    own = participant_client(voter).get(open_topic.url).content.decode()

    assert 'aria-pressed="true"' in own
    assert all(b'aria-pressed="true"' not in entry for entry in stored)


def test_a_vote_shows_at_once_in_the_shared_list(open_topic):
    comment = CommentFactory(target=open_topic)
    voter = participant_client(ParticipantFactory(session_token="token-eins"))
    before = Client().get(open_topic.url).content.decode()
    assert 'data-count="up">0<' in before

    voter.post(reverse("contributions:comment_vote", args=[comment.pk]), {"value": "1"})

    assert 'data-count="up">1<' in Client().get(open_topic.url).content.decode()


def test_a_moderated_comment_disappears_at_once_from_the_shared_list(open_topic):
    comment = CommentFactory(target=open_topic, text="Beleidigender Text.")
    assert "Beleidigender Text." in Client().get(open_topic.url).content.decode()

    comment.status = Status.HIDDEN
    comment.save()

    assert "Beleidigender Text." not in Client().get(open_topic.url).content.decode()


def test_a_stored_value_is_served_only_for_the_version_it_was_made_for():
    """The one mechanism behind both shared caches (cms.cache.versioned_get/_set)."""
    cms.cache.versioned_set("test:value", "test:version", None, {"html": "alt"}, 60)
    stored, version = cms.cache.versioned_get("test:value", "test:version")
    assert stored["html"] == "alt" and version is not None
    cms.cache.version_bump("test:version")
    assert cms.cache.versioned_get("test:value", "test:version")[0] is None
    cms.cache.versioned_set("test:value", "test:version", version, {"html": "alt"}, 60)
    assert cms.cache.versioned_get("test:value", "test:version")[0] is None  # made too early
    cache.delete("test:version")  # evicted: nothing stored before counts as current
    assert cms.cache.versioned_get("test:value", "test:version")[0] is None


def test_an_entry_stored_before_versions_existed_is_not_served():
    """Pages stored by an older release (no "version" in them) are out of date, no error."""
    cms.cache.version_bump("test:version")
    cache.set("test:value", {"content": b"alt", "generation": 3}, 60)
    assert cms.cache.versioned_get("test:value", "test:version")[0] is None
