"""State-changing URLs take POST only, and only with a CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from participation.contributions.models import Comment, Report, Thread, Vote
from participation.contributions.services import SESSION_HUMAN_KEY, SESSION_TOKEN_KEY
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.contributions.helpers import form_data, html

pytestmark = pytest.mark.django_db


def test_post_only_urls_refuse_get(human_client, topic):
    comment = CommentFactory(target=topic)
    urls = [
        reverse("contributions:comment_create", args=["seite", topic.pk]),
        reverse("contributions:comment_vote", args=[comment.pk]),
        reverse("contributions:support", args=["seite", topic.pk]),
    ]

    assert [human_client.get(url, {"value": "1", "text": "Hallo"}).status_code for url in urls] == [
        405,
        405,
        405,
    ]
    assert Comment.objects.count() == 1 and not Vote.objects.exists()


@pytest.fixture
def own_comment(topic):
    return CommentFactory(target=topic, participant=ParticipantFactory(), text="Meiner.")


@pytest.fixture
def csrf_client(own_comment):
    """The author of `own_comment`, past the captcha, in a browser that sends no CSRF token."""
    client = Client(enforce_csrf_checks=True)
    session = client.session
    session[SESSION_HUMAN_KEY] = True
    session[SESSION_TOKEN_KEY] = own_comment.participant.session_token
    session.save()
    return client


def posts(topic, forum, own, other):
    return {
        "comment": (reverse("contributions:comment_create", args=["seite", topic.pk]), form_data()),
        "vote": (reverse("contributions:comment_vote", args=[other.pk]), {"value": "1"}),
        "support": (reverse("contributions:support", args=["seite", topic.pk]), {"value": "1"}),
        "edit": (reverse("contributions:edit", args=["kommentar", own.pk]), {"text": "Neu."}),
        "delete": (reverse("contributions:delete", args=["kommentar", own.pk]), {}),
        "report": (
            reverse("contributions:report", args=["kommentar", other.pk]),
            {"reason": "spam"},
        ),
        "thread": (
            reverse("contributions:thread_create", args=[forum.pk]),
            form_data(title="Ein neues Thema"),
        ),
        "captcha": (
            reverse("contributions:confirm_human"),
            {"captcha_0": "x", "captcha_1": "PASSED"},
        ),
    }


@pytest.mark.parametrize(
    "action", ["comment", "vote", "support", "edit", "delete", "report", "thread", "captcha"]
)
def test_a_post_without_csrf_token_is_refused(csrf_client, own_comment, topic, forum, action):
    other = CommentFactory(target=topic, text="Von jemand anderem.")
    url, data = posts(topic, forum, own_comment, other)[action]

    response = csrf_client.post(url, data)

    assert response.status_code == 403
    own_comment.refresh_from_db()
    assert (own_comment.text, own_comment.deleted_at) == ("Meiner.", None)
    assert Comment.objects.count() == 2
    assert not Vote.objects.exists() and not Report.objects.exists()
    assert not Thread.objects.exists()


def test_the_same_post_with_the_pages_csrf_token_is_accepted(csrf_client, topic):
    page = html(csrf_client.get(topic.url))
    token = page.select_one("form.comment-form input[name=csrfmiddlewaretoken]")["value"]

    response = csrf_client.post(
        reverse("contributions:comment_create", args=["seite", topic.pk]),
        form_data("Mit Token.", csrfmiddlewaretoken=token),
    )

    assert response.status_code == 302
    assert Comment.objects.filter(text="Mit Token.").exists()
