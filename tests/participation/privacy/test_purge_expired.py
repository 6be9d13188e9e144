"""`python manage.py purge_expired`: retention for anonymous participants, captchas, sessions."""

from datetime import date, timedelta
from io import StringIO

import pytest
from captcha.models import CaptchaStore
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time

from participation.contributions.models import Participant
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import (
    ConsultationPageFactory,
    ForumPageFactory,
    TopicPageFactory,
)
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
    VoteFactory,
)
from tests.participation.contributions.helpers import comment_texts, post_comment
from tests.participation.privacy.helpers import MY_DATA_URL, download, json_rows

pytestmark = pytest.mark.django_db

START = date(2026, 3, 1)
END = date(2026, 3, 31)  # the last day of the consultation
DURING = "2026-03-15 12:00"


def purge() -> str:
    out = StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def days_after_end(days: int) -> str:
    return f"{END + timedelta(days=days)} 12:00"


def token_of(participant) -> str | None:
    return Participant.objects.get(pk=participant.pk).session_token


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(
        parent=home_page,
        title="ISEK Teststadt 2035",
        phases=[
            {
                "name": "Online-Beteiligung",
                "start": START,
                "end": END,
                "allows_commenting": True,
                "allows_voting": True,
            }
        ],
    )


@pytest.fixture
def topic(consultation):
    return TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")


def test_a_token_is_kept_for_the_retention_period_after_the_consultation_ends(settings, topic):
    settings.SESSION_COOKIE_AGE = 365 * 24 * 3600  # so the old session outlives the period
    with freeze_time(DURING):
        visitor = Client()
        post_comment(visitor, topic, "Mehr Bänke am Markt.", guest_name="Maria")
        participant = Participant.objects.get()
        token = participant.session_token

    with freeze_time(days_after_end(90)):
        purge()
        assert token_of(participant) == token
        assert "Mehr Bänke am Markt." in download(visitor).read("kommentare.json").decode()

    with freeze_time(days_after_end(91)):
        output = purge()
        assert token_of(participant) is None
        assert "Anonyme Kennungen entfernt (Beiträge bleiben erhalten): 1" in output
        # The old session no longer finds the data; the contribution stays on the page.
        assert "Für diese Sitzung sind keine Beiträge gespeichert." in (
            visitor.get(MY_DATA_URL).content.decode()
        )
        assert comment_texts(Client().get(topic.url)) == ["Mehr Bänke am Markt."]
    participant.refresh_from_db()
    assert participant.guest_name == "Maria"


def test_a_purged_guest_keeps_their_public_name(topic):
    with freeze_time(DURING):
        post_comment(Client(), topic, "Mehr Bänke am Markt.", guest_name="Maria")
        post_comment(Client(), topic, "Und mehr Schatten.")
        unnamed = Participant.objects.get(guest_name="")

    with freeze_time(days_after_end(91)):
        purge()
        page = Client().get(topic.url).content.decode()

    assert "Maria" in page
    assert f"Gast {unnamed.guest_number}" in page
    assert "Gelöschtes Konto" not in page


def test_the_retention_period_comes_from_the_setting(settings, topic):
    settings.PRIVACY_ANONYMOUS_TOKEN_RETENTION_DAYS = 10
    with freeze_time(DURING):
        participant = CommentFactory(target=topic).participant

    with freeze_time(days_after_end(10)):
        output = purge()
    assert token_of(participant) is not None
    assert "10 Tage nach Verfahrensende" in output

    with freeze_time(days_after_end(11)):
        purge()
    assert token_of(participant) is None


def test_the_latest_contribution_counts(topic, news):
    """A comment on a news article (no consultation) two months later keeps the token longer."""
    with freeze_time(DURING):
        participant = CommentFactory(target=topic).participant
    with freeze_time(days_after_end(60)):
        CommentFactory(target=news, participant=participant)

    with freeze_time(days_after_end(91)):
        purge()
    assert token_of(participant) is not None

    with freeze_time(days_after_end(151)):
        purge()
    assert token_of(participant) is None


