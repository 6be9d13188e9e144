"""Survey results at scale: 100,000 responses × 20 questions on PostgreSQL.

Measures, in the same run: the full results (`survey_results`), a raw GROUP BY over the same
answer and choice tables (the floor any aggregation must pay), the breakdown by a
demographic question (`survey_results_by_group`) and the results filtered by one source.
Seeding uses COPY and happens once; later runs reuse the seeded survey.

    BENCH_DATABASE_URL=postgres://… python -m bench.survey_results
"""

import io
import random
import secrets
import uuid
from datetime import timedelta

from bench.common import Result, main, peak_rss_mb, timed

RESPONSES = 100_000
SLUG = "bench-umfrage-ergebnisse"
SOURCES = ("online",) * 7 + ("paper",) * 2 + ("workshop",)
TARGET_BREAKDOWN_RATIO = 3.0


def _item(label: str) -> dict:
    return {"type": "item", "id": str(uuid.uuid4()), "value": {"label": label, "code": ""}}


def _question(kind: str, code: str, **value) -> dict:
    for name in ("options", "statements"):
        if name in value:
            value[name] = [_item(label) for label in value[name]]
    return {"type": kind, "id": str(uuid.uuid4()), "value": {"code": code, "label": code, **value}}


def _sections() -> list[dict]:
    """20 questions: every kind that aggregates, the demographic one first."""
    five = [f"Option {n}" for n in range(1, 6)]
    questions = [
        _question(
            "single_choice",
            "ortsteil",
            breakdown=True,
            options=[f"Ortsteil {n}" for n in range(1, 7)],
        ),
        _question(
            "dropdown", "alter", breakdown=True, options=["<18", "18–29", "30–49", "50–64", "65+"]
        ),
        *(_question("single_choice", f"einfach{n}", options=five) for n in range(1, 5)),
        *(
            _question("multiple_choice", f"mehrfach{n}", options=[*five, "Option 6"])
            for n in range(1, 4)
        ),
        *(_question("yes_no", f"janein{n}") for n in range(1, 3)),
        *(
            _question("rating", f"skala{n}", scale_max=str(scale))
            for n, scale in ((1, 5), (2, 7), (3, 10))
        ),
        *(
            _question(
                "matrix",
                f"matrix{n}",
                statements=[f"Aussage {s}" for s in range(1, 5)],
                options=five,
            )
            for n in range(1, 3)
        ),
        _question("ranking", "rangfolge", options=five),
        _question("number", "zahl", decimal_places=0, min_value="0", max_value="100"),
        _question("short_text", "ort", max_length=200),
        _question("long_text", "idee", max_length=2000),
    ]
    assert len(questions) == 20
    return [
        {
            "type": "section",
            "id": str(uuid.uuid4()),
            "value": {"title": "Alles", "questions": questions},
        }
    ]


def _survey():
    from wagtail.models import Page

    from participation.surveys.models import Response, SurveyPage

    survey = SurveyPage.objects.filter(slug=SLUG).first()
    if survey and Response.objects.filter(survey=survey).count() == RESPONSES:
        return survey, False
    if survey:
        survey.delete()
    survey = SurveyPage(title="Benchmark-Umfrage", slug=SLUG, sections=_sections())
    Page.get_first_root_node().add_child(instance=survey)
    return survey, True


class _Copy:
    """Rows for one table, written with COPY in chunks."""

    def __init__(self, cursor, table: str, columns: list[str]):
        self.cursor, self.table, self.columns = cursor, table, columns
        self.buffer, self.rows = io.StringIO(), 0

    def add(self, *values):
        self.buffer.write("\t".join(r"\N" if v is None else str(v) for v in values) + "\n")
        self.rows += 1
        if self.rows % 200_000 == 0:
            self.flush()

    def flush(self):
        self.buffer.seek(0)
        self.cursor.copy_expert(
            f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN", self.buffer
        )
        self.buffer = io.StringIO()


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608 (model table)
    return cursor.fetchone()[0]


