"""Every export opened with the csv module, openpyxl and json and compared with the data."""

import io
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest
from django.utils import timezone, translation

from participation.contributions.models import Comment
from participation.exports import services
from participation.exports.models import Format, What
from participation.exports.pseudonyms import Pseudonymiser
from participation.exports.tables import codebook_table, consultation_tables
from tests.participation.contributions.factories import CommentFactory, ThreadFactory
from tests.participation.exports.conftest import read_csv, read_json, read_jsonl

pytestmark = pytest.mark.django_db


def export_bytes(world, what, format=Format.CSV, **options) -> bytes:
    export = services.export_build(
        consultation=world.consultation, what=what, format=format, survey=world.survey, **options
    )
    if export.is_file:
        with services.export_temporary_file(export) as file:
            return file.read()
    return b"".join(services.export_stream(export))


def by_id(rows):
    return {row["id"]: row for row in rows}


def test_comments_and_threads_csv(world):
    rows = by_id(read_csv(export_bytes(world, What.COMMENTS)))
    pseudonym = Pseudonymiser(world.consultation.pk)
    comment = world.paragraph_comment
    assert set(rows) == {
        f"K-{c.pk}" for c in (comment, world.reply, world.official, world.formula_comment)
    } | {f"F-{world.thread.pk}", f"K-{world.thread.pk and _thread_comment(world).pk}"}
    row = rows[f"K-{comment.pk}"]
    assert row["art"] == "Kommentar"
    assert row["pseudonym"] == pseudonym(world.people[0].pk)
    assert row["ziel_art"] == "Absatz"
    assert row["ziel_id"] == f"S-{world.concept.pk}"
    assert row["ziel_titel"] == world.concept.title
    assert row["absatz_nr"] == "2.2"
    assert row["absatz_auszug"] == "Autoarme Innenstadt mit Bänken am Markt."
    assert row["text"] == "Mehr Bänke!"
    assert row["erstellt_am"] == timezone.localtime(comment.created_at).strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    assert row["status"] == "published"
    assert row["kategorien"] == "Aufenthalt; Mobilität"
    assert (row["dafuer"], row["dagegen"], row["meldungen"]) == ("1", "1", "2")
    assert row["stellungnahme_der_stadt"] == world.official.text
    assert row["hervorgehoben"] == "nein"
    reply = rows[f"K-{world.reply.pk}"]
    assert reply["antwort_auf"] == f"K-{comment.pk}"
    assert reply["absatz_nr"] == "2.2"
    assert rows[f"K-{world.official.pk}"]["ist_stellungnahme"] == "ja"
    assert rows[f"K-{world.formula_comment.pk}"]["hervorgehoben"] == "ja"
    thread = rows[f"F-{world.thread.pk}"]
    assert thread["art"] == "Forumsbeitrag"
    assert thread["ziel_titel"] == world.forum.title
    assert thread["kategorien"] == "Mobilität"
    assert (thread["unterstuetzungen"], thread["dafuer"]) == ("1", "")
    on_thread = rows[f"K-{_thread_comment(world).pk}"]
    assert (on_thread["ziel_art"], on_thread["ziel_id"]) == (
        "Forumsbeitrag",
        f"F-{world.thread.pk}",
    )


def test_thread_official_response_is_the_first_top_level_official_comment(world):
    first = CommentFactory(target=world.thread, is_official=True, text="Die Stadt prüft das.")
    later = CommentFactory(target=world.thread, is_official=True, text="Nachtrag der Stadt.")
    Comment.objects.filter(pk=later.pk).update(created_at=first.created_at + timedelta(hours=1))
    CommentFactory(parent=later, is_official=True, text="Antwort, keine Stellungnahme.")
    other = ThreadFactory(forum=world.forum)

    rows = by_id(read_csv(export_bytes(world, What.COMMENTS)))

    assert rows[f"F-{world.thread.pk}"]["stellungnahme_der_stadt"] == first.text
    assert rows[f"F-{other.pk}"]["stellungnahme_der_stadt"] == ""


