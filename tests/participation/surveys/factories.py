import uuid

import factory
import wagtail_factories

from participation.surveys.models import SurveyPage
from tests.participation.consultations.factories import ConsultationPageFactory


def block(kind: str, **value) -> dict:
    """One question block in raw StreamField JSON, with a block id like the admin stores."""
    for name in ("options", "statements"):
        if name in value:
            value[name] = [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"code": "", **item}}
                if isinstance(item, dict)
                else {"type": "item", "id": str(uuid.uuid4()), "value": {"label": item, "code": ""}}
                for item in value[name]
            ]
    return {"type": kind, "id": str(uuid.uuid4()), "value": value}


def section(title: str, *questions: dict, description: str = "", condition=None) -> dict:
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "description": description,
            "condition": condition or {},
            "questions": list(questions),
        },
    }


def every_kind_sections() -> list[dict]:
    """Three steps that use every question kind once (the ISEK survey's shape, smaller)."""
    return [
        section(
            "Über Sie",
            block(
                "single_choice",
                code="ortsteil",
                label="In welchem Ortsteil wohnen Sie?",
                required=True,
                breakdown=True,
                options=[
                    {"label": "Innenstadt", "code": "innenstadt"},
                    {"label": "Althaldensleben", "code": "althaldensleben"},
                    {"label": "Hundisburg", "code": "hundisburg"},
                ],
            ),
            block(
                "dropdown",
                code="alter",
                label="Wie alt sind Sie?",
                breakdown=True,
                options=["unter 18", "18–29", "30–49", "50–64", "65 und älter"],
            ),
            block("text", text="<p>Danke! Nun zur Innenstadt.</p>", condition={}),
        ),
        section(
            "Mobilität",
            block(
                "multiple_choice",
                code="verkehrsmittel",
                label="Wie kommen Sie in die Innenstadt?",
                required=True,
                min_selections=1,
                max_selections=3,
                allow_other=True,
                options=[
                    {"label": "zu Fuß", "code": "fuss"},
                    {"label": "Fahrrad", "code": "rad"},
                    {"label": "Bus", "code": "bus"},
                    {"label": "Auto", "code": "auto"},
                ],
            ),
            block(
                "yes_no",
                code="radweg",
                label="Fehlt Ihnen ein sicherer Radweg?",
                condition={"question": "verkehrsmittel", "operator": "contains", "option": "rad"},
            ),
            block(
                "rating",
                code="zufriedenheit",
                label="Wie zufrieden sind Sie mit dem Busangebot?",
                scale_max="5",
                min_label="gar nicht",
                max_label="sehr",
            ),
            block(
                "matrix",
                code="aussagen",
                label="Wie sehr stimmen Sie zu?",
                statements=["Mehr Grün", "Weniger Autos"],
                options=["stimme zu", "teils", "stimme nicht zu"],
            ),
        ),
        section(
            "Ihre Ideen",
            block(
                "ranking",
                code="prioritaeten",
                label="Was ist Ihnen am wichtigsten?",
                options=["Grünflächen", "Radwege", "Parkplätze"],
            ),
            block(
                "number",
                code="wege",
                label="Wie viele Wege machen Sie pro Woche in die Innenstadt?",
                decimal_places=0,
                min_value="0",
                max_value="100",
                unit="Wege",
            ),
            block("short_text", code="lieblingsort", label="Ihr Lieblingsort?", max_length=200),
            block("long_text", code="idee", label="Ihre Idee für die Innenstadt", max_length=2000),
            block("date", code="seit", label="Seit wann wohnen Sie hier?"),
        ),
    ]


class SurveyPageFactory(wagtail_factories.PageFactory):
    """A published survey in a consultation with an open phase that allows surveys."""

    parent = factory.SubFactory(
        ConsultationPageFactory,
        phases=[{"name": "Umfrage", "allows_surveys": True, "allows_results": True}],
    )
    title = factory.Sequence(lambda n: f"Umfrage {n}")
    intro = "<p>Sagen Sie uns Ihre Meinung.</p>"
    thank_you = "<p>Vielen Dank für Ihre Antworten!</p>"
    sections = factory.LazyFunction(every_kind_sections)

    class Meta:
        model = SurveyPage
