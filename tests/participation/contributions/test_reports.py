"""Reporting abusive content: one report per participant, enough reports hide it for review."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import cms.cache
from participation.contributions.models import HiddenReason, Report, Status
from tests.participation.contributions.factories import CommentFactory
from tests.participation.contributions.helpers import comment_texts, html

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(topic):
    return CommentFactory(target=topic, text="Ein Kommentar, der manchen nicht gefällt.")


def report(client, comment, reason="insult", text=""):
    url = reverse("contributions:report", args=["kommentar", comment.pk])
    return client.post(url, {"reason": reason, "text": text})


def test_a_report_with_a_reason_is_stored(client, topic, comment):
    response = report(client, comment, "spam")

    assert response.status_code == 302
    assert response.url == f"{topic.url}?kommentar={comment.pk}#kommentar-{comment.pk}"
    assert list(Report.objects.values_list("object_id", "reason")) == [(comment.pk, "spam")]


def test_a_second_report_by_the_same_participant_adds_no_row(client, comment):
    report(client, comment, "spam")
    report(client, comment, "insult")

    assert Report.objects.count() == 1


def test_other_without_an_explanation_gets_a_german_error(client, comment):
    response = report(client, comment, "other")

    assert response.status_code == 400
    field = html(response).find("textarea", attrs={"name": "text"}).find_parent(class_="form-field")
    assert "Bitte beschreiben Sie kurz, was nicht stimmt." in field.get_text()
    assert not Report.objects.exists()


def test_other_with_an_explanation_is_stored(client, comment):
    report(client, comment, "other", "Enthält eine private Telefonnummer.")

    assert Report.objects.get().text == "Enthält eine private Telefonnummer."


def test_three_reports_from_three_participants_hide_the_comment(topic, comment):
    for _ in range(2):
        report(Client(), comment)
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED

    report(Client(), comment)

    comment.refresh_from_db()
    assert (comment.status, comment.hidden_reason) == (Status.HIDDEN, HiddenReason.REPORTS)
    page = Client().get(topic.url)
    notice = html(page).select_one(f"#kommentar-{comment.pk} .comment__notice").get_text()
    assert "mehrfach gemeldet" in notice
    assert comment_texts(page) == []
    assert comment.text not in page.content.decode()


@pytest.mark.parametrize("threshold", [2, 5])
def test_the_number_of_reports_that_hides_is_configurable(settings, comment, threshold):
    settings.CONTRIBUTIONS_REPORTS_TO_HIDE = threshold
    for _ in range(threshold - 1):
        report(Client(), comment)
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED

    report(Client(), comment)

    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN


def test_a_hidden_comment_cannot_be_reported_again(settings, comment):
    settings.CONTRIBUTIONS_REPORTS_TO_HIDE = 1
    report(Client(), comment)

    assert report(Client(), comment).status_code == 404
    assert Report.objects.count() == 1


def test_hiding_by_reports_makes_the_stored_pages_out_of_date(settings, comment):
    """The hiding update() sends no post_save: the page cache must learn of it all the same
    (a page without forms, e.g. a closed discussion, may be stored)."""
    settings.CONTRIBUTIONS_REPORTS_TO_HIDE = 1
    cms.cache.content_changed()
    before = cache.get(cms.cache.GENERATION_KEY)

    report(Client(), comment)

    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    assert cache.get(cms.cache.GENERATION_KEY) != before