def test_comments_export_takes_a_bounded_number_of_queries(world, django_assert_max_num_queries):
    few = len(read_csv(export_bytes(world, What.COMMENTS)))
    for _ in range(15):
        thread = ThreadFactory(forum=world.forum)
        CommentFactory(target=thread, is_official=True)
        CommentFactory(target=world.topic)

    with django_assert_max_num_queries(20):
        rows = read_csv(export_bytes(world, What.COMMENTS))

    assert len(rows) == few + 45


def _thread_comment(world):
    return Comment.objects.get(object_id=world.thread.pk, text__startswith="Stimmt")


def test_moderated_items_only_when_asked_for(world):
    default = by_id(read_csv(export_bytes(world, What.COMMENTS)))
    moderated = by_id(read_csv(export_bytes(world, What.COMMENTS, include_moderated=True)))
    left_out = {f"K-{world.hidden.pk}", f"K-{world.rejected.pk}", f"F-{world.hidden_thread.pk}"}
    assert not left_out & set(default)
    assert left_out <= set(moderated)
    assert moderated[f"K-{world.hidden.pk}"]["status"] == "hidden"
    assert moderated[f"K-{world.rejected.pk}"]["status"] == "rejected"
    # Deleted by the author: never exported.
    assert f"K-{world.deleted.pk}" not in moderated
    # The vote on the hidden comment follows the comment.
    votes = read_csv(export_bytes(world, What.VOTES))
    votes_moderated = read_csv(export_bytes(world, What.VOTES, include_moderated=True))
    assert f"K-{world.hidden.pk}" not in {row["ziel_id"] for row in votes}
    assert f"K-{world.hidden.pk}" in {row["ziel_id"] for row in votes_moderated}


def test_formulas_are_neutralised_in_csv_and_text_in_xlsx(world):
    rows = by_id(read_csv(export_bytes(world, What.COMMENTS)))
    assert rows[f"K-{world.formula_comment.pk}"]["text"] == ("'" + world.formula_comment.text)
    assert rows[f"F-{world.thread.pk}"]["titel"] == "'-5 Grad im Bus"
    responses = read_csv(export_bytes(world, What.RESPONSES))
    assert responses[0]["lieblingsort"] == "'@Marktplatz"
    # Numbers are no formulas: a vote of -1 stays a number.
    assert "-1" in {row["wert"] for row in read_csv(export_bytes(world, What.VOTES))}

    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(world, What.COMMENTS, Format.XLSX)))
    data = sheet.worksheets[0]
    header = [cell.value for cell in data[1]]
    text_column = header.index("text")
    cells = {row[0].value: row[text_column] for row in data.iter_rows(min_row=2)}
    cell = cells[f"K-{world.formula_comment.pk}"]
    assert cell.value == world.formula_comment.text
    assert cell.data_type == "s"


def test_xlsx_equals_csv_with_types_and_codebook_sheet(world):
    csv_rows = read_csv(export_bytes(world, What.RESPONSES))
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(world, What.RESPONSES, Format.XLSX)))
    data, codebook = book.worksheets
    header = [cell.value for cell in data[1]]
    assert header == list(csv_rows[0])
    rows = [
        dict(zip(header, values, strict=True)) for values in data.iter_rows(2, values_only=True)
    ]
    assert len(rows) == len(csv_rows) == 2
    online = rows[0]
    assert online["zufriedenheit"] == 4
    assert online["verkehrsmittel_rad"] == 1
    assert online["seit"].date() == date(2001, 5, 1)
    assert online["abgeschickt_am"] == timezone.localtime(
        world.online_response.submitted_at
    ).replace(tzinfo=None, microsecond=online["abgeschickt_am"].microsecond)
    assert online["lieblingsort"] == "@Marktplatz"  # text as text, unchanged
    codebook_header = [cell.value for cell in codebook[1]]
    assert codebook_header[:2] == ["tabelle", "spalte"]
    assert [row[1] for row in codebook.iter_rows(2, values_only=True)] == header


