"""The profile page: change the public name; find email, password, "Meine Daten", deletion."""

import pytest
from bs4 import BeautifulSoup

from participation.accounts.models import User

pytestmark = pytest.mark.django_db

PROFILE_URL = "/konto/profil/"


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_of(response, name: str):
    return html(response).find("input", attrs={"name": name}).find_parent(class_="form-field")


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


def test_the_profile_needs_a_login(client):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/?next=/konto/profil/")


def test_the_profile_shows_the_current_name_and_the_account_links(citizen_client, citizen):
    page = html(citizen_client.get(PROFILE_URL))

    assert page.h1.get_text() == "Ihr Profil"
    assert page.find("input", attrs={"name": "display_name"})["value"] == citizen.display_name
    assert page.find("label", attrs={"for": "id_display_name"}).get_text() == "Öffentlicher Name:"
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a")}
    assert links["E-Mail-Adressen verwalten"] == "/konto/email/"
    assert links["Passwort ändern"] == "/konto/password/change/"
    assert links["Meine Daten"] == "/konto/meine-daten/"
    assert links["Konto löschen"] == "/konto/loeschen/"
    assert citizen.email in page.find("main").get_text()


def test_the_header_links_to_profile_and_my_data(citizen_client):
    header = html(citizen_client.get(PROFILE_URL)).select_one(".account-links")

    assert [a.get_text() for a in header.find_all("a")] == ["Profil", "Meine Daten", "Abmelden"]


def test_changing_the_name_saves_it_and_says_so(citizen_client, citizen):
    response = citizen_client.post(
        PROFILE_URL, {"display_name": "  Zora   aus  Hundisburg "}, follow=True
    )

    citizen.refresh_from_db()
    assert citizen.display_name == "Zora aus Hundisburg"
    page = html(response)
    assert "Ihr öffentlicher Name ist gespeichert." in page.select_one(".messages").get_text()
    assert "Angemeldet als Zora aus Hundisburg" in page.select_one(".account-links").get_text()


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("zora@example.org", "Bitte wählen Sie einen Namen ohne E-Mail-Adresse."),
        ("Z", "Der Name ist zu kurz (mindestens 2 Zeichen)."),
        ("Z" * 61, "Der Name ist zu lang: höchstens 60 Zeichen, Ihr Name hat 61."),
        ("   ", "Bitte geben Sie einen öffentlichen Namen ein."),
    ],
)
def test_a_bad_name_gets_a_german_error_next_to_the_field(citizen_client, citizen, typed, error):
    response = citizen_client.post(PROFILE_URL, {"display_name": typed})

    assert response.status_code == 400
    assert error in field_of(response, "display_name").get_text()
    summary = html(response).select_one(".error-summary")
    assert summary.find("a", href="#id_display_name").get_text() == f"Öffentlicher Name – {error}"
    assert User.objects.get(pk=citizen.pk).display_name == citizen.display_name


def test_a_failed_change_keeps_what_was_typed(citizen_client):
    response = citizen_client.post(PROFILE_URL, {"display_name": "zora@example.org"})

    assert html(response).find("input", attrs={"name": "display_name"})["value"] == (
        "zora@example.org"
    )


def test_signup_validates_the_name_the_same_way(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "zora@example.org",
            "display_name": "Z",
            "password1": "Sicheres-Passwort-2035",
            "password2": "Sicheres-Passwort-2035",
        },
    )

    assert "Der Name ist zu kurz (mindestens 2 Zeichen)." in response.content.decode()
    assert not User.objects.filter(email="zora@example.org").exists()
