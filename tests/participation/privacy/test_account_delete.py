"""Deleting an account: contributions kept as "Gelöschtes Konto" or withdrawn; the name and
email address are gone from every table; every session of the account is ended."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, Revision
from wagtail.users.models import UserProfile

from participation.accounts.models import User
from participation.contributions.models import Comment, Participant, Report, Thread, Vote
from participation.privacy.services import SESSIONS_CACHE_KEY
from tests.participation.accounts.factories import PASSWORD, UserFactory
from tests.participation.contributions.factories import CommentFactory, ThreadFactory
from tests.participation.contributions.helpers import comment_texts, html, post_comment
from tests.participation.privacy.helpers import DELETE_URL

pytestmark = pytest.mark.django_db

NAME = "Zora Quastenflosser"
EMAIL = "zora.quastenflosser@example.org"
KEEP = "behalten"
WITHDRAW = "loeschen"


def log_in(client: Client) -> Client:
    """A real login through allauth, as a browser does it."""
    response = client.post("/konto/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_logged_in(client: Client) -> bool:
    return client.get("/konto/profil/").status_code == 200


def columns_containing(needle: str) -> list[str]:
    """Every table and column of the database whose text contains `needle` (any case)."""
    hits = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT 1 FROM {quote(table)} "  # noqa: S608 - names from introspection
                    f"WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s LIMIT 1",
                    [f"%{needle.lower()}%"],
                )
                if cursor.fetchone():
                    hits.append(f"{table}.{column.name}")
    return hits


@pytest.fixture
def zora(db):
    return UserFactory(email=EMAIL, display_name=NAME, verified=True)


@pytest.fixture
def zora_client(client, zora):
    return log_in(client)


@pytest.fixture
def active_zora(zora, zora_client, editor, topic, forum):
    """Zora has commented (one comment with a reply, one without), started a thread, voted,
    reported, and left traces in Wagtail: a profile, an audit log entry about her account
    written by an editor, a log entry and a revision in her name."""
    with_reply = "Ein Vorschlag zur Altstadt."
    post_comment(zora_client, topic, with_reply)
    post_comment(zora_client, topic, "Noch ein Gedanke ohne Antwort.")
    CommentFactory(parent=Comment.objects.get(text=with_reply), text="Eine Antwort darauf.")
    participant = Participant.objects.get(user=zora)
    ThreadFactory(participant=participant, forum=forum, title="Busse am Sonntag")
    other = CommentFactory(target=topic, text="Ein Kommentar von jemand anderem.")
    zora_client.post(reverse("contributions:comment_vote", args=[other.pk]), {"value": "1"})
    zora_client.post(
        reverse("contributions:report", args=["kommentar", other.pk]), {"reason": "spam"}
    )
    assert (Vote.objects.count(), Report.objects.count()) == (1, 1)
    UserProfile.get_for_user(zora)
    log(instance=zora, action="wagtail.edit", user=editor)
    log(instance=topic, action="wagtail.edit", user=zora)
    topic.save_revision(user=zora)
    return participant


def delete_account(client, choice=KEEP, password=PASSWORD):
    return client.post(DELETE_URL, {"contributions": choice, "password": password})


def test_deletion_needs_a_login(client):
    response = client.get(DELETE_URL)

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")


def test_the_page_offers_both_choices_and_asks_for_the_password(zora_client):
    page = html(zora_client.get(DELETE_URL))

    assert page.h1.get_text() == "Konto löschen"
    choices = [label.get_text(strip=True) for label in page.select("fieldset label")]
    assert choices == [
        "Beiträge bleiben erhalten, angezeigt als „Gelöschtes Konto“",
        "Meine Beiträge ebenfalls löschen",
    ]
    password = page.find("input", attrs={"name": "password"})
    assert password["type"] == "password"
    assert password["autocomplete"] == "current-password"
    assert page.find("label", attrs={"for": "id_password"})
    assert page.find("button", string="Konto endgültig löschen")


def test_a_wrong_password_deletes_nothing(zora_client, zora):
    response = delete_account(zora_client, password="falsch-falsch")

    assert response.status_code == 400
    field = (
        html(response).find("input", attrs={"name": "password"}).find_parent(class_="form-field")
    )
    assert "Das Passwort stimmt nicht." in field.get_text()
    assert User.objects.filter(pk=zora.pk).exists()
    assert is_logged_in(zora_client)


def test_password_guessing_is_stopped_after_five_attempts(zora_client, zora):
    for attempt in range(5):
        assert delete_account(zora_client, password=f"geraten-{attempt}").status_code == 400

    response = delete_account(zora_client)  # even the right password waits now

    assert response.status_code == 429
    summary = html(response).select_one("[data-error-summary]")
    assert "Zu viele Versuche." in summary.get_text()
    assert User.objects.filter(pk=zora.pk).exists()
    assert is_logged_in(zora_client)


def test_the_choice_is_required(zora_client, zora):
    response = zora_client.post(DELETE_URL, {"password": PASSWORD})

    assert response.status_code == 400
    summary = html(response).select_one(".error-summary")
    link = summary.find("a", href="#id_contributions_0")
    assert "Bitte wählen Sie, was mit Ihren Beiträgen geschehen soll." in link.get_text()
    assert User.objects.filter(pk=zora.pk).exists()


def test_staff_accounts_are_deleted_by_the_administration(client, editor):
    client.force_login(editor)

    page = html(client.get(DELETE_URL))
    response = client.post(DELETE_URL, {"contributions": KEEP, "password": PASSWORD})

    assert "löscht die Administration" in page.select_one(".notice").get_text()
    assert page.find("input", attrs={"name": "password"}) is None
    assert response.status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()


def test_keeping_contributions_shows_them_as_deleted_account(zora_client, zora, active_zora, topic):
    response = delete_account(zora_client, KEEP)

    assert response.status_code == 302
    assert response.url == "/"
    message = html(zora_client.get("/konto/meine-daten/")).select_one(".messages").get_text()
    assert "Ihr Konto ist gelöscht" in message
    assert not User.objects.filter(pk=zora.pk).exists()
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
    assert not UserProfile.objects.filter(user_id=zora.pk).exists()
    participant = Participant.objects.get(pk=active_zora.pk)
    assert (participant.user, participant.session_token, participant.guest_name) == (None, None, "")
    page = Client().get(topic.url)
    assert "Ein Vorschlag zur Altstadt." in comment_texts(page)
    authors = [node.get_text(strip=True) for node in html(page).select(".comment__author")]
    assert "Gelöschtes Konto" in authors
    assert NAME not in page.content.decode()
    assert (Vote.objects.count(), Report.objects.count()) == (1, 1)


def test_withdrawing_contributions_blanks_texts_and_deletes_votes_and_reports(
    zora_client, zora, active_zora, topic
):
    response = delete_account(zora_client, WITHDRAW)

    assert response.status_code == 302
    page = Client().get(topic.url)
    assert comment_texts(page) == ["Ein Kommentar von jemand anderem.", "Eine Antwort darauf."]
    notices = [node.get_text(strip=True) for node in html(page).select(".comment__notice")]
    assert notices == ["Dieser Kommentar wurde vom Verfasser gelöscht."]  # the one with a reply
    mine = Comment.objects.filter(participant=active_zora)
    assert set(mine.values_list("text", flat=True)) == {""}
    assert all(comment.deleted_at for comment in mine)
    thread = Thread.objects.get(participant=active_zora)
    assert (thread.title, thread.text) == ("Gelöschter Beitrag", "")
    assert thread.deleted_at is not None
    assert (Vote.objects.count(), Report.objects.count()) == (0, 0)
    assert not User.objects.filter(pk=zora.pk).exists()


@pytest.mark.parametrize("choice", [KEEP, WITHDRAW])
def test_the_name_and_email_are_in_no_table_afterwards(zora_client, active_zora, choice):
    assert columns_containing(NAME) and columns_containing(EMAIL)  # the search finds them

    delete_account(zora_client, choice)

    assert columns_containing(NAME) == []
    assert columns_containing(EMAIL) == []


def test_withdrawing_also_removes_the_name_from_her_own_texts(zora_client, zora, topic):
    post_comment(zora_client, topic, f"Ich bin {NAME}, schreiben Sie mir: {EMAIL}")

    delete_account(zora_client, WITHDRAW)

    assert columns_containing(NAME) == []
    assert columns_containing(EMAIL) == []


def test_wagtail_keeps_no_link_to_the_deleted_account(zora_client, zora, active_zora):
    delete_account(zora_client, KEEP)

    assert not PageLogEntry.objects.filter(user_id=zora.pk).exists()
    assert not Revision.objects.filter(user_id=zora.pk).exists()
    assert Revision.objects.filter(user__isnull=True).exists()  # the revision itself stays
    entry = ModelLogEntry.objects.get(object_id=str(zora.pk), action="wagtail.edit")
    assert (entry.label, entry.data) == ("Gelöschtes Konto", {})


def test_every_session_of_the_account_ends(database_sessions, zora_client, zora):
    other_device = log_in(Client())
    bystander = UserFactory(verified=True)
    bystander_client = Client()
    bystander_client.force_login(bystander)
    # Only the database is searched here, not the sessions noted at login.
    cache.clear()

    delete_account(zora_client, KEEP)

    assert not is_logged_in(zora_client)
    assert not is_logged_in(other_device)
    assert is_logged_in(bystander_client)
    assert not [
        session
        for session in Session.objects.all()
        if session.get_decoded().get(SESSION_KEY) == str(zora.pk)
    ]


def test_sessions_end_with_the_cache_session_engine_too(settings, zora):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    first, second = log_in(Client()), log_in(Client())
    assert len(cache.get(SESSIONS_CACHE_KEY.format(user_id=zora.pk))) == 2

    delete_account(first, KEEP)

    assert not is_logged_in(first)
    assert not is_logged_in(second)
    assert cache.get(SESSIONS_CACHE_KEY.format(user_id=zora.pk)) is None
    assert not Session.objects.exists()
