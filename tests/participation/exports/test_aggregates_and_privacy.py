"""The aggregates are the results page's figures; pseudonyms are stable and reveal nobody."""

import io
import zipfile

import pytest

from participation.exports import services
from participation.exports.models import Format, What
from participation.exports.pseudonyms import Pseudonymiser
from participation.exports.tables import tables_for
from participation.surveys.models import Source
from participation.surveys.results import survey_results
from tests.participation.consultations.factories import ConsultationPageFactory, TopicPageFactory
from tests.participation.contributions.factories import CommentFactory
from tests.participation.exports.conftest import read_csv, read_json, respond
from tests.participation.exports.test_tables import export_bytes

pytestmark = pytest.mark.django_db


def test_aggregates_equal_the_results_page(world):
    for number in range(3):
        respond(
            world.survey,
            source=Source.WORKSHOP,
            ortsteil="althaldensleben",
            verkehrsmittel=["bus"],
            wege=number,
        )
    rows = read_json(export_bytes(world, What.AGGREGATES, Format.JSON))
    results = survey_results(world.survey)
    sources = {row["option_code"]: row["anzahl"] for row in rows if not row["frage_code"]}
    assert sources == {source.source: source.count for source in results.by_source}
    for question in results.questions:
        mine = [row for row in rows if row["frage_code"] == question.code]
        assert mine, question.code
        assert {(row["beantwortet"], row["befragte"]) for row in mine if not row["aussage"]} <= {
            (question.answered, question.respondents)
        }
        counts = {
            (row["option"], row["anzahl"], row["anteil"])
            for row in mine
            if row["anzahl"] is not None and row["rang"] is None and not row["aussage"]
        }
        assert counts == {(o.label, o.count, o.share) for o in question.options}
        matrix = {
            (row["aussage"], row["option"], row["anzahl"], row["anteil"])
            for row in mine
            if row["aussage"]
        }
        assert matrix == {
            (r.label, o.label, o.count, o.share) for r in question.rows for o in r.options
        }
        ranks = {(row["option"], row["rang"], row["anzahl"]) for row in mine if row["rang"]}
        assert ranks == {
            (r.label, place, count)
            for r in question.ranking
            for place, count in enumerate(r.ranks, start=1)
        }
        if question.stats:
            stats = {row["kennzahl"]: row["wert"] for row in mine if row["kennzahl"]}
            assert stats["Mittelwert"] == question.stats.mean
            assert stats["Median"] == question.stats.median
    ortsteil = next(q for q in results.questions if q.code == "ortsteil")
    assert {o.count for o in ortsteil.options} == {1, 3}


def test_pseudonyms_are_stable_and_differ_between_consultations(world):
    first = read_csv(export_bytes(world, What.COMMENTS))
    second = read_csv(export_bytes(world, What.COMMENTS))
    assert [row["pseudonym"] for row in first] == [row["pseudonym"] for row in second]
    person = world.people[0]
    expected = Pseudonymiser(world.consultation.pk)(person.pk)
    assert expected.startswith("P-") and len(expected) == 12
    # The same person has the same pseudonym in every table of the consultation.
    in_comments = {row["pseudonym"] for row in first if row["text"] == "Mehr Bänke!"}
    in_votes = {
        row["pseudonym"]
        for row in read_csv(export_bytes(world, What.VOTES))
        if row["ziel_id"] == f"S-{world.topic.pk}"
    }
    in_responses = {row["pseudonym"] for row in read_csv(export_bytes(world, What.RESPONSES))}
    assert in_comments == in_votes == {expected}
    assert expected in in_responses
    # ...and a different one in another consultation.
    other = ConsultationPageFactory(parent=world.consultation.get_parent(), title="Anderes")
    CommentFactory(target=TopicPageFactory(parent=other), participant=person)
    export = services.export_build(consultation=other, what=What.COMMENTS, format=Format.CSV)
    rows = read_csv(b"".join(services.export_stream(export)))
    assert [row["pseudonym"] for row in rows] == [Pseudonymiser(other.pk)(person.pk)]
    assert rows[0]["pseudonym"] != expected


def test_no_identifier_leaks(world):
    user = world.users[0]
    secrets_ = [
        user.username,
        user.email,
        user.display_name,
        "Gast aus Hundisburg",
        *(person.session_token for person in world.people if person.session_token),
        # Public names of guests ("Gast 1234"); four digits alone turn up in any zip file.
        *(f"Gast {person.guest_number}" for person in world.people),
    ]
    for what in What:
        for format in (Format.CSV, Format.JSON, Format.XLSX):
            if what == What.DATAPACKAGE and format != Format.CSV:
                continue
            content = export_bytes(world, what, format, include_moderated=True)
            if content.startswith(b"PK"):  # XLSX and the data package are zip files
                archive = zipfile.ZipFile(io.BytesIO(content))
                content = b"".join(archive.read(name) for name in archive.namelist())
            text = content.decode("utf-8")
            assert "Mehr Bänke" in text or what not in (What.COMMENTS, What.DATAPACKAGE)
            for secret in secrets_:
                assert secret not in text, (what, format, secret)
    for row in read_json(export_bytes(world, What.COMMENTS, Format.JSON)):
        assert set(row) >= {"pseudonym"}
        assert not {"user", "user_id", "participant", "participant_id", "email"} & set(row)


def test_aggregates_are_computed_once_for_counting_and_writing(
    world, django_assert_max_num_queries
):
    (table,) = tables_for(world.consultation, what=What.AGGREGATES, survey=world.survey)
    counted = table.count()

    with django_assert_max_num_queries(0):
        rows = list(table.rows())

    assert len(rows) == counted > 0
