"""Every question kind's checks with their German messages, and conditions."""

from datetime import date
from decimal import Decimal

import pytest

from participation.surveys.answers import check_answer, evaluate, parse_number, readable
from participation.surveys.questions import OTHER_KEY

pytestmark = pytest.mark.django_db


def check(keys, code, **raw):
    return check_answer(keys[code], raw)


def test_required_single_choice_needs_an_answer(keys):
    value, errors = check(keys, "ortsteil", value=[])
    assert errors == ["Bitte beantworten Sie diese Frage."]


def test_single_choice_accepts_only_its_own_options(keys):
    own = keys[("ortsteil", "hundisburg")]
    value, errors = check(keys, "ortsteil", value=[own])
    assert errors == [] and value.options == (own,)
    foreign = keys[("verkehrsmittel", "rad")]
    _value, errors = check(keys, "ortsteil", value=[foreign])
    assert errors == ["Bitte wählen Sie eine der angebotenen Antworten."]
    _value, errors = check(keys, "ortsteil", value=[own, keys[("ortsteil", "innenstadt")]])
    assert errors == ["Bitte wählen Sie nur eine Antwort."]


def test_archived_options_are_not_accepted_any_more(survey, keys):
    question = keys["ortsteil"]
    archived = question.options[0]
    object.__setattr__(archived, "archived", True)
    _value, errors = check_answer(question, {"value": [archived.key]})
    assert errors == ["Bitte wählen Sie eine der angebotenen Antworten."]


def test_dropdown_optional_may_stay_empty(keys):
    value, errors = check(keys, "alter", value=[])
    assert errors == [] and value.is_empty


def test_multiple_choice_min_max_and_other(keys):
    q = keys["verkehrsmittel"]
    four = [option.key for option in q.options]
    _value, errors = check(keys, "verkehrsmittel", value=four)
    assert errors == ["Bitte wählen Sie höchstens 3 Antworten."]
    _value, errors = check(keys, "verkehrsmittel", value=[OTHER_KEY], other="")
    assert errors == ["Bitte beschreiben Sie kurz, was Sie mit „Sonstiges“ meinen."]
    value, errors = check(keys, "verkehrsmittel", value=[four[0], OTHER_KEY], other=" Roller ")
    assert errors == [] and value.options == (four[0], OTHER_KEY) and value.other == "Roller"
    _value, errors = check(keys, "verkehrsmittel", value=[OTHER_KEY], other="x" * 201)
    assert "höchstens 200 Zeichen" in errors[0]


def test_multiple_choice_minimum(keys):
    question = keys["verkehrsmittel"]
    object.__setattr__(question, "min_selections", 2)
    _value, errors = check_answer(question, {"value": [question.options[0].key]})
    assert errors == ["Bitte wählen Sie mindestens 2 Antworten."]


def test_yes_no(keys):
    assert check(keys, "radweg", value=["yes"])[0].options == ("yes",)
    assert check(keys, "radweg", value=["vielleicht"])[1]


@pytest.mark.parametrize(
    ("given", "ok"), [("1", True), ("5", True), ("0", False), ("6", False), ("3,5", False)]
)
def test_rating_range(keys, given, ok):
    value, errors = check(keys, "zufriedenheit", value=[given])
    assert (errors == []) is ok
    if ok:
        assert value.number == Decimal(given)
    else:
        assert errors == ["Bitte wählen Sie einen Wert von 1 bis 5."]


def test_matrix_rows_and_options(keys):
    q = keys["aussagen"]
    rows = {row.key: q.options[1].key for row in q.rows}
    value, errors = check(keys, "aussagen", rows=rows)
    assert errors == [] and value.rows == rows
    _value, errors = check(keys, "aussagen", rows={q.rows[0].key: "erfunden"})
    assert errors == ["Bitte wählen Sie eine der angebotenen Antworten."]
    object.__setattr__(q, "required", True)
    _value, errors = check_answer(q, {"rows": {q.rows[0].key: q.options[0].key}})
    assert errors == ["Bitte beantworten Sie jede Aussage."]


