"""Registered authors who asked for it get an email when someone else replies."""

import pytest
from django.core import mail
from django.test import Client

from participation.contributions.models import Comment
from participation.contributions.services import SESSION_HUMAN_KEY
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.helpers import post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def replier():
    client = Client()
    session = client.session
    session[SESSION_HUMAN_KEY] = True
    session.save()
    return client


def author_comment(client, topic, *, notify: bool) -> Comment:
    extra = {"notify_on_reply": "on"} if notify else {}
    post_comment(client, topic, "Was meinen Sie dazu?", **extra)
    return Comment.objects.get(text="Was meinen Sie dazu?")


def reply(client, topic, parent, capture, text="Gute Frage, ich finde ja."):
    with capture(execute=True):
        assert post_comment(client, topic, text, parent=parent.pk).status_code == 302


def test_an_author_who_opted_in_gets_one_email_on_a_reply(
    citizen_client, citizen, replier, topic, django_capture_on_commit_callbacks
):
    parent = author_comment(citizen_client, topic, notify=True)
    assert parent.notify_on_reply

    reply(replier, topic, parent, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [citizen.email]
    assert "Gute Frage, ich finde ja." in message.body
    answer = Comment.objects.get(text="Gute Frage, ich finde ja.")
    assert f"?kommentar={parent.pk}#kommentar-{answer.pk}" in message.body


def test_no_email_without_opting_in(
    citizen_client, replier, topic, django_capture_on_commit_callbacks
):
    parent = author_comment(citizen_client, topic, notify=False)

    reply(replier, topic, parent, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_no_email_for_replies_to_oneself(citizen_client, topic, django_capture_on_commit_callbacks):
    parent = author_comment(citizen_client, topic, notify=True)

    reply(citizen_client, topic, parent, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_anonymous_authors_cannot_ask_for_emails(human_client, topic):
    parent = author_comment(human_client, topic, notify=True)

    assert not parent.notify_on_reply


def test_a_reply_by_another_registered_user_notifies_too(
    citizen_client, citizen, topic, django_capture_on_commit_callbacks
):
    parent = author_comment(citizen_client, topic, notify=True)
    other = Client()
    other.force_login(UserFactory(verified=True))

    reply(other, topic, parent, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[citizen.email]]
