"""Who a contribution belongs to: one Participant per session or per account, no IP address."""

import re

import pytest
from django.db import models
from django.test import Client

from participation.contributions.models import Comment, Participant, Report, Vote
from participation.contributions.services import SESSION_TOKEN_KEY
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory
from tests.participation.contributions.helpers import html, post_comment

pytestmark = pytest.mark.django_db

IP = "203.0.113.7"


def authors(response) -> list[str]:
    return [node.get_text(" ", strip=True) for node in html(response).select(".comment__author")]


def test_an_anonymous_first_comment_creates_one_participant_with_a_random_token(client, topic):
    assert post_comment(client, topic).status_code == 302

    participant = Participant.objects.get()
    assert participant.user is None
    assert len(participant.session_token) >= 32
    assert client.session[SESSION_TOKEN_KEY] == participant.session_token
    assert Comment.objects.get().participant == participant


def test_the_second_comment_in_the_same_session_reuses_the_participant(client, topic):
    post_comment(client, topic, "Erster Gedanke zur Altstadt.")
    post_comment(client, topic, "Zweiter Gedanke zur Altstadt.")

    assert Participant.objects.count() == 1
    assert Comment.objects.filter(participant=Participant.objects.get()).count() == 2


def test_two_visitors_get_two_participants_with_different_tokens(topic):
    post_comment(Client(), topic, "Erster Besuch.")
    post_comment(Client(), topic, "Zweiter Besuch.")

    tokens = set(Participant.objects.values_list("session_token", flat=True))
    assert len(tokens) == 2


def test_no_ip_address_is_stored_with_any_contribution(topic):
    visitor = Client(REMOTE_ADDR=IP, HTTP_X_FORWARDED_FOR=IP)
    other = CommentFactory(target=topic)
    post_comment(visitor, topic, "Mein Kommentar.", guest_name="Anwohner")
    visitor.post(f"/beteiligung/kommentar/{other.pk}/abstimmen/", {"value": "1"})
    visitor.post(f"/beteiligung/kommentar/{other.pk}/melden/", {"reason": "spam"})
    assert Vote.objects.count() == 1 and Report.objects.count() == 1

    for model in (Participant, Comment, Vote, Report):
        text_columns = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.GenericIPAddressField)
        ]
        for row in model.objects.values_list(*text_columns):
            assert not any(IP in str(value) for value in row), (model.__name__, row)
    assert not any(IP in str(value) for value in dict(visitor.session).values())


def test_a_logged_in_users_comment_uses_the_participant_linked_to_the_user(
    citizen_client, citizen, topic
):
    existing = ParticipantFactory(user=citizen)

    post_comment(citizen_client, topic)

    assert Comment.objects.get().participant == existing
    assert Participant.objects.count() == 1


def test_a_registered_author_is_shown_with_the_display_name(citizen_client, citizen, topic):
    post_comment(citizen_client, topic)

    assert authors(citizen_client.get(topic.url)) == [citizen.display_name]


def test_a_guest_is_shown_with_the_name_chosen_in_the_form(client, topic):
    post_comment(client, topic, guest_name="  Anwohnerin   Altstadt ")

    assert authors(client.get(topic.url)) == ["Anwohnerin Altstadt"]


def test_a_guest_without_a_name_is_shown_as_gast_with_a_number(client, topic):
    post_comment(client, topic)

    (name,) = authors(client.get(topic.url))
    assert re.fullmatch(r"Gast \d{4}", name)
    assert name == f"Gast {Participant.objects.get().guest_number}"


def test_an_email_address_is_refused_as_guest_name(client, topic):
    response = post_comment(client, topic, guest_name="anna@example.org")

    assert response.status_code == 400
    assert "Bitte keine E-Mail-Adresse als Namen." in response.content.decode()
    assert not Comment.objects.exists()
