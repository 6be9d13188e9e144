"""The survey builder's checks, and stable identities of questions and options through edits."""

import copy

import pytest

from participation.surveys.answers import AnswerValue
from participation.surveys.builder import SurveyPageForm, deletion_errors, schema_errors
from participation.surveys.models import SurveyPage
from participation.surveys.questions import SurveySchema
from participation.surveys.response_selectors import readable_answers, responses_with_answers
from participation.surveys.services import response_submit
from tests.participation.contributions.factories import ParticipantFactory
from tests.participation.surveys.factories import block, every_kind_sections, section

pytestmark = pytest.mark.django_db


def schema_of(raw_sections) -> SurveySchema:
    return SurveyPage(sections=raw_sections).schema


def test_the_factory_survey_has_no_errors():
    assert schema_errors(schema_of(every_kind_sections())) == []


def test_page_uses_the_checking_form():
    assert SurveyPage.base_form_class is SurveyPageForm


def test_duplicate_question_codes():
    raw = [
        section(
            "Eins",
            block("short_text", code="ort", label="Ihr Ort?"),
            block("long_text", code="ort", label="Ihre Idee?"),
        )
    ]
    assert schema_errors(schema_of(raw)) == [
        "Das Kürzel „ort“ kommt mehrmals vor (Fragen „Ihr Ort?“ und „Ihre Idee?“). "
        "Kürzel müssen in einer Umfrage eindeutig sein."
    ]


def test_duplicate_option_codes():
    raw = [
        section(
            "Eins",
            block(
                "single_choice",
                code="farbe",
                label="Farbe?",
                options=[{"label": "Rot", "code": "x"}, {"label": "Blau", "code": "x"}],
            ),
        )
    ]
    assert schema_errors(schema_of(raw)) == [
        "Frage „Farbe?“: Das Kürzel „x“ kommt bei mehreren Antwortoptionen vor."
    ]


def test_conditions_must_refer_to_earlier_choice_questions_and_known_options():
    raw = [
        section(
            "Eins",
            block(
                "short_text",
                code="frueh",
                label="Vorher?",
                condition={"question": "spaet", "operator": "is", "option": "ja"},
            ),
            block("yes_no", code="spaet", label="Später?"),
            block(
                "long_text",
                code="text",
                label="Warum?",
                condition={"question": "frueh", "operator": "is", "option": "a"},
            ),
            block(
                "long_text",
                code="text2",
                label="Wieso?",
                condition={"question": "spaet", "operator": "is", "option": "vielleicht"},
            ),
            block(
                "long_text",
                code="text3",
                label="Ok?",
                condition={"question": "spaet", "operator": "is", "option": "yes"},
            ),
        )
    ]
    errors = schema_errors(schema_of(raw))
    assert errors == [
        "Frage „Vorher?“: Die Bedingung nennt „spaet“ – das ist keine frühere Frage dieser "
        "Umfrage. Bedingungen können sich nur auf Fragen davor beziehen.",
        "Frage „Warum?“: Die Bedingung nennt „Vorher?“ – Bedingungen sind nur mit "
        "Auswahlfragen und Ja/Nein-Fragen möglich.",
        "Frage „Wieso?“: Die Frage „Später?“ hat keine Antwortoption mit dem Kürzel "
        "„vielleicht“. Möglich sind: no, yes.",
    ]


def test_section_conditions_are_checked_too():
    raw = [
        section(
            "Eins",
            block("short_text", code="a", label="A?"),
            condition={"question": "b", "operator": "is", "option": "yes"},
        ),
        section("Zwei", block("yes_no", code="b", label="B?")),
    ]
    assert schema_errors(schema_of(raw))[0].startswith("Abschnitt „Eins“: Die Bedingung nennt „b“")


def test_min_max_selections_consistency():
    raw = [
        section(
            "Eins",
            block(
                "multiple_choice",
                code="m",
                label="Mehrere?",
                options=["a", "b", "c"],
                min_selections=3,
                max_selections=2,
            ),
            block(
                "multiple_choice", code="n", label="Viele?", options=["a", "b"], min_selections=4
            ),
        )
    ]
    assert schema_errors(schema_of(raw)) == [
        "Frage „Mehrere?“: „Mindestens“ (3) ist größer als „Höchstens“ (2).",
        "Frage „Viele?“: Es gibt nur 2 Antwortoptionen, verlangt sind mindestens 4.",
    ]


def answered_survey(survey, keys):
    participant = ParticipantFactory()
    response_submit(
        survey=survey,
        participant=participant,
        answers={
            keys["ortsteil"].key: AnswerValue(options=(keys[("ortsteil", "hundisburg")],)),
            keys["verkehrsmittel"].key: AnswerValue(options=(keys[("verkehrsmittel", "rad")],)),
            keys["aussagen"].key: AnswerValue(
                rows={keys["aussagen"].rows[0].key: keys["aussagen"].options[0].key}
            ),
        },
    )
    return participant


