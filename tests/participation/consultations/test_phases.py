"""Which phase a consultation is in and what citizens may do in it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from freezegun import freeze_time
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from participation.consultations.models import ConsultationPage, Phase
from participation.consultations.phases import Action, Status
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db

READING_ONLY = {Action.READING}

# Deliberately out of order: the timeline must sort by start date, not by creation or sort_order.
ISEK_PHASES = [
    {"name": "Auswertung", "start": date(2035, 5, 15), "end": date(2035, 6, 15)},
    {
        "name": "Ergebnisse",
        "start": date(2035, 6, 16),
        "end": date(2035, 7, 31),
        "allows_results": True,
    },
    {"name": "Information", "start": date(2035, 3, 1), "end": date(2035, 3, 31)},
    {
        "name": "Online-Beteiligung",
        "start": date(2035, 4, 1),
        "end": date(2035, 4, 30),
        "allows_commenting": True,
        "allows_voting": True,
    },
]


@pytest.fixture
def isek(home_page):
    return ConsultationPageFactory(parent=home_page, phases=ISEK_PHASES)


def seen_on(consultation, moment: str) -> ConsultationPage:
    """The consultation as loaded from the database at `moment` (UTC)."""
    with freeze_time(moment):
        page = ConsultationPage.objects.get(pk=consultation.pk)
        page.timeline  # noqa: B018 - computed while the clock is frozen
        return page


def allowed_actions(page) -> set[Action]:
    return {action for action in Action if page.allows(action)}


def test_phases_are_ordered_by_start_even_if_created_out_of_order(isek):
    page = seen_on(isek, "2035-04-10 12:00")

    names = [phase.name for phase in page.timeline.phases]
    assert names == ["Information", "Online-Beteiligung", "Auswertung", "Ergebnisse"]


def test_before_the_first_phase_the_consultation_is_upcoming_and_only_readable(isek):
    page = seen_on(isek, "2035-02-15 12:00")

    assert page.timeline.status == Status.UPCOMING
    assert page.timeline.current is None
    assert page.timeline.next.name == "Information"
    assert allowed_actions(page) == READING_ONLY


def test_during_a_phase_its_actions_are_allowed(isek):
    page = seen_on(isek, "2035-04-10 12:00")

    assert page.timeline.status == Status.OPEN
    assert page.timeline.current.name == "Online-Beteiligung"
    assert page.allows(Action.COMMENTING)
    assert allowed_actions(page) == {Action.READING, Action.COMMENTING, Action.VOTING}


def test_a_results_phase_allows_results_but_not_commenting(isek):
    page = seen_on(isek, "2035-07-01 12:00")

    assert page.timeline.current.name == "Ergebnisse"
    assert allowed_actions(page) == {Action.READING, Action.RESULTS}


def test_between_two_phases_the_consultation_is_open_but_only_readable(isek):
    page = seen_on(isek, "2035-05-05 12:00")

    assert page.timeline.status == Status.OPEN
    assert page.timeline.current is None
    assert page.timeline.next.name == "Auswertung"
    assert not page.allows(Action.COMMENTING)
    assert allowed_actions(page) == READING_ONLY


def test_after_the_last_phase_the_consultation_is_closed(isek):
    page = seen_on(isek, "2035-08-01 12:00")

    assert page.timeline.status == Status.CLOSED
    assert page.timeline.current is None
    assert allowed_actions(page) == READING_ONLY


def test_the_end_date_is_the_last_day_of_a_phase(isek):
    page = seen_on(isek, "2035-04-30 20:00")

    assert page.timeline.current.name == "Online-Beteiligung"


def test_days_change_at_midnight_in_germany_not_in_utc(isek):
    # 22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time).
    page = seen_on(isek, "2035-03-31 22:30")

    assert page.timeline.current.name == "Online-Beteiligung"


def test_timeline_entries_mark_past_current_and_future_phases(isek):
    page = seen_on(isek, "2035-04-10 12:00")

    states = [(entry.phase.name, entry.state) for entry in page.timeline.entries]
    assert states == [
        ("Information", "past"),
        ("Online-Beteiligung", "current"),
        ("Auswertung", "future"),
        ("Ergebnisse", "future"),
    ]


def test_timeline_entries_between_phases_have_no_current_phase(isek):
    page = seen_on(isek, "2035-05-05 12:00")

    states = [entry.state for entry in page.timeline.entries]
    assert states == ["past", "past", "future", "future"]


def test_status_label_is_german(isek):
    page = seen_on(isek, "2035-04-10 12:00")

    assert str(page.timeline.status_label) == "läuft"


def test_database_refuses_a_phase_that_ends_before_it_starts(consultation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(
            consultation=consultation,
            name="Rückwärts",
            start=date(2035, 4, 30),
            end=date(2035, 4, 1),
        )


def test_phase_ending_before_it_starts_gets_a_german_error():
    phase = Phase(name="Rückwärts", start=date(2035, 4, 30), end=date(2035, 4, 1))

    with pytest.raises(ValidationError, match="Das Ende darf nicht vor dem Beginn liegen"):
        phase.clean()


# --- The admin form --------------------------------------------------------------------------


def phase_form(name: str, start: str, end: str) -> dict:
    return {"name": name, "start": start, "end": end, "description": "", "allows_reading": "on"}


def new_consultation_post(phases: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": "Radverkehrskonzept",
            "slug": "radverkehr",
            "teaser": "Wo fehlen Radwege?",
            "image": "",
            "intro": streamfield([]),
            "phases": inline_formset(phases, min=1),
            "anonymous_participation": "on",
            "moderation_mode": "post",
            "responsible_office": "",
            "contact": "",
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def add_url(home_page) -> str:
    return f"/admin/pages/add/consultations/consultationpage/{home_page.pk}/"


def test_admin_refuses_overlapping_phases_with_a_german_error(superuser_client, home_page):
    data = new_consultation_post(
        [
            phase_form("Information", "2035-03-01", "2035-04-05"),
            phase_form("Online-Beteiligung", "2035-04-01", "2035-04-30"),
        ]
    )

    response = superuser_client.post(add_url(home_page), data)

    assert response.status_code == 200
    assert "Phasen dürfen sich nicht überschneiden" in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="radverkehr").exists()


def test_admin_refuses_phases_sharing_a_day(superuser_client, home_page):
    data = new_consultation_post(
        [
            phase_form("Information", "2035-03-01", "2035-03-31"),
            phase_form("Online-Beteiligung", "2035-03-31", "2035-04-30"),
        ]
    )

    response = superuser_client.post(add_url(home_page), data)

    assert "Phasen dürfen sich nicht überschneiden" in response.content.decode()


def test_admin_accepts_phases_that_follow_each_other(superuser_client, home_page):
    data = new_consultation_post(
        [
            phase_form("Online-Beteiligung", "2035-04-01", "2035-04-30"),
            phase_form("Information", "2035-03-01", "2035-03-31"),
        ]
    )

    response = superuser_client.post(add_url(home_page), data)

    assert response.status_code == 302
    page = ConsultationPage.objects.get(slug="radverkehr")
    assert page.phases.count() == 2
