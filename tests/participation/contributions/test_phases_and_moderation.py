"""What the consultation's current phase allows, and pre-moderation."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from participation.consultations.models import ModerationMode
from participation.contributions.models import Comment, Status, Vote
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import (
    comment_texts,
    html,
    post_comment,
    textarea_value,
)

pytestmark = pytest.mark.django_db

TEXT = "Späte Idee zur Altstadt."


def after_all_phases():
    """The default phase runs from 7 days ago for 28 days."""
    return freeze_time(timezone.localdate() + timedelta(days=60))


@pytest.fixture
def reading_topic(home_page):
    """A topic in a consultation whose current phase only allows reading."""
    consultation = ConsultationPageFactory(
        parent=home_page, phases=[{"name": "Auswertung", "allows_commenting": False}]
    )
    return TopicPageFactory(parent=consultation)


@pytest.fixture
def commenting_only_topic(home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[{"name": "Kommentierung", "allows_commenting": True, "allows_voting": False}],
    )
    return TopicPageFactory(parent=consultation)


def test_after_the_last_phase_the_discussion_is_read_only(client, topic):
    CommentFactory(target=topic, text="Aus der offenen Phase.")

    with after_all_phases():
        page = html(client.get(topic.url))

    notice = page.select_one("#kommentieren .notice").get_text()
    assert "Zurzeit läuft keine Beteiligungsphase. Sie können die Diskussion lesen." in notice
    assert page.find("textarea") is None
    assert [t.get_text(strip=True) for t in page.select(".comment__text")] == [
        "Aus der offenen Phase."
    ]


def test_after_the_last_phase_a_comment_is_refused_and_the_text_kept(human_client, topic):
    with after_all_phases():
        response = post_comment(human_client, topic, TEXT)

    assert response.status_code == 403
    assert "Zurzeit läuft keine Beteiligungsphase." in response.content.decode()
    assert textarea_value(response) == TEXT
    assert not Comment.objects.exists()


def test_in_a_reading_phase_a_comment_is_refused_with_the_phase_name(human_client, reading_topic):
    assert html(human_client.get(reading_topic.url)).find("textarea") is None

    response = post_comment(human_client, reading_topic, TEXT)

    assert response.status_code == 403
    assert "In der Phase „Auswertung“ ist das nicht möglich." in response.content.decode()
    assert textarea_value(response) == TEXT
    assert not Comment.objects.exists()


def test_votes_are_refused_outside_a_voting_phase(human_client, commenting_only_topic):
    comment = CommentFactory(target=commenting_only_topic)
    assert not html(human_client.get(commenting_only_topic.url)).select(".vote-form")

    response = human_client.post(
        reverse("contributions:comment_vote", args=[comment.pk]),
        {"value": "1"},
        headers={"accept": "application/json"},
    )

    assert response.status_code == 403
    assert "In der Phase „Kommentierung“ ist das nicht möglich." in response.json()["message"]
    assert not Vote.objects.exists()


def test_support_is_refused_outside_a_voting_phase(human_client, commenting_only_topic):
    response = human_client.post(
        reverse("contributions:support", args=["seite", commenting_only_topic.pk]), {"value": "1"}
    )

    assert response.status_code == 403
    assert "ist das nicht möglich" in response.content.decode()
    assert not Vote.objects.exists()


@pytest.fixture
def pre_moderated(consultation):
    consultation.moderation_mode = ModerationMode.PRE
    consultation.save()


def discussion_count(response) -> str:
    return html(response).select_one(".discussion__count").get_text()


@pytest.mark.usefixtures("pre_moderated")
def test_a_pre_moderated_comment_is_stored_as_pending(human_client, topic):
    response = post_comment(human_client, topic, TEXT)

    assert Comment.objects.get().status == Status.PENDING
    assert "Danke! Ihr Beitrag wird nach Prüfung veröffentlicht." in (
        human_client.get(response.url).content.decode()
    )


@pytest.mark.usefixtures("pre_moderated")
def test_only_the_author_sees_a_pending_comment_marked_as_such(human_client, topic):
    post_comment(human_client, topic, TEXT)

    own_view = human_client.get(topic.url)
    pending = html(own_view).select_one(".comment .comment__pending").get_text()
    assert "wird nach Prüfung veröffentlicht" in pending
    assert comment_texts(own_view) == [TEXT]
    assert discussion_count(own_view) == "(0 Beiträge)"

    other_view = Client().get(topic.url)
    assert comment_texts(other_view) == []
    assert TEXT not in other_view.content.decode()
    assert discussion_count(other_view) == "(0 Beiträge)"
