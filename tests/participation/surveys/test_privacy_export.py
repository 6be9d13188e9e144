"""A person's download lists their survey responses with the survey and readable answers."""

import json

import pytest

from participation.privacy.selectors import Person, data_export
from participation.surveys.answers import AnswerValue
from participation.surveys.services import response_submit
from tests.participation.contributions.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_download_shows_survey_title_and_answers(survey, keys):
    participant = ParticipantFactory()
    response_submit(
        survey=survey,
        participant=participant,
        answers={
            keys["ortsteil"].key: AnswerValue(options=(keys[("ortsteil", "hundisburg")],)),
            keys["verkehrsmittel"].key: AnswerValue(
                options=(keys[("verkehrsmittel", "bus")], "other"), other="Taxi"
            ),
            keys["wege"].key: AnswerValue(number=3),
        },
    )
    export = data_export(Person(user=None, participant=participant), base_url="http://x/")
    rows = json.loads(export.files["umfrageantworten.json"])
    rows = rows if isinstance(rows, list) else rows["eintraege"]
    (row,) = rows
    assert row["umfrage"] == "Was ist Ihnen wichtig?"
    assert row["adresse"] == "http://x" + survey.url
    assert row["antworten"] == {
        "In welchem Ortsteil wohnen Sie?": "Hundisburg",
        "Wie kommen Sie in die Innenstadt?": "Bus, Sonstiges: Taxi",
        "Wie viele Wege machen Sie pro Woche in die Innenstadt?": "3 Wege",
    }
    csv_text = export.files["umfrageantworten.csv"].decode("utf-8-sig")
    assert "Bus, Sonstiges: Taxi" in csv_text
