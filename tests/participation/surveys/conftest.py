import pytest

from participation.surveys.questions import QuestionKind
from tests.participation.consultations.factories import ConsultationPageFactory
from tests.participation.surveys.factories import SurveyPageFactory


@pytest.fixture
def survey_consultation(home_page):
    """A consultation whose current phase allows answering surveys."""
    return ConsultationPageFactory(
        parent=home_page,
        title="ISEK Teststadt 2035",
        phases=[{"name": "Umfrage", "allows_surveys": True, "allows_commenting": True}],
    )


@pytest.fixture
def survey(survey_consultation):
    return SurveyPageFactory(
        parent=survey_consultation, title="Was ist Ihnen wichtig?", slug="umfrage"
    )


@pytest.fixture
def keys(survey):
    """Question code -> question, and (question code, option code) -> option key."""
    schema = survey.schema
    found = {}
    for question in schema.questions:
        found[question.code] = question
        for option in (*question.options, *question.rows):
            found[(question.code, option.code)] = option.key
    return found


def step_url(survey, number: int) -> str:
    return survey.url + survey.reverse_subpage("step", args=[number])


def summary_url(survey) -> str:
    return survey.url + survey.reverse_subpage("summary")


def thanks_url(survey) -> str:
    return survey.url + survey.reverse_subpage("thanks")


def valid_steps(keys) -> list[dict]:
    """POST data for the three steps of every_kind_sections(), all valid."""
    q = {code: value for code, value in keys.items() if isinstance(code, str)}

    def name(code, part=""):
        return f"q-{q[code].key}" + (f"-{part}" if part else "")

    matrix = q["aussagen"]
    ranking = q["prioritaeten"]
    assert matrix.kind == QuestionKind.MATRIX
    return [
        {
            name("ortsteil"): keys[("ortsteil", "innenstadt")],
            name("alter"): q["alter"].options[1].key,
            "aktion": "weiter",
        },
        {
            name("verkehrsmittel"): [keys[("verkehrsmittel", "rad")], "other"],
            name("verkehrsmittel", "other"): "E-Scooter",
            name("radweg"): "yes",
            name("zufriedenheit"): "4",
            **{name("aussagen", row.key): matrix.options[0].key for row in matrix.rows},
            "aktion": "weiter",
        },
        {
            **{
                name("prioritaeten", option.key): str(index)
                for index, option in enumerate(ranking.options, start=1)
            },
            name("wege"): "12",
            name("lieblingsort"): "Der Marktplatz",
            name("idee"): "Mehr Bänke im Schatten.",
            name("seit"): "2015-04-01",
            "aktion": "weiter",
        },
    ]
