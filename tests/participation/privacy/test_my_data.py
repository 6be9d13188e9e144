""" "Meine Daten": what is stored about me, for registered people and anonymous visitors."""

import pytest
from django.test import Client

from participation.contributions.models import Comment, Participant
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
    VoteFactory,
)
from tests.participation.contributions.helpers import html, post_comment
from tests.participation.privacy.helpers import DOWNLOAD_URL, MY_DATA_URL, download, json_rows

pytestmark = pytest.mark.django_db


def stored(response) -> dict[str, str]:
    """The list under "Was gespeichert ist" as {kind: count}."""
    heading = html(response).find("h2", string="Was gespeichert ist")
    items = heading.find_next("ul").find_all("li")
    return {li.get_text().rsplit(":", 1)[0]: li.strong.get_text() for li in items}


@pytest.fixture
def zora(db):
    return UserFactory(email="zora@example.org", display_name="Zora aus Hundisburg", verified=True)


@pytest.fixture
def zora_client(client, zora):
    client.force_login(zora)
    return client


def test_a_registered_person_sees_account_data_and_counts(zora_client, zora, topic, forum):
    participant = ParticipantFactory(user=zora)
    comment = CommentFactory(participant=participant, target=topic)
    CommentFactory(participant=participant, parent=comment)
    ThreadFactory(participant=participant, forum=forum)
    VoteFactory(participant=participant, target=CommentFactory(target=topic))
    zora_client.post(
        f"/beteiligung/kommentar/{CommentFactory(target=topic).pk}/melden/", {"reason": "spam"}
    )

    response = zora_client.get(MY_DATA_URL)

    assert response.status_code == 200
    page = html(response)
    assert page.h1.get_text() == "Meine Daten"
    account = {
        dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in page.find("dl").find_all("dt")
    }
    assert account["E-Mail-Adresse"] == "zora@example.org"
    assert account["Öffentlicher Name"] == "Zora aus Hundisburg"
    assert account["Registriert seit"]
    assert stored(response) == {
        "Konto": "1",
        "E-Mail-Adressen": "1",
        "Teilnahme (Ihr Name bei Beiträgen)": "1",
        "Kommentare und Antworten": "2",
        "Forumsbeiträge": "1",
        "Stimmen und Unterstützungen": "1",
        "Meldungen": "1",
        "Antworten auf Umfragen": "0",
        "Einstellungen im Verwaltungsbereich": "0",
    }
    assert page.find("a", string="Meine Daten herunterladen (ZIP)")["href"] == DOWNLOAD_URL
    assert page.find("a", string="Zur Kontolöschung")["href"] == "/konto/loeschen/"


def test_a_registered_person_without_contributions_still_sees_the_account(zora_client):
    counts = stored(zora_client.get(MY_DATA_URL))

    assert counts["Konto"] == "1"
    assert counts["Teilnahme (Ihr Name bei Beiträgen)"] == "0"
    assert counts["Kommentare und Antworten"] == "0"


def test_an_anonymous_visitor_sees_the_data_of_their_session(client, topic):
    post_comment(client, topic, "Mehr Grün am Marktplatz.", guest_name="Maria")

    page_with_header = html(client.get(topic.url))
    link = page_with_header.select_one(".account-links").find("a", string="Meine Daten")
    assert link["href"] == MY_DATA_URL

    response = client.get(MY_DATA_URL)
    page = html(response)
    assert "Sie nehmen ohne Konto teil, als „Maria“" in page.select_one(".notice").get_text()
    assert stored(response) == {
        "Teilnahme (Ihr Name bei Beiträgen)": "1",
        "Kommentare und Antworten": "1",
        "Forumsbeiträge": "0",
        "Stimmen und Unterstützungen": "0",
        "Meldungen": "0",
        "Antworten auf Umfragen": "0",
    }
    archive = download(client)
    assert [row["text"] for row in json_rows(archive, "kommentare")] == ["Mehr Grün am Marktplatz."]
    assert json_rows(archive, "teilnahme")[0]["guest_name"] == "Maria"
    assert "konto.json" not in archive.namelist()


def test_a_visitor_who_has_not_contributed_is_told_so(client, topic):
    assert "Meine Daten" not in html(client.get(topic.url)).select_one(".account-links").get_text()

    response = client.get(MY_DATA_URL)

    assert response.status_code == 200
    page = html(response)
    assert "Für diese Sitzung sind keine Beiträge gespeichert." in page.get_text()
    assert page.find("a", string="Meine Daten herunterladen (ZIP)") is None
    follow = client.get(DOWNLOAD_URL, follow=True)
    assert follow.redirect_chain == [(MY_DATA_URL, 302)]
    assert "Für diese Sitzung sind keine Daten gespeichert." in follow.content.decode()


def test_nobody_sees_someone_elses_data(client, topic):
    post_comment(Client(), topic, "Der Text einer anderen Person.")
    post_comment(client, topic, "Mein eigener Text.")

    texts = [row["text"] for row in json_rows(download(client), "kommentare")]

    assert texts == ["Mein eigener Text."]
    assert Comment.objects.count() == 2 and Participant.objects.count() == 2


def test_the_pages_are_not_cached(zora_client):
    for url in (MY_DATA_URL, DOWNLOAD_URL):
        assert "no-store" in zora_client.get(url)["Cache-Control"]


def test_my_data_needs_a_bounded_number_of_queries(
    zora_client, zora, topic, django_assert_max_num_queries
):
    participant = ParticipantFactory(user=zora)
    for _ in range(25):
        comment = CommentFactory(participant=participant, target=topic)
        VoteFactory(participant=participant, target=CommentFactory(target=topic, parent=comment))
    zora_client.get(MY_DATA_URL)

    with django_assert_max_num_queries(20):
        assert zora_client.get(MY_DATA_URL).status_code == 200
    with django_assert_max_num_queries(30):
        assert zora_client.get(DOWNLOAD_URL).status_code == 200
