import json
import re

import pytest
from django.template import Context, Template

from participation.surveys.presentation import render_grouped_question, render_question_result
from participation.surveys.results import survey_results, survey_results_by_group
from tests.participation.surveys.factories import SurveyPageFactory
from tests.participation.surveys.responses import Quote, add_responses


@pytest.fixture
def results(consultation):
    survey = SurveyPageFactory(parent=consultation)
    add_responses(
        survey,
        [
            {
                "ortsteil": "innenstadt",
                "verkehrsmittel": ["rad", "bus"],
                "zufriedenheit": 4,
                "aussagen": {"Mehr Grün": "stimme zu", "Weniger Autos": "teils"},
                "prioritaeten": ["Radwege", "Grünflächen", "Parkplätze"],
                "wege": 1500,
                "idee": Quote("Mehr Bänke am Markt", "approved"),
                "lieblingsort": "Bei Familie Müller, Hauptstraße 3",
            },
            {"ortsteil": "hundisburg", "verkehrsmittel": ["rad"], "zufriedenheit": 3, "wege": 2},
            {"ortsteil": "hundisburg"},
        ],
    )
    return survey, survey_results(survey)


def _text(html: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def _by_code(results, code):
    return next(question for question in results.questions if question.code == code)


def test_multiple_choice_explains_its_shares_in_german(results):
    _survey, results = results
    html = render_question_result(_by_code(results, "verkehrsmittel"), heading_level=2)
    assert '<h2 id="frage-' in html
    text = _text(html)
    assert "Antworten 2 von 3 (66,7\u00a0%)" in text
    assert "bezogen auf die 2 Personen, die diese Frage beantwortet haben" in text
    assert "mehr als 100 %" in text
    assert "Fahrrad 2 100,0\u00a0%" in text  # the table row: everyone who answered chose it
    assert 'role="img"' in html


def test_number_shows_mean_median_and_unit_in_german_format(results):
    _survey, results = results
    text = _text(render_question_result(_by_code(results, "wege")))
    assert "Mittelwert 751,0\u00a0Wege" in text
    assert "größter Wert 1.500\u00a0Wege" in text


def test_matrix_and_ranking_draw_stacked_bars(results):
    _survey, results = results
    matrix = render_question_result(_by_code(results, "aussagen"))
    assert matrix.count("<pattern") == 3 and "Mehr Grün" in matrix
    ranking = _text(render_question_result(_by_code(results, "prioritaeten")))
    assert "Radwege – durchschnittlich Platz 1,00" in ranking
    assert "Platz 3" in ranking


def test_text_questions_show_the_count_and_approved_quotes_only(results):
    _survey, results = results
    idee = render_question_result(_by_code(results, "idee"))
    assert "Mehr Bänke am Markt" in idee and "<svg" not in idee
    ort = render_question_result(_by_code(results, "lieblingsort"))
    assert "Müller" not in ort
    assert "nur Zitate, die die Moderation freigegeben hat" in _text(ort)


def test_unanswered_question_says_so(results):
    _survey, results = results
    html = render_question_result(_by_code(results, "seit"))
    assert "noch keine Antworten" in html and "<svg" not in html


def test_template_tag_renders_a_live_or_a_frozen_result(results):
    _survey, results = results
    question = _by_code(results, "zufriedenheit")
    template = Template(
        "{% load survey_results %}{% survey_question_result result heading_level=4 %}"
    )
    live = template.render(Context({"result": question}))
    frozen = template.render(
        Context({"result": json.loads(json.dumps(results.to_dict()))["questions"][4]})
    )
    assert "<h4" in live and "Median" in live
    assert re.sub(r"chart-[0-9a-f]+", "", live) == re.sub(r"chart-[0-9a-f]+", "", frozen)


def test_grouped_question_renders_stacked_bars_per_group_or_a_table(results):
    survey, _results = results
    grouped = survey_results_by_group(
        survey, group_question_key=survey.schema.by_code("ortsteil").key
    )
    rating = render_grouped_question(
        grouped.question(survey.schema.by_code("zufriedenheit").key), group_label="Ortsteil"
    )
    assert "Wie zufrieden sind Sie mit dem Busangebot? – nach Ortsteil" in rating
    assert "<pattern" in rating and "Hundisburg" in rating
    multiple = _text(
        render_grouped_question(
            grouped.question(survey.schema.by_code("verkehrsmittel").key), group_label="Ortsteil"
        )
    )
    # Answered by 1; zu Fuß 0 of 1, Fahrrad 1 of 1.
    assert "Hundisburg 1 0 (0,0\u00a0%) 1 (100,0\u00a0%)" in multiple
    number = _text(
        render_grouped_question(
            grouped.question(survey.schema.by_code("wege").key), group_label="Ortsteil"
        )
    )
    assert "Innenstadt 1 1.500,0\u00a0Wege 1.500,0\u00a0Wege 1.500\u00a0Wege" in number
    assert "Althaldensleben 0 – – – –" in number