def test_json_and_json_lines(world):
    as_json = read_json(export_bytes(world, What.RESPONSES, Format.JSON))
    as_lines = read_jsonl(export_bytes(world, What.RESPONSES, Format.JSONL))
    assert as_json == as_lines
    online, paper = as_json
    assert online["antwort_id"] == world.online_response.pk
    assert online["zufriedenheit"] == 4
    assert online["seit"] == "2001-05-01"
    assert (
        online["abgeschickt_am"]
        == timezone.localtime(world.online_response.submitted_at).isoformat()
    )
    assert paper["pseudonym"] == "" and paper["quelle"] == "paper"
    comments = read_json(export_bytes(world, What.COMMENTS, Format.JSON))
    assert {row["hervorgehoben"] for row in comments} == {True, False}
    assert read_json(export_bytes(world, What.COMMENTS, Format.JSON, include_moderated=True))


def test_empty_json_is_an_empty_array(consultation):
    export = services.export_build(consultation=consultation, what=What.VOTES, format=Format.JSON)
    assert read_json(b"".join(services.export_stream(export))) == []


def test_responses_wide(world):
    online, paper = read_csv(export_bytes(world, What.RESPONSES))
    assert online["pseudonym"] == Pseudonymiser(world.consultation.pk)(world.people[0].pk)
    assert (online["quelle"], online["ortsteil"], online["alter"]) == (
        "online",
        "innenstadt",
        "unter-18",
    )
    chosen = {
        key: online[f"verkehrsmittel_{key}"] for key in ("fuss", "rad", "bus", "auto", "other")
    }
    assert chosen == {"fuss": "0", "rad": "1", "bus": "0", "auto": "0", "other": "1"}
    assert online["verkehrsmittel_sonstiges_text"] == "Roller"
    assert online["radweg"] == "yes"
    assert online["aussagen_mehr_grun"] == "stimme-zu"
    assert online["aussagen_weniger_autos"] == "teils"
    ranks = {key: online[f"prioritaeten_{key}"] for key in ("radwege", "grunflachen", "parkplatze")}
    assert ranks == {"radwege": "1", "grunflachen": "2", "parkplatze": "3"}
    assert (online["wege"], online["seit"], online["idee"]) == ("12", "2001-05-01", "")
    # Not answered stays empty; multiple choice answered without that option is 0.
    assert (paper["quelle"], paper["pseudonym"], paper["radweg"]) == ("paper", "", "")
    assert paper["verkehrsmittel_auto"] == "1" and paper["verkehrsmittel_rad"] == "0"
    assert paper["prioritaeten_radwege"] == ""


def test_decimal_comma_with_semicolon_point_with_comma(world):
    from participation.exports.tables import aggregates_table

    table = aggregates_table(world.survey)
    semicolon = read_csv(export_bytes(world, What.AGGREGATES))
    comma = read_csv(export_bytes(world, What.AGGREGATES, Format.CSV_COMMA), delimiter=",")
    assert len(semicolon) == len(comma) == table.count()
    shares = [row["anteil"] for row in semicolon if row["anteil"] and "," in row["anteil"]]
    assert shares and all("." not in share for share in shares)
    assert any("." in row["anteil"] for row in comma)


