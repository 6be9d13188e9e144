"""Citizens answer a survey step by step: progress, drafts, errors, sending, closed surveys."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from participation.contributions.models import Participant
from participation.contributions.services import SESSION_TOKEN_KEY
from participation.surveys.models import (
    Access,
    Answer,
    AnswerChoice,
    Response,
    ResultsVisibility,
    Source,
)
from participation.surveys.views import DRAFT_PREFIX
from tests.participation.contributions.factories import ParticipantFactory
from tests.participation.surveys.conftest import step_url, summary_url, thanks_url, valid_steps

pytestmark = pytest.mark.django_db

CAPTCHA = {"captcha_0": "x", "captcha_1": "PASSED"}
RESULTS_LINK = "Ergebnisse der Umfrage ansehen"


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def answer_all_steps(client, survey, keys):
    for number, data in enumerate(valid_steps(keys), start=1):
        response = client.post(step_url(survey, number), data)
        assert response.status_code == 302, response.content.decode()


def test_intro_and_step_show_progress(client, survey):
    page = html(client.get(survey.url))
    assert "Die Umfrage hat 3 Schritte." in page.get_text()
    start = page.select_one("a.button--primary")
    assert start["href"] == step_url(survey, 1) and start.get_text() == "Umfrage starten"
    page = html(client.get(step_url(survey, 2)))
    assert page.select_one(".survey-progress__label").get_text() == "Schritt 2 von 3"
    progress = page.select_one("progress")
    assert (progress["value"], progress["max"]) == ("2", "3")
    assert page.h1.get_text() == "Mobilität"


def test_complete_survey_stores_one_response_with_all_answers(client, survey, keys):
    answer_all_steps(client, survey, keys)
    summary = html(client.get(summary_url(survey)))
    text = summary.get_text()
    assert "Fahrrad, Sonstiges: E-Scooter" in text and "12 Wege" in text
    assert summary.select_one("#id_captcha_1") is not None
    response = client.post(summary_url(survey), CAPTCHA)
    assert response.status_code == 302 and response["Location"] == thanks_url(survey)
    stored = Response.objects.get()
    assert stored.source == Source.ONLINE and stored.participant is not None
    assert Answer.objects.filter(response=stored).count() == 11
    by_key = {answer.question_key: answer for answer in stored.answers.all()}
    assert by_key[keys["wege"].key].number == 12
    assert by_key[keys["verkehrsmittel"].key].text == "E-Scooter"
    ranks = AnswerChoice.objects.filter(question_key=keys["prioritaeten"].key)
    assert sorted(ranks.values_list("rank", flat=True)) == [1, 2, 3]
    matrix = AnswerChoice.objects.filter(question_key=keys["aussagen"].key)
    assert {choice.row_key for choice in matrix} == {row.key for row in keys["aussagen"].rows}
    assert DRAFT_PREFIX + str(survey.pk) not in client.session
    thanks = html(client.get(thanks_url(survey))).get_text()
    assert "Vielen Dank für Ihre Teilnahme!" in thanks and "E-Scooter" in thanks


def test_error_in_step_is_shown_in_summary_and_next_to_field(client, survey, keys):
    data = valid_steps(keys)[1]
    data[f"q-{keys['zufriedenheit'].key}"] = "9"
    data[f"q-{keys['verkehrsmittel'].key}"] = []
    response = client.post(step_url(survey, 2), data)
    assert response.status_code == 400
    page = html(response)
    summary = page.select_one("[data-error-summary]")
    assert summary["tabindex"] == "-1" and summary["role"] == "alert"
    links = [(a["href"], a.get_text()) for a in summary.select("a")]
    assert (
        f"#q-{keys['verkehrsmittel'].key}-1",
        "Wie kommen Sie in die Innenstadt? – Bitte beantworten Sie diese Frage.",
    ) in links
    assert page.select_one(f"#q-{keys['verkehrsmittel'].key}-1") is not None
    field_error = page.select_one(f"#q-{keys['zufriedenheit'].key}-fehler")
    assert field_error.get_text(strip=True) == "Bitte wählen Sie einen Wert von 1 bis 5."
    assert page.title.get_text().startswith("Fehler:")
    # What was typed is still there.
    other = page.select_one(f"#q-{keys['verkehrsmittel'].key}-other")
    assert other["value"] == "E-Scooter"


def test_back_and_reload_keep_answers(client, survey, keys):
    steps = valid_steps(keys)
    client.post(step_url(survey, 1), steps[0])
    back = {**steps[1], "aktion": "zurueck", f"q-{keys['zufriedenheit'].key}": "2"}
    response = client.post(step_url(survey, 2), back)
    assert response["Location"] == step_url(survey, 1)
    page = html(client.get(step_url(survey, 1)))
    chosen = page.select_one(f"input[value='{keys[('ortsteil', 'innenstadt')]}']")
    assert chosen.has_attr("checked")
    page = html(client.get(step_url(survey, 2)))
    assert page.select_one(f"#q-{keys['zufriedenheit'].key}-2").has_attr("checked")


def test_failed_captcha_keeps_draft(client, survey, keys):
    answer_all_steps(client, survey, keys)
    response = client.post(summary_url(survey), {"captcha_0": "x", "captcha_1": "FALSCH"})
    assert response.status_code == 400
    assert "Die Zeichen stimmen nicht" in response.content.decode()
    assert Response.objects.count() == 0
    assert client.post(summary_url(survey), CAPTCHA).status_code == 302
    assert Response.objects.count() == 1


def test_summary_with_missing_answers_goes_back_to_the_step(client, survey, keys):
    client.post(step_url(survey, 1), valid_steps(keys)[0])
    response = client.post(summary_url(survey), CAPTCHA)
    assert response.status_code == 400
    assert html(response).h1.get_text() == "Mobilität"
    assert Response.objects.count() == 0


def test_hidden_question_answer_is_discarded(client, survey, keys):
    steps = valid_steps(keys)
    steps[1][f"q-{keys['verkehrsmittel'].key}"] = [keys[("verkehrsmittel", "bus")]]
    client.post(step_url(survey, 1), steps[0])
    client.post(step_url(survey, 2), steps[1])
    client.post(step_url(survey, 3), steps[2])
    client.post(summary_url(survey), CAPTCHA)
    keys_stored = set(Answer.objects.values_list("question_key", flat=True))
    assert keys["radweg"].key not in keys_stored
    assert keys["verkehrsmittel"].key in keys_stored


def test_closed_survey_says_so_and_keeps_the_draft(client, survey, keys):
    client.post(step_url(survey, 1), valid_steps(keys)[0])
    survey.follow_phases = False
    survey.closes_at = timezone.now() - timedelta(hours=1)
    survey.opens_at = timezone.now() - timedelta(days=3)
    survey.save()
    response = client.post(step_url(survey, 2), valid_steps(keys)[1])
    assert response["Location"] == survey.url
    page = html(client.get(survey.url)).get_text()
    assert "Die Umfrage ist beendet." in page
    assert "Ihre bisherigen Antworten bleiben in dieser Sitzung gespeichert." in page
    draft = client.session[DRAFT_PREFIX + str(survey.pk)]
    assert keys["ortsteil"].key in draft and keys["zufriedenheit"].key in draft


def test_not_yet_open_survey(client, survey):
    survey.follow_phases = False
    survey.opens_at = timezone.now() + timedelta(days=2)
    survey.save()
    page = html(client.get(survey.url)).get_text()
    assert "Die Umfrage beginnt am" in page
    assert "Umfrage starten" not in page


def test_account_required_redirects_to_login_keeping_the_draft(client, survey, keys, citizen):
    survey.access = Access.ACCOUNT
    survey.save()
    answer_all_steps(client, survey, keys)
    response = client.post(summary_url(survey), CAPTCHA)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    client.force_login(citizen)
    assert DRAFT_PREFIX + str(survey.pk) in client.session
    response = client.post(summary_url(survey), {})
    assert response.status_code == 302, html(response).select_one("main").get_text()
    assert Response.objects.get().participant.user == citizen


def test_blocked_participant_is_refused(client, survey, keys):
    participant = ParticipantFactory(blocked_at=timezone.now())
    session = client.session
    session[SESSION_TOKEN_KEY] = participant.session_token
    session.save()
    assert "Ihre Teilnahme ist gesperrt." in client.get(survey.url).content.decode()
    answer_all_steps(client, survey, keys)
    response = client.post(summary_url(survey), CAPTCHA)
    assert response.status_code == 403
    assert Response.objects.count() == 0


def test_second_response_shows_the_first(client, survey, keys):
    answer_all_steps(client, survey, keys)
    client.post(summary_url(survey), CAPTCHA)
    response = client.get(step_url(survey, 1))
    assert response["Location"] == thanks_url(survey)
    page = html(client.get(survey.url)).get_text()
    assert "Sie haben an dieser Umfrage bereits teilgenommen." in page
    assert Response.objects.count() == 1


def test_may_edit_until_close_updates_in_place(client, survey, keys):
    survey.allow_edit = True
    survey.save()
    answer_all_steps(client, survey, keys)
    client.post(summary_url(survey), CAPTCHA)
    first = Response.objects.get()
    page = html(client.get(step_url(survey, 2)))  # starts from the stored answers
    assert page.select_one(f"#q-{keys['zufriedenheit'].key}-4").has_attr("checked")
    changed = {**valid_steps(keys)[1], f"q-{keys['zufriedenheit'].key}": "1"}
    client.post(step_url(survey, 2), changed)
    client.post(step_url(survey, 3), valid_steps(keys)[2])
    assert client.post(summary_url(survey), {}).status_code == 302
    assert Response.objects.get().pk == first.pk
    answer = Answer.objects.get(response=first, question_key=keys["zufriedenheit"].key)
    assert answer.number == 1


def test_rate_limit(client, survey, keys, settings):
    settings.CONTRIBUTIONS_RATE_LIMITS = {"survey": [(0, 60)]}
    answer_all_steps(client, survey, keys)
    response = client.post(summary_url(survey), CAPTCHA)
    assert response.status_code == 429
    assert "Ihre Antworten bleiben erhalten" in response.content.decode()
    assert Response.objects.count() == 0 and Participant.objects.count() == 1


def test_unknown_step_is_404(client, survey):
    assert client.get(step_url(survey, 0)).status_code == 404


def test_step_query_count_is_bounded(client, survey, keys, django_assert_max_num_queries):
    client.get(step_url(survey, 1))
    for number, data in enumerate(valid_steps(keys), start=1):
        with django_assert_max_num_queries(16):
            client.get(step_url(survey, number))
        with django_assert_max_num_queries(16):
            client.post(step_url(survey, number), data)
    with django_assert_max_num_queries(16):
        client.get(summary_url(survey))


def test_consultation_page_lists_its_surveys_with_state(client, survey, survey_consultation):
    from tests.participation.surveys.factories import SurveyPageFactory

    SurveyPageFactory(
        parent=survey_consultation,
        title="Alte Umfrage",
        follow_phases=False,
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=2),
    )
    page = html(client.get(survey_consultation.url))
    cards = page.select("#heading-surveys ~ .survey-cards .card")
    states = {card.h3.get_text(strip=True): card.select_one(".status").get_text() for card in cards}
    assert states["Was ist Ihnen wichtig?"].startswith("Offen, endet am ")
    assert states["Alte Umfrage"] == "Beendet"


def test_thanks_page_links_to_results_once_the_visitor_may_see_them(client, survey, keys):
    survey.results_visibility = ResultsVisibility.AFTER_ANSWER
    survey.save()
    assert html(client.get(survey.url)).find("a", string=RESULTS_LINK) is None

    answer_all_steps(client, survey, keys)
    client.post(summary_url(survey), CAPTCHA)

    link = html(client.get(thanks_url(survey))).find("a", string=RESULTS_LINK)
    assert link["href"] == survey.url + "ergebnisse/"
    assert client.get(link["href"]).status_code == 200


def test_no_results_link_when_results_are_never_public(client, survey, keys):
    survey.results_visibility = ResultsVisibility.NEVER
    survey.save()
    answer_all_steps(client, survey, keys)
    client.post(summary_url(survey), CAPTCHA)

    assert html(client.get(thanks_url(survey))).find("a", string=RESULTS_LINK) is None