def test_contributions_outside_a_consultation_count_from_their_own_date(news):
    with freeze_time("2026-01-10 12:00"):
        participant = CommentFactory(target=news).participant

    with freeze_time("2026-04-10 12:00"):  # 90 days later
        purge()
    assert token_of(participant) is not None

    with freeze_time("2026-04-11 12:00"):
        purge()
    assert token_of(participant) is None


def test_votes_and_threads_follow_their_consultation(topic, consultation):
    forum = ForumPageFactory(parent=consultation)
    with freeze_time(DURING):
        supporter = VoteFactory(target=topic).participant
        voter = VoteFactory(target=CommentFactory(target=topic)).participant
        author = ThreadFactory(forum=forum).participant
        reply_author = CommentFactory(target=ThreadFactory(forum=forum)).participant
    people = [supporter, voter, author, reply_author]

    with freeze_time(days_after_end(90)):
        purge()
    assert all(token_of(person) is not None for person in people)

    with freeze_time(days_after_end(91)):
        purge()
    assert all(token_of(person) is None for person in people)


def test_a_consultation_still_running_keeps_its_tokens(home_page):
    running = ConsultationPageFactory(
        parent=home_page,
        phases=[{"start": date(2026, 1, 1), "end": date(2026, 12, 31), "allows_commenting": True}],
    )
    topic = TopicPageFactory(parent=running)
    with freeze_time("2026-01-05 12:00"):
        participant = CommentFactory(target=topic).participant

    with freeze_time("2026-11-30 12:00"):  # long after the comment, but before the end
        purge()
    assert token_of(participant) is not None


def test_registered_participants_are_never_touched(topic):
    user = UserFactory()
    with freeze_time(DURING):
        participant = ParticipantFactory(user=user)
        CommentFactory(target=topic, participant=participant)
        idle = ParticipantFactory(user=UserFactory())

    with freeze_time(days_after_end(400)):
        purge()
    participant.refresh_from_db()
    assert participant.user == user
    assert Participant.objects.filter(pk=idle.pk).exists()


def test_participants_without_contributions_are_deleted_after_the_retention_period(topic):
    with freeze_time(DURING):
        empty = ParticipantFactory()
        with_comment = CommentFactory(target=topic).participant

    with freeze_time("2026-06-13 12:00"):  # 90 days after DURING
        purge()
    assert Participant.objects.filter(pk=empty.pk).exists()

    with freeze_time("2026-06-14 12:00"):
        output = purge()
    assert not Participant.objects.filter(pk=empty.pk).exists()
    assert Participant.objects.filter(pk=with_comment.pk).exists()
    assert "Teilnehmende ohne Beiträge gelöscht: 1" in output


def test_expired_captchas_and_sessions_are_removed(database_sessions):
    with freeze_time("2026-03-01 12:00"):
        CaptchaStore.generate_key()
        old = SessionStore()
        old.set_expiry(60)
        old["x"] = 1
        old.create()
    with freeze_time("2026-03-02 12:00"):
        CaptchaStore.generate_key()
        current = SessionStore()
        current["x"] = 1
        current.create()

        output = purge()

    assert CaptchaStore.objects.count() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]
    assert "Abgelaufene Captchas gelöscht: 1" in output
    assert "Abgelaufene Sitzungen gelöscht: 1" in output


def test_the_summary_is_german(db, database_sessions):
    output = purge()

    assert output.splitlines() == [
        "Aufbewahrungsfrist für anonyme Kennungen: 90 Tage nach Verfahrensende.",
        "Anonyme Kennungen entfernt (Beiträge bleiben erhalten): 0",
        "Teilnehmende ohne Beiträge gelöscht: 0",
        "Abgelaufene Captchas gelöscht: 0",
        "Abgelaufene Sitzungen gelöscht: 0",
    ]


def test_a_running_session_keeps_its_data(topic):
    with freeze_time(DURING):
        visitor = Client()
        post_comment(visitor, topic, "Mein Beitrag.")

    with freeze_time("2026-03-20 12:00"):
        purge()
        texts = [row["text"] for row in json_rows(download(visitor), "kommentare")]

    assert texts == ["Mein Beitrag."]
