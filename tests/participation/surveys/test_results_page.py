from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.contributions.services import SESSION_TOKEN_KEY
from participation.moderation.services import answer_approve_quote
from participation.privacy.services import participant_contributions_withdraw
from participation.surveys.answers import AnswerValue
from participation.surveys.models import ResultsVisibility, Source
from participation.surveys.results import ResultsAccess, results_access, survey_is_closed
from participation.surveys.services import response_submit
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import ConsultationPageFactory
from tests.participation.contributions.factories import ParticipantFactory
from tests.participation.surveys.factories import SurveyPageFactory
from tests.participation.surveys.responses import Quote, add_responses

PAST = timezone.localdate() - timedelta(days=40)


@pytest.fixture
def closed_survey(home_page):
    """A survey on the home page (no phases to follow) that ended yesterday."""
    return SurveyPageFactory(
        parent=home_page,
        follow_phases=False,
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
        results_visibility=ResultsVisibility.AFTER_CLOSE,
    )


def _url(survey) -> str:
    return survey.url + "ergebnisse/"


def test_closed_survey_shows_results_with_totals_by_source(client, closed_survey):
    add_responses(closed_survey, [{"ortsteil": "innenstadt", "radweg": "yes"}] * 3)
    add_responses(closed_survey, [{"ortsteil": "hundisburg"}] * 2, source=Source.PAPER)
    response = client.get(_url(closed_survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ergebnisse: " + closed_survey.title in html
    assert "Antwortbögen insgesamt</dt><dd>5</dd>" in html
    assert "Papier</dt><dd>2</dd>" in html and "Workshop</dt><dd>0</dd>" in html
    assert '<h2 id="abschnitt-1">Über Sie</h2>' in html
    assert html.count('role="img"') >= 2
    assert "In welchem Ortsteil wohnen Sie?" in html


def test_source_filter_counts_only_that_source(client, closed_survey):
    add_responses(closed_survey, [{"radweg": "yes"}] * 3)
    add_responses(closed_survey, [{"radweg": "no"}] * 2, source=Source.PAPER)
    html = client.get(_url(closed_survey), {"quelle": "paper"}).content.decode()
    assert "Antwortbögen (Auswahl)</dt><dd>2</dd>" in html
    assert "Online</dt><dd>3</dd>" in html  # the totals stay
    assert 'Nein</th><td class="number">2</td><td class="number">100,0\u00a0%' in html
    assert '<option value="paper" selected>' in html
    # Unknown values are ignored, not an error.
    assert client.get(_url(closed_survey), {"quelle": "fax"}).status_code == 200


def test_text_answers_appear_only_as_approved_quotes(client, closed_survey):
    add_responses(
        closed_survey,
        [
            {"idee": Quote("Ein Wasserspielplatz am Markt", "approved")},
            {"idee": Quote("Herr Meier aus der Bahnhofstraße 4 parkt falsch", "rejected")},
            {"idee": "Noch ungeprüft: Tel. 0391 123456"},
        ],
    )
    html = client.get(_url(closed_survey)).content.decode()
    assert "Ein Wasserspielplatz am Markt" in html
    assert "Meier" not in html and "0391" not in html


def test_never_public_results_do_not_exist(client, closed_survey):
    closed_survey.results_visibility = ResultsVisibility.NEVER
    closed_survey.save()
    assert client.get(_url(closed_survey)).status_code == 404


def test_open_survey_with_results_after_close_says_when(client, closed_survey):
    closed_survey.closes_at = timezone.now() + timedelta(days=3)
    closed_survey.save()
    add_responses(closed_survey, [{"ortsteil": "innenstadt"}])
    response = client.get(_url(closed_survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "wenn die Umfrage beendet ist" in html
    assert "Innenstadt" not in html and "<svg" not in html


def test_results_after_answer_only_for_those_who_answered(client, closed_survey):
    closed_survey.results_visibility = ResultsVisibility.AFTER_ANSWER
    closed_survey.closes_at = timezone.now() + timedelta(days=3)
    closed_survey.save()
    (response,) = add_responses(closed_survey, [{"ortsteil": "innenstadt"}])
    html = client.get(_url(closed_survey)).content.decode()
    assert "sobald Sie selbst teilgenommen haben" in html and "<svg" not in html
    session = client.session
    session[SESSION_TOKEN_KEY] = response.participant.session_token
    session.save()
    html = client.get(_url(closed_survey)).content.decode()
    assert "sobald Sie" not in html and "<svg" in html


def test_following_phases_closes_when_every_survey_phase_is_over(home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[
            {"start": PAST, "end": PAST + timedelta(days=10), "allows_surveys": True},
            {"start": PAST + timedelta(days=20), "end": PAST + timedelta(days=60)},
        ],
    )
    survey = SurveyPageFactory(parent=consultation)
    assert survey_is_closed(survey)
    assert results_access(survey, participant=None) == ResultsAccess.VISIBLE
    running = SurveyPageFactory(
        parent=ConsultationPageFactory(
            parent=home_page,
            phases=[
                {"allows_surveys": True},
            ],
        )
    )
    assert not survey_is_closed(running)
    assert results_access(running, participant=None) == ResultsAccess.AFTER_CLOSE


def test_a_phase_that_shows_results_shows_them_before_the_survey_closes(home_page):
    consultation = ConsultationPageFactory(
        parent=home_page,
        phases=[{"allows_surveys": True, "allows_results": True}],
    )
    survey = SurveyPageFactory(parent=consultation)
    assert not survey_is_closed(survey)
    assert results_access(survey, participant=None) == ResultsAccess.VISIBLE


def test_results_page_query_count_is_the_same_for_10_and_10000_responses(
    client, closed_survey, settings
):
    settings.SURVEY_RESULTS_CACHE_SECONDS = 0  # the computation itself, every time
    answers = [
        {
            "ortsteil": "innenstadt",
            "verkehrsmittel": ["rad", "bus"],
            "zufriedenheit": 4,
            "aussagen": {"Mehr Grün": "teils"},
            "prioritaeten": ["Radwege", "Grünflächen"],
            "wege": 3,
            "idee": Quote("Mehr Bänke", "approved"),
        },
        {"ortsteil": "hundisburg", "radweg": "no", "wege": 12},
    ]
    counts = []
    for added, total in ((10, "10"), (9_990, "10.000")):
        add_responses(closed_survey, [answers[i % 2] for i in range(added)], source=Source.PAPER)
        client.get(_url(closed_survey))  # warms Wagtail's site cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url(closed_survey))
        assert f"Antwortbögen insgesamt</dt><dd>{total}</dd>" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 20, counts


def _aggregation_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if '"surveys_answer' in q["sql"]]


def test_results_are_computed_once_and_a_new_response_shows_at_once(
    client, closed_survey, settings, django_capture_on_commit_callbacks
):
    settings.SURVEY_RESULTS_CACHE_SECONDS = 300
    schema = closed_survey.schema
    ortsteil = schema.by_code("ortsteil")
    add_responses(closed_survey, [{"ortsteil": "innenstadt"}] * 3)
    client.get(_url(closed_survey))
    with CaptureQueriesContext(connection) as queries:
        html = client.get(_url(closed_survey)).content.decode()
    assert "Antwortbögen insgesamt</dt><dd>3</dd>" in html
    assert _aggregation_queries(queries) == []
    # The source filter is its own entry.
    with CaptureQueriesContext(connection) as queries:
        html = client.get(_url(closed_survey), {"quelle": "paper"}).content.decode()
    assert "Antwortbögen (Auswahl)</dt><dd>0</dd>" in html
    assert _aggregation_queries(queries)

    with django_capture_on_commit_callbacks(execute=True):
        response_submit(
            survey=closed_survey,
            participant=None,
            answers={ortsteil.key: AnswerValue(options=(ortsteil.options[1].key,))},
            source=Source.PAPER,
        )
    html = client.get(_url(closed_survey)).content.decode()
    assert "Antwortbögen insgesamt</dt><dd>4</dd>" in html
    html = client.get(_url(closed_survey), {"quelle": "paper"}).content.decode()
    assert "Antwortbögen (Auswahl)</dt><dd>1</dd>" in html


def test_an_approved_quote_shows_at_once(client, closed_survey, settings):
    settings.SURVEY_RESULTS_CACHE_SECONDS = 300
    [response] = add_responses(closed_survey, [{"idee": "Ein Wasserspielplatz am Markt"}])
    assert "Wasserspielplatz" not in client.get(_url(closed_survey)).content.decode()
    answer_approve_quote(answer=response.answers.get(), moderator=UserFactory(is_staff=True))
    assert "Wasserspielplatz" in client.get(_url(closed_survey)).content.decode()


def test_results_cache_off(client, closed_survey, settings):
    settings.SURVEY_RESULTS_CACHE_SECONDS = 0
    client.get(_url(closed_survey))
    with CaptureQueriesContext(connection) as queries:
        client.get(_url(closed_survey))
    assert _aggregation_queries(queries)


def test_a_withdrawn_persons_responses_leave_the_cached_results_at_once(
    client, closed_survey, settings
):
    settings.SURVEY_RESULTS_CACHE_SECONDS = 300
    [mine, _other] = add_responses(
        closed_survey,
        [{"ortsteil": "innenstadt"}, {"ortsteil": "hundisburg"}],
        participants=[ParticipantFactory(), ParticipantFactory()],
    )
    assert (
        "Antwortbögen insgesamt</dt><dd>2</dd>" in client.get(_url(closed_survey)).content.decode()
    )

    participant_contributions_withdraw(participant=mine.participant)

    assert (
        "Antwortbögen insgesamt</dt><dd>1</dd>" in client.get(_url(closed_survey)).content.decode()
    )
