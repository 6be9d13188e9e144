"""Registering with a confirmed email address and a public name; logging in by email."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from participation.accounts.models import User
from tests.participation.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/konto/signup/"
LOGIN_URL = "/konto/login/"


def signup(client, **overrides):
    data = {
        "email": "anna@example.org",
        "display_name": "Anna aus Althaldensleben",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(SIGNUP_URL, data)


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_signup_page_is_german(client):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 200
    assert "Öffentlicher Name" in response.content.decode()


def test_signup_creates_a_user_with_the_display_name(client):
    signup(client)

    user = User.objects.get(email="anna@example.org")
    assert user.display_name == "Anna aus Althaldensleben"
    assert user.public_name == "Anna aus Althaldensleben"


def test_display_name_is_tidied(client):
    signup(client, display_name="  Anna   aus  Althaldensleben ")

    assert User.objects.get(email="anna@example.org").display_name == "Anna aus Althaldensleben"


def test_signup_sends_a_confirmation_email(client):
    response = signup(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    assert "/konto/confirm-email/" in mail.outbox[0].body
    assert not EmailAddress.objects.get(email="anna@example.org").verified


def test_user_cannot_log_in_before_confirming(client):
    signup(client)
    client.logout()

    response = client.post(LOGIN_URL, {"login": "anna@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert not is_logged_in(client)


def test_display_name_with_an_email_address_gets_a_german_error(client):
    response = signup(client, display_name="anna@example.org")

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == [
        "Bitte wählen Sie einen Namen ohne E-Mail-Adresse."
    ]
    assert "Bitte wählen Sie einen Namen ohne E-Mail-Adresse." in response.content.decode()
    assert not User.objects.filter(email="anna@example.org").exists()


def test_failed_signup_keeps_what_was_typed(client):
    response = signup(client, display_name="anna@example.org")

    assert 'value="anna@example.org"' in response.content.decode()


def test_verified_user_logs_in_by_email(client):
    user = UserFactory(email="karl@example.org", verified=True)

    response = client.post(LOGIN_URL, {"login": "karl@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_a_wrong_password_fails(client):
    UserFactory(email="karl@example.org", verified=True)

    response = client.post(LOGIN_URL, {"login": "karl@example.org", "password": "falsch-falsch"})

    assert response.status_code == 200
    assert not is_logged_in(client)