def edit_copy(survey, change) -> list:
    data = copy.deepcopy(list(survey.sections.raw_data))
    change(data)
    return data


def edit(survey, change) -> SurveyPage:
    survey.sections = edit_copy(survey, change)
    survey.save()
    return SurveyPage.objects.get(pk=survey.pk)


def test_label_edits_and_reordering_keep_answers_attached(survey, keys):
    answered_survey(survey, keys)
    old = survey.schema

    def change(data):
        ortsteil = data[0]["value"]["questions"][0]["value"]
        ortsteil["label"] = "Wo wohnen Sie?"
        ortsteil["options"].reverse()
        hundisburg = next(o for o in ortsteil["options"] if o["value"]["code"] == "hundisburg")
        hundisburg["value"]["label"] = "Hundisburg (mit Schloss)"
        data.reverse()  # sections in a new order

    edited = edit(survey, change)
    assert deletion_errors(old, edited.schema, survey.pk) == []
    assert schema_errors(edited.schema) == []
    response = responses_with_answers(edited.responses.all())[0]
    assert ("Wo wohnen Sie?", "Hundisburg (mit Schloss)") in readable_answers(response)


def test_deleting_an_answered_question_or_option_is_refused(survey, keys):
    answered_survey(survey, keys)
    old = survey.schema

    def change(data):
        questions = data[0]["value"]["questions"]
        questions[0]["value"]["options"] = [
            o for o in questions[0]["value"]["options"] if o["value"]["code"] != "hundisburg"
        ]
        data[1]["value"]["questions"] = [
            q for q in data[1]["value"]["questions"] if q["value"].get("code") != "verkehrsmittel"
        ]
        matrix = next(q for q in data[1]["value"]["questions"] if q["type"] == "matrix")
        matrix["value"]["statements"] = matrix["value"]["statements"][1:]

    new = SurveyPage(sections=edit_copy(survey, change)).schema
    errors = deletion_errors(old, new, survey.pk)
    hint = (
        "Markieren Sie sie stattdessen als „archiviert“: Sie wird dann nicht mehr angezeigt, "
        "die Antworten bleiben in den Ergebnissen."
    )
    assert (
        "Die Frage „Wie kommen Sie in die Innenstadt?“ hat bereits 1 Antworten und kann nicht "
        "gelöscht werden. " + hint
    ) in errors
    assert (
        "Die Antwortoption „Hundisburg“ der Frage „In welchem Ortsteil wohnen Sie?“ wurde "
        "bereits 1-mal gewählt und kann nicht gelöscht werden. " + hint
    ) in errors
    assert any("„Mehr Grün“" in error for error in errors)
    assert len(errors) == 3


def test_archiving_instead_of_deleting_is_fine_and_hides_the_option(survey, keys):
    answered_survey(survey, keys)
    old = survey.schema

    def change(data):
        options = data[0]["value"]["questions"][0]["value"]["options"]
        for option in options:
            if option["value"]["code"] == "hundisburg":
                option["value"]["archived"] = True

    edited = edit(survey, change)
    assert deletion_errors(old, edited.schema, survey.pk) == []
    question = edited.schema.question(keys["ortsteil"].key)
    assert keys[("ortsteil", "hundisburg")] not in {o.key for o in question.active_options}


def test_admin_form_refuses_deleting_an_answered_question(survey, keys, editor):
    """The page form (base_form_class) puts the refusal at the top of the sections field."""
    answered_survey(survey, keys)

    def change(data):
        data[1]["value"]["questions"] = [
            q for q in data[1]["value"]["questions"] if q["value"].get("code") != "verkehrsmittel"
        ]

    form_class = SurveyPage.get_edit_handler().get_form_class()
    form = form_class(instance=survey, for_user=editor, parent_page=survey.get_parent())
    new_sections = SurveyPage(sections=edit_copy(survey, change)).sections
    form.cleaned_data = {"title": survey.title, "slug": survey.slug, "sections": new_sections}
    form._errors = {}
    form.clean()
    (error,) = form.errors["sections"].as_data()
    messages = [item.message for item in error.non_block_errors.as_data()]
    # The condition that named the deleted question is broken too; both are said.
    assert messages[0].startswith("Frage „Fehlt Ihnen ein sicherer Radweg?“: Die Bedingung")
    assert messages[1].startswith(
        "Die Frage „Wie kommen Sie in die Innenstadt?“ hat bereits 1 Antworten"
    )