def _seed(survey) -> None:
    """100,000 plausible responses, written with COPY (explicit ids, sequences reset after)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from participation.contributions.models import Participant
    from participation.surveys.models import Answer, AnswerChoice, Response
    from participation.surveys.questions import NO_KEY, YES_KEY

    rng = random.Random(4)
    tables = {
        model: model._meta.db_table for model in (Participant, Response, Answer, AnswerChoice)
    }
    now = timezone.now()
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg2's cursor for COPY
        ids = {model: _next_id(cursor, table) for model, table in tables.items()}
        participants = _Copy(
            raw,
            tables[Participant],
            ["id", "session_token", "guest_name", "guest_number", "created_at", "account_deleted"],
        )
        responses = _Copy(
            raw,
            tables[Response],
            ["id", "survey_id", "participant_id", "source", "submitted_at", "updated_at"],
        )
        answers = _Copy(
            raw,
            tables[Answer],
            [
                "id",
                "response_id",
                "survey_id",
                "question_key",
                "number",
                "date",
                "text",
                "quote_status",
            ],
        )
        choices = _Copy(
            raw,
            tables[AnswerChoice],
            ["id", "answer_id", "survey_id", "question_key", "row_key", "option_key", "rank"],
        )
        schema = survey.schema

        def choose(answer_id, question, row_key, option_key, rank=None):
            choices.add(
                ids[AnswerChoice], answer_id, survey.pk, question.key, row_key, option_key, rank
            )
            ids[AnswerChoice] += 1

        for _ in range(RESPONSES):
            response_id = ids[Response]
            ids[Response] += 1
            source = rng.choice(SOURCES)
            participant_id = None
            if source == "online":
                participant_id = ids[Participant]
                ids[Participant] += 1
                participants.add(participant_id, secrets.token_hex(16), "", "0000", now, "f")
            when = now - timedelta(days=rng.randrange(60), minutes=rng.randrange(1440))
            responses.add(response_id, survey.pk, participant_id, source, when, when)
            for question in schema.questions:
                if question.code != "ortsteil" and rng.random() < 0.1:
                    continue  # some skip a question
                answer_id = ids[Answer]
                ids[Answer] += 1
                number, text, status = None, "", ""
                kind = question.kind
                if kind in ("single_choice", "dropdown"):
                    choose(answer_id, question, "", rng.choice(question.options).key)
                elif kind == "yes_no":
                    choose(answer_id, question, "", rng.choice((YES_KEY, NO_KEY)))
                elif kind == "multiple_choice":
                    for option in rng.sample(question.options, rng.randint(1, 3)):
                        choose(answer_id, question, "", option.key)
                elif kind == "matrix":
                    for row in question.rows:
                        choose(answer_id, question, row.key, rng.choice(question.options).key)
                elif kind == "ranking":
                    for rank, option in enumerate(
                        rng.sample(question.options, len(question.options)), 1
                    ):
                        choose(answer_id, question, "", option.key, rank)
                elif kind == "rating":
                    number = rng.randint(1, question.scale_max)
                elif kind == "number":
                    number = rng.randint(0, 100)
                else:
                    text, status = (
                        "Mehr Bänke und Bäume am Markt.",
                        rng.choice(("pending", "approved", "rejected")),
                    )
                answers.add(
                    answer_id, response_id, survey.pk, question.key, number, None, text, status
                )
        for table in (participants, responses, answers, choices):
            table.flush()
        for table in tables.values():
            sequence = f"pg_get_serial_sequence('{table}', 'id')"
            cursor.execute(f"SELECT setval({sequence}, (SELECT MAX(id) FROM {table}))")  # noqa: S608
    with connection.cursor() as cursor:
        for table in tables.values():
            cursor.execute(f"ANALYZE {table}")


def _raw_group_by(survey_id: int) -> None:
    """The reference: the plain GROUP BYs over the same tables, results discarded."""
    from django.db import connection

    from participation.surveys.models import Answer, AnswerChoice, Response

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT source, COUNT(*) FROM {Response._meta.db_table} "  # noqa: S608
            "WHERE survey_id = %s GROUP BY source",
            [survey_id],
        )
        cursor.fetchall()
        cursor.execute(
            f"SELECT question_key, number, COUNT(*) FROM {Answer._meta.db_table} "  # noqa: S608
            "WHERE survey_id = %s GROUP BY question_key, number",
            [survey_id],
        )
        cursor.fetchall()
        cursor.execute(
            f"SELECT question_key, row_key, option_key, rank, COUNT(*) "  # noqa: S608
            f"FROM {AnswerChoice._meta.db_table} WHERE survey_id = %s "
            "GROUP BY question_key, row_key, option_key, rank",
            [survey_id],
        )
        cursor.fetchall()


def run() -> Result:
    import time

    from django.utils import translation

    from participation.surveys.models import Answer, AnswerChoice
    from participation.surveys.results import survey_results, survey_results_by_group

    translation.activate("de")
    survey, fresh = _survey()
    seed_seconds = None
    if fresh:
        start = time.perf_counter()
        _seed(survey)
        seed_seconds = time.perf_counter() - start
    group_key = survey.schema.by_code("ortsteil").key
    answers = Answer.objects.filter(survey=survey).count()
    choices = AnswerChoice.objects.filter(survey=survey).count()
    # Warms the buffer cache for both sides alike.
    _raw_group_by(survey.pk)
    survey_results(survey)

    raw = timed(lambda: _raw_group_by(survey.pk))
    full = timed(lambda: survey_results(survey))
    breakdown = timed(lambda: survey_results_by_group(survey, group_question_key=group_key))
    paper = timed(lambda: survey_results(survey, sources=["paper"]))
    results = survey_results(survey)
    assert results.respondents == RESPONSES

    full_ratio = full["median_s"] / raw["median_s"]
    breakdown_ratio = breakdown["median_s"] / full["median_s"]
    paper_ratio = paper["median_s"] / full["median_s"]
    met = "met" if breakdown_ratio < TARGET_BREAKDOWN_RATIO else "NOT met"
    markdown = f"""
{RESPONSES:,} responses × 20 questions ({answers:,} answer rows, {choices:,} choice rows) on
PostgreSQL; medians of 5 runs, each side measured in the same run.

