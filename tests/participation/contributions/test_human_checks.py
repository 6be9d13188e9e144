"""Captcha for an anonymous visitor's first contribution, honeypot and minimum fill time:
each refusal is a German error, and the typed text stays in the form."""

import time

import pytest
from django.core import signing

from participation.contributions.forms import STARTED_SALT
from participation.contributions.models import Comment
from tests.participation.contributions.helpers import html, post_comment, textarea_value

pytestmark = pytest.mark.django_db

TEXT = "Der Marktplatz braucht mehr Schatten."


def captcha_key(response) -> str | None:
    field = html(response).find("input", attrs={"name": "captcha_0"})
    return field["value"] if field else None


def has_captcha(response) -> bool:
    return html(response).find("input", attrs={"name": "captcha_1"}) is not None


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (None, "Bitte geben Sie die Zeichen aus dem Bild ein."),
        ("falsch", "Die Zeichen stimmen nicht. Bitte versuchen Sie es mit dem neuen Bild."),
    ],
)
def test_a_missing_or_wrong_captcha_is_refused_with_a_new_challenge_and_the_text_kept(
    client, topic, answer, error
):
    old_key = captcha_key(client.get(topic.url))
    assert old_key

    response = post_comment(client, topic, TEXT, captcha_0=old_key, captcha_1=answer)

    assert response.status_code == 400
    captcha_field = (
        html(response).find("input", attrs={"name": "captcha_1"}).find_parent(class_="form-field")
    )
    assert error in captcha_field.get_text(" ", strip=True)
    assert textarea_value(response) == TEXT
    assert captcha_key(response) not in (None, old_key)
    assert not Comment.objects.exists()


def test_the_right_captcha_answer_stores_the_comment(client, topic):
    key = captcha_key(client.get(topic.url))

    response = post_comment(client, topic, TEXT, captcha_0=key, captcha_1="PASSED")

    assert response.status_code == 302
    assert Comment.objects.get().text == TEXT


def test_the_second_comment_in_a_session_needs_no_captcha(client, topic):
    post_comment(client, topic, "Erster Kommentar.")

    assert not has_captcha(client.get(topic.url))
    response = post_comment(client, topic, "Zweiter Kommentar.", captcha_0=None, captcha_1=None)
    assert response.status_code == 302
    assert Comment.objects.count() == 2


def test_logged_in_users_never_see_a_captcha(citizen_client, topic):
    assert not has_captcha(citizen_client.get(topic.url))

    response = post_comment(citizen_client, topic, TEXT, captcha_0=None, captcha_1=None)

    assert response.status_code == 302
    assert Comment.objects.exists()


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(human_client, topic):
    response = post_comment(human_client, topic, TEXT, website="https://spam.example")

    assert response.status_code == 400
    assert "Das Formular wurde nicht angenommen." in response.content.decode()
    assert textarea_value(response) == TEXT
    assert not Comment.objects.exists()


def test_a_form_sent_faster_than_the_minimum_fill_time_is_refused(settings, human_client, topic):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = 5
    started = html(human_client.get(topic.url)).find("input", attrs={"name": "started"})["value"]

    response = post_comment(human_client, topic, TEXT, started=started)

    assert response.status_code == 400
    assert "Das ging sehr schnell." in response.content.decode()
    assert textarea_value(response) == TEXT
    assert not Comment.objects.exists()


def test_a_form_filled_in_for_longer_than_the_minimum_is_accepted(settings, human_client, topic):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = 5
    started = signing.dumps(time.time() - 10, salt=STARTED_SALT)

    assert post_comment(human_client, topic, TEXT, started=started).status_code == 302