def test_votes_raw_and_totals(world):
    pseudonym = Pseudonymiser(world.consultation.pk)
    votes = read_csv(export_bytes(world, What.VOTES))
    assert sorted(
        (row["pseudonym"], row["ziel_id"], row["wert"], row["art"]) for row in votes
    ) == sorted(
        [
            (pseudonym(world.people[1].pk), f"K-{world.paragraph_comment.pk}", "1", "Stimme"),
            (pseudonym(world.people[2].pk), f"K-{world.paragraph_comment.pk}", "-1", "Stimme"),
            (pseudonym(world.people[0].pk), f"S-{world.topic.pk}", "1", "Unterstützung"),
            (pseudonym(world.people[1].pk), f"F-{world.thread.pk}", "1", "Unterstützung"),
        ]
    )
    totals = {row["ziel_id"]: row for row in read_csv(export_bytes(world, What.VOTE_TOTALS))}
    comment = totals[f"K-{world.paragraph_comment.pk}"]
    assert (comment["dafuer"], comment["dagegen"], comment["gesamt"]) == ("1", "1", "2")
    assert totals[f"S-{world.topic.pk}"]["ziel_titel"] == world.topic.title
    assert totals[f"F-{world.thread.pk}"]["dafuer"] == "1"


def test_codebook_matches_every_column(world):
    tables = consultation_tables(world.consultation)
    codebook = read_csv(export_bytes(world, What.CODEBOOK))
    assert [(row["tabelle"], row["spalte"]) for row in codebook] == [
        (table.name, name) for table in tables for name in table.column_names
    ]
    for table in tables:
        header = list(read_csv(b"".join(services.export_stream(_export_of(world, table))))[0])
        assert header == table.column_names
    entries = {(row["tabelle"], row["spalte"]): row for row in codebook}
    ortsteil = entries[("antworten_innenstadt", "ortsteil")]
    assert ortsteil["beschreibung"] == "In welchem Ortsteil wohnen Sie?"
    assert ortsteil["fragetyp"] == "Einfachauswahl"
    assert "hundisburg = Hundisburg" in ortsteil["werte"]
    matrix = entries[("antworten_innenstadt", "aussagen_mehr_grun")]
    assert matrix["frage_code"] == "aussagen"
    assert "stimme-zu = stimme zu" in matrix["werte"]
    assert entries[("antworten_innenstadt", "verkehrsmittel_rad")]["typ"] == "integer"


def _export_of(world, table):
    what = {
        "beitraege": What.COMMENTS,
        "stimmen": What.VOTES,
        "stimmen_summen": What.VOTE_TOTALS,
        "antworten_innenstadt": What.RESPONSES,
        "ergebnisse_innenstadt": What.AGGREGATES,
    }[table.name]
    return services.export_build(
        consultation=world.consultation, what=what, format=Format.CSV, survey=world.survey
    )


def test_datapackage(world):
    archive = zipfile.ZipFile(io.BytesIO(export_bytes(world, What.DATAPACKAGE)))
    import json

    package = json.loads(archive.read("datapackage.json"))
    tables = consultation_tables(world.consultation)
    names = [table.name for table in tables] + ["codebuch"]
    assert sorted(archive.namelist()) == sorted(
        [f"{name}.csv" for name in names] + ["datapackage.json"]
    )
    assert [resource["path"] for resource in package["resources"]] == [f"{n}.csv" for n in names]
    for resource in package["resources"]:
        rows = read_csv(archive.read(resource["path"]), resource["dialect"]["delimiter"])
        fields = [field["name"] for field in resource["schema"]["fields"]]
        header = list(rows[0]) if rows else None
        assert header in (None, fields)
    comments = read_csv(archive.read("beitraege.csv"))
    assert comments == read_csv(export_bytes(world, What.COMMENTS))
    codebook_rows = read_csv(archive.read("codebuch.csv"))
    assert len(codebook_rows) == codebook_table(tables).count()


@pytest.mark.parametrize("language", ["de", "en"])
def test_codebook_names_the_vote_kinds_written(world, language):
    with translation.override(language):
        votes = read_csv(export_bytes(world, What.VOTES))
        codebook = read_csv(export_bytes(world, What.CODEBOOK))
    values = next(
        row["werte"] for row in codebook if (row["tabelle"], row["spalte"]) == ("stimmen", "art")
    )
    codes = {pair.split(" = ")[0] for pair in values.split("; ")}
    assert {row["art"] for row in votes} == codes