| measurement | median | ratio |
|---|---|---|
| raw `GROUP BY` over the answer and choice tables (reference) | {raw["median_s"]:.3f} s | 1.00 |
| full results (`survey_results`) | {full["median_s"]:.3f} s | {full_ratio:.2f} × raw |
| breakdown by Ortsteil, 6 groups (`survey_results_by_group`) \
| {breakdown["median_s"]:.3f} s | {breakdown_ratio:.2f} × full |
| results of one source (Papier) | {paper["median_s"]:.3f} s | {paper_ratio:.2f} × full |

Target: breakdown < {TARGET_BREAKDOWN_RATIO:.0f} × full results — {met}. Queries per call: 4 (full),
3 (breakdown), independent of the number of responses. Peak memory {peak_rss_mb():.0f} MB.
"""
    return Result(
        name="survey_results",
        title="Survey results (100,000 responses × 20 questions)",
        markdown=markdown,
        figures={
            "responses": RESPONSES,
            "answer_rows": answers,
            "choice_rows": choices,
            "seed_s": seed_seconds,
            "raw_group_by": raw,
            "full_results": full,
            "breakdown": breakdown,
            "one_source": paper,
            "full_vs_raw": full_ratio,
            "breakdown_vs_full": breakdown_ratio,
            "one_source_vs_full": paper_ratio,
            "peak_rss_mb": peak_rss_mb(),
        },
    )


if __name__ == "__main__":
    main(run)
