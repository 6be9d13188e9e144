"""„Barriere melden“: the BITV 2.0 feedback form mails a reported barrier to the town."""

import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Site

from cms.forms import same_site_path
from cms.models import SiteSettings

pytestmark = pytest.mark.django_db

URL = "/barrierefreiheit/rueckmeldung/"


@pytest.fixture
def site_settings(home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "kontakt@teststadt.example"
    site_settings.accessibility_feedback_email = "barrierefreiheit@teststadt.example"
    site_settings.save()
    return site_settings


def field_group(response, name: str) -> str:
    """The HTML of the .form-field that holds the control `name`."""
    html = response.content.decode()
    control = html.index(f'name="{name}"')
    start = html.rindex('<div class="form-field', 0, control)
    return html[start : html.index("</div>", control)]


def test_form_renders_with_the_page_from_the_query(client, site_settings):
    response = client.get(URL, {"seite": "/isek-2035/konzept/"})
    assert response.status_code == 200
    assertContains(response, "<h1>Barriere melden</h1>", html=True)
    assertContains(response, 'name="message"')
    assertContains(response, 'name="name"')
    assertContains(response, 'autocomplete="email"')
    assert 'value="/isek-2035/konzept/"' in field_group(response, "page_url")
    # The honeypot is rendered, hidden from people and assistive technology.
    assertContains(response, '<div class="hp-field" aria-hidden="true">')


def test_english_address(client, site_settings):
    assert client.get("/en" + URL).status_code == 200


def test_footer_links_the_form_with_the_current_page(client, site_settings):
    response = client.get("/")
    assertContains(response, f'href="{URL}?seite=/"')
    assertContains(response, "Barriere melden")


def test_errors_are_german_next_to_their_fields_and_keep_the_text(
    client, site_settings, mailoutbox
):
    response = client.post(
        URL, {"message": "", "name": "Erika Mustermann", "email": "erika@", "page_url": "/x/"}
    )
    assert response.status_code == 400
    message = field_group(response, "message")
    assert "Bitte beschreiben Sie die Barriere." in message
    assert 'aria-invalid="true"' in message
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in field_group(response, "email")
    assert 'value="Erika Mustermann"' in field_group(response, "name")
    assert 'value="erika@"' in field_group(response, "email")
    # The summary at the top links to the fields.
    assertContains(response, 'href="#id_message"', status_code=400)
    assert mailoutbox == []

    response = client.post(URL, {"message": "Kontrast zu schwach", "email": "kaputt"})
    assert "Kontrast zu schwach</textarea>" in field_group(response, "message")


def test_valid_report_mails_the_configured_address(client, site_settings, mailoutbox):
    response = client.post(
        URL,
        {
            "message": "Die Heatmap ist ohne Farben nicht zu verstehen.",
            "page_url": "/isek-2035/konzept/",
            "name": "Erika Mustermann",
            "email": "erika@example.org",
            "website": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == URL
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["barrierefreiheit@teststadt.example"]
    assert mail.reply_to == ["erika@example.org"]
    assert "/isek-2035/konzept/" in mail.subject
    assert "Die Heatmap ist ohne Farben nicht zu verstehen." in mail.body
    assert "http://localhost/isek-2035/konzept/" in mail.body
    assert "Erika Mustermann" in mail.body
    # The thanks are shown after the redirect.
    assertContains(client.get(URL), "Danke! Ihre Rückmeldung ist angekommen.")


def test_anonymous_report_without_page(client, site_settings, mailoutbox):
    response = client.post(URL, {"message": "Der Kalender lässt sich nicht per Tastatur bedienen."})
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.reply_to == []
    assert "keine Angabe – eine Antwort ist nicht möglich" in mail.body


@override_settings(DEFAULT_FROM_EMAIL="Stadtdialog <plattform@teststadt.example>")
def test_recipient_falls_back_to_contact_then_sender_address(client, site_settings, mailoutbox):
    site_settings.accessibility_feedback_email = ""
    site_settings.save()
    client.post(URL, {"message": "Bitte größere Schrift im Fußbereich."})
    assert mailoutbox[-1].to == ["kontakt@teststadt.example"]

    site_settings.contact_email = ""
    site_settings.save()
    client.post(URL, {"message": "Bitte größere Schrift im Fußbereich."})
    assert mailoutbox[-1].to == ["Stadtdialog <plattform@teststadt.example>"]


def test_honeypot_blocks(client, site_settings, mailoutbox):
    response = client.post(URL, {"message": "Billige Uhren!", "website": "https://spam.example"})
    assert response.status_code == 400
    assertContains(response, "Das Formular wurde nicht angenommen.", status_code=400)
    assertContains(response, "Billige Uhren!", status_code=400)
    assert mailoutbox == []


@pytest.mark.parametrize(
    "page_url",
    [
        "https://boese.example/isek-2035/",
        "//boese.example/isek-2035/",
        "javascript:alert(1)",
        "isek-2035/",
        "/\\boese.example",
        "/isek-2035/\nBcc: alle@example.org",
    ],
)
def test_off_site_page_url_is_refused(client, site_settings, mailoutbox, page_url):
    response = client.post(URL, {"message": "Link führt ins Leere.", "page_url": page_url})
    assert response.status_code == 400
    assert "Bitte geben Sie eine Adresse dieser Website an" in field_group(response, "page_url")
    assert mailoutbox == []
    # Nor is an off-site address taken over from the link.
    response = client.get(URL, {"seite": page_url})
    assert 'name="page_url" value=' not in field_group(response, "page_url")


def test_same_site_address_is_reduced_to_its_path(client, site_settings, mailoutbox):
    client.post(
        URL,
        {"message": "Tabelle zu breit.", "page_url": "http://testserver/aktuelles/?seite=2"},
    )
    assert "/aktuelles/?seite=2" in mailoutbox[0].subject
    assert "testserver" not in mailoutbox[0].subject


def test_same_site_path():
    host = "beteiligung.example"
    assert same_site_path("/a/b/?c=1#d", host=host) == "/a/b/?c=1#d"
    assert same_site_path("https://beteiligung.example/a/", host=host) == "/a/"
    assert same_site_path("https://BETEILIGUNG.example", host=host) == "/"
    assert same_site_path("ftp://beteiligung.example/a/", host=host) is None
    assert same_site_path("https://beteiligung.example.boese.example/", host=host) is None
    assert same_site_path("/a/\x00", host=host) is None
    assert same_site_path("", host=host) is None


def test_only_get_and_post(client, site_settings):
    assert client.put(URL).status_code == 405
    assertNotContains(client.get(URL), "Danke!")
