"""The dashboard's numbers equal the exports; the command writes the same files."""

import io
import zipfile
from collections import Counter

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from participation.exports import selectors
from participation.exports.models import Format, What
from tests.participation.exports.conftest import many_comments, read_csv, read_json
from tests.participation.exports.test_tables import export_bytes
from tests.participation.surveys.factories import SurveyPageFactory

pytestmark = pytest.mark.django_db


def test_dashboard_numbers_equal_the_exports(world):
    many_comments(world.consultation, world.topic, 4)
    board = selectors.dashboard(world.consultation)
    figures = board.figures
    comments = read_csv(export_bytes(world, What.COMMENTS))
    kinds = Counter(row["art"] for row in comments)
    assert figures.comments == kinds["Kommentar"] == 9
    assert figures.threads == kinds["Forumsbeitrag"] == 1
    votes = read_csv(export_bytes(world, What.VOTES))
    vote_kinds = Counter(row["art"] for row in votes)
    assert figures.votes == vote_kinds["Stimme"] == 6
    assert figures.supports == vote_kinds["Unterstützung"] == 2
    responses = read_csv(export_bytes(world, What.RESPONSES))
    assert figures.survey_responses == len(responses) == 2
    assert figures.paper_responses == sum(row["quelle"] != "online" for row in responses) == 1
    pseudonyms = {row["pseudonym"] for row in comments + votes + responses} - {""}
    assert figures.participants == len(pseudonyms) == 7
    assert (figures.participants_registered, figures.participants_anonymous) == (1, 6)
    # Per day, per phase and per topic add up to the same rows.
    assert sum(n for _day, n in board.per_day) == len(comments) + len(votes) + len(responses)
    assert sum(phase.contributions for phase in figures.phases) == sum(n for _d, n in board.per_day)
    topic = next(row for row in board.per_topic if row.label == world.topic.title)
    topic_rows = [row for row in comments if row["ziel_id"] == f"S-{world.topic.pk}"]
    assert (topic.first, topic.second) == (len(topic_rows), 1)
    chapters = {row.label: row.first for row in board.per_chapter}
    assert chapters == {"1. Ausgangslage": 0, "2. Leitbild": 3}
    assert [(p.number, p.comments) for p in board.top_paragraphs] == [("2.2", 3)]
    assert board.top_paragraphs[0].excerpt.startswith("Autoarme Innenstadt")
    (survey,) = board.surveys
    assert survey.responses == 2
    aggregates = read_json(export_bytes(world, What.AGGREGATES, Format.JSON))
    answered = {row["frage_code"]: row["beantwortet"] for row in aggregates if row["frage_code"]}
    assert survey.completion == pytest.approx(sum(answered.values()) / (2 * len(answered)))


def test_dashboard_page(planner_client, world, django_assert_max_num_queries):
    url = reverse("exports:dashboard", args=[world.consultation.pk])
    planner_client.get(url)
    with django_assert_max_num_queries(40):
        response = planner_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") >= 4  # per day, per phase, per topic, per chapter
    assert html.count('<table class="chart__table">') >= 4
    assert "Meistdiskutierte Absätze" in html and "Ausfüllquote" in html
    many_comments(world.consultation, world.topic, 10)
    with django_assert_max_num_queries(40):
        assert planner_client.get(url).status_code == 200


def test_command_writes_every_format(world, tmp_path):
    slug = world.consultation.slug
    for what, format, read in [
        (What.COMMENTS, "csv", lambda path: read_csv(path.read_bytes())),
        (What.VOTES, "json", lambda path: read_json(path.read_bytes())),
        (What.RESPONSES, "xlsx", lambda path: openpyxl.load_workbook(path)),
        (What.DATAPACKAGE, "csv", lambda path: zipfile.ZipFile(path).namelist()),
    ]:
        output = tmp_path / f"{what}.{format}"
        stdout = io.StringIO()
        call_command(
            "export_results",
            consultation=slug,
            what=what,
            format=format,
            output=str(output),
            stdout=stdout,
        )
        assert read(output)
    assert output.read_bytes().startswith(b"PK")
    comma = tmp_path / "comma.csv"
    call_command(
        "export_results", consultation=slug, what="comments", delimiter=",", output=str(comma)
    )
    assert read_csv(comma.read_bytes(), ",") == read_csv((tmp_path / "comments.csv").read_bytes())


def test_command_errors(world, tmp_path):
    output = str(tmp_path / "x.csv")
    with pytest.raises(CommandError, match="Kein Beteiligungsverfahren"):
        call_command("export_results", consultation="gibt-es-nicht", what="votes", output=output)
    SurveyPageFactory(parent=world.consultation, slug="zweite")
    with pytest.raises(CommandError, match="--survey"):
        call_command(
            "export_results", consultation=world.consultation.slug, what="responses", output=output
        )
    call_command(
        "export_results",
        consultation=world.consultation.slug,
        what="responses",
        survey="innenstadt",
        output=output,
    )
    with pytest.raises(CommandError, match="nur als CSV"):
        call_command(
            "export_results",
            consultation=world.consultation.slug,
            what="datapackage",
            format="json",
            output=output,
        )
