"""Consultations that require an account: say so, keep the text across the login."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from participation.contributions.models import Comment, Participant, Vote
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import html, post_comment, textarea_value

pytestmark = pytest.mark.django_db

TEXT = "Bitte mehr Grün in der Altstadt."


@pytest.fixture(autouse=True)
def account_required(consultation):
    consultation.anonymous_participation = False
    consultation.save()


def login_next(url: str) -> str:
    parts = urlsplit(url)
    assert parts.path == reverse("account_login")
    return parse_qs(parts.query)["next"][0]


def test_the_form_says_an_account_is_needed_and_links_to_login(client, topic):
    page = html(client.get(topic.url))

    notice = page.select_one("#kommentieren .notice")
    assert "Zum Kommentieren brauchen Sie ein Konto." in notice.get_text()
    assert login_next(notice.find("a", string="Anmelden")["href"]) == topic.url + "#kommentieren"
    assert page.find("input", attrs={"name": "captcha_1"}) is None


def test_an_anonymous_post_stores_nothing_and_redirects_to_login(client, topic):
    response = post_comment(client, topic, TEXT)

    assert response.status_code == 302
    assert login_next(response.url) == topic.url + "#kommentieren"
    assert not Comment.objects.exists()
    assert not Participant.objects.exists()


def test_after_logging_in_the_form_holds_the_text_typed_before(client, citizen, topic):
    post_comment(client, topic, TEXT)

    client.force_login(citizen)

    assert textarea_value(client.get(topic.url)) == TEXT


def test_the_kept_text_is_gone_once_it_is_posted(client, citizen, topic):
    post_comment(client, topic, TEXT)
    client.force_login(citizen)
    post_comment(client, topic, TEXT)

    assert textarea_value(client.get(topic.url)) == ""


def test_a_logged_in_comment_is_stored(citizen_client, citizen, topic):
    assert post_comment(citizen_client, topic, TEXT).status_code == 302

    assert Comment.objects.get().participant.user == citizen


def test_an_anonymous_vote_redirects_to_login_and_counts_nothing(client, topic):
    comment = CommentFactory(target=topic)

    response = client.post(reverse("contributions:comment_vote", args=[comment.pk]), {"value": "1"})

    assert response.status_code == 302
    assert login_next(response.url) == topic.url
    assert not Vote.objects.exists()


def test_the_reply_page_sends_anonymous_visitors_to_login(client, topic):
    comment = CommentFactory(target=topic)
    reply_url = reverse("contributions:comment_reply", args=[comment.pk])

    response = client.get(reply_url)

    assert response.status_code == 302
    assert login_next(response.url) == reply_url