def test_ranking_must_be_complete_and_without_duplicates(keys):
    q = keys["prioritaeten"]
    a, b, c = (option.key for option in q.options)
    value, errors = check(keys, "prioritaeten", ranks={a: "2", b: "1", c: "3"})
    assert errors == [] and value.ranks == {a: 2, b: 1, c: 3}
    _value, errors = check(keys, "prioritaeten", ranks={a: "1", b: "1", c: "3"})
    assert errors[0].startswith("Jeder Platz darf nur einmal vorkommen.")
    _value, errors = check(keys, "prioritaeten", ranks={a: "1", b: "", c: ""})
    assert errors[0].startswith("Bitte vergeben Sie jeden Platz von 1 bis 3")
    _value, errors = check(keys, "prioritaeten", ranks={a: "4", b: "1", c: "2"})
    assert "von 1 bis 3" in errors[0]
    value, errors = check(keys, "prioritaeten", ranks={a: "", b: "", c: ""})
    assert errors == [] and value.is_empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Decimal("12")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1 234", Decimal("1234")),
        ("12,5 km", Decimal("12.5")),
        ("-3", Decimal("-3")),
        ("zwölf", None),
        ("1,2,3", None),
        ("", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text, "km") == expected


def test_number_range_decimals_and_unit(keys):
    assert check(keys, "wege", value=["12 Wege"])[0].number == Decimal(12)
    assert check(keys, "wege", value=["12,5"])[1] == ["Bitte geben Sie eine ganze Zahl ein."]
    assert check(keys, "wege", value=["101"])[1] == ["Bitte geben Sie einen Wert von 0 bis 100 an."]
    assert check(keys, "wege", value=["viele"])[1] == [
        "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5."
    ]
    question = keys["wege"]
    object.__setattr__(question, "decimal_places", 1)
    assert check_answer(question, {"value": ["2,25"]})[1] == ["Bitte höchstens 1 Nachkommastelle."]
    assert check_answer(question, {"value": ["2,5"]})[0].number == Decimal("2.5")


def test_texts_are_trimmed_and_limited(keys):
    value, errors = check(keys, "lieblingsort", value=["  Der Markt  "])
    assert value.text == "Der Markt" and errors == []
    _value, errors = check(keys, "lieblingsort", value=["x" * 201])
    assert errors == ["Der Text ist zu lang: höchstens 200 Zeichen, Ihr Text hat 201."]


def test_dates_iso_and_german(keys):
    assert check(keys, "seit", value=["2015-04-01"])[0].date == date(2015, 4, 1)
    assert check(keys, "seit", value=["01.04.2015"])[0].date == date(2015, 4, 1)
    assert check(keys, "seit", value=["31.02.2015"])[1] == [
        "Bitte geben Sie ein Datum ein, zum Beispiel 31.12.2024."
    ]
    question = keys["seit"]
    object.__setattr__(question, "min_value", date(2000, 1, 1))
    assert check_answer(question, {"value": ["1999-12-31"]})[1] == [
        "Bitte geben Sie mindestens 01.01.2000 an."
    ]


def test_condition_hides_question_and_drops_its_answer(survey, keys):
    q = keys["verkehrsmittel"]
    raw = {
        keys["ortsteil"].key: {"value": [keys[("ortsteil", "innenstadt")]]},
        q.key: {"value": [keys[("verkehrsmittel", "bus")]]},
        keys["radweg"].key: {"value": ["yes"]},  # shown only to cyclists
        keys["prioritaeten"].key: {"ranks": {}},
    }
    evaluation = evaluate(survey.schema, raw)
    assert keys["radweg"].key not in evaluation.answers
    assert not evaluation.shows(keys["radweg"])
    raw[q.key] = {"value": [keys[("verkehrsmittel", "rad")]]}
    evaluation = evaluate(survey.schema, raw)
    assert evaluation.answers[keys["radweg"].key].options == ("yes",)


def test_section_condition_skips_a_step(survey, keys):
    from participation.surveys.questions import Condition, Section, SurveySchema

    schema = survey.schema
    skipped = Section(
        key=schema.sections[1].key,
        title=schema.sections[1].title,
        condition=Condition("ortsteil", "is", "hundisburg"),
        items=schema.sections[1].items,
    )
    conditional = SurveySchema(sections=(schema.sections[0], skipped, schema.sections[2]))
    raw = {keys["ortsteil"].key: {"value": [keys[("ortsteil", "innenstadt")]]}}
    evaluation = evaluate(conditional, raw)
    assert len(evaluation.sections) == 2
    # The required multiple choice question of the skipped step is not missing.
    assert keys["verkehrsmittel"].key not in evaluation.errors


def test_readable_answers(keys):
    q = keys["prioritaeten"]
    a, b, c = (option.key for option in q.options)
    value, _errors = check(keys, "prioritaeten", ranks={a: "3", b: "1", c: "2"})
    assert readable(q, value) == "1. Radwege, 2. Parkplätze, 3. Grünflächen"
    value, _errors = check(keys, "wege", value=["7"])
    assert readable(keys["wege"], value) == "7 Wege"
