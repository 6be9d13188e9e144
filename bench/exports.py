"""Exports at scale: survey responses × 20 questions as CSV, JSON and XLSX.

Seeds 10,000 and 100,000 responses to a 20-question survey (every question kind) on
PostgreSQL, and the same answers as Wagtail form submissions. Each measurement runs in a
fresh process, so its peak resident memory (ru_maxrss) is that export's alone. References in
the same run: PostgreSQL's own `COPY (SELECT … answer rows …) TO STDOUT WITH CSV`, and
Wagtail contrib.forms' CSV and XLSX export of the submissions (its SubmissionsListView, as the
admin's "Download CSV/XLSX" buttons run it).

    python -m bench.exports            # seed (once) and measure; writes bench/results/exports.json
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result, main, peak_rss_mb

os.environ.setdefault(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/stadtdialog_exports_bench"
)

SIZES = (10_000, 100_000)
REPEAT = 3  # CSV, JSON and COPY: the median of three runs; XLSX and Wagtail: one run each
SUBJECTS = {
    "copy": "PostgreSQL COPY (Referenz)",
    "csv": "Stadtdialog CSV",
    "json": "Stadtdialog JSON",
    "xlsx": "Stadtdialog XLSX",
    "wagtail_csv": "Wagtail-Formulare CSV (Referenz)",
    "wagtail_xlsx": "Wagtail-Formulare XLSX (Referenz)",
}
TARGET_COPY_RATIO = 4.0
TARGET_PEAK_MB = 150
TARGET_GROWTH = 0.10


# --- The survey -----------------------------------------------------------------------------


def _options(code: str, labels: list[str]) -> list[dict]:
    return [
        {"type": "item", "id": f"{code}-o{index}", "value": {"label": label, "code": ""}}
        for index, label in enumerate(labels)
    ]


def _question(kind: str, code: str, label: str, **value) -> dict:
    for name in ("options", "statements"):
        if name in value:
            value[name] = _options(f"{code}-{name[0]}", value[name])
    return {"type": kind, "id": f"q-{code}", "value": {"code": code, "label": label, **value}}


QUESTIONS = [
    _question(
        "single_choice",
        "ortsteil",
        "Ortsteil",
        options=["Innenstadt", "Althaldensleben", "Hundisburg", "Satuelle", "Uthmöden"],
    ),  # noqa: E501
    _question(
        "dropdown",
        "alter",
        "Alter",
        options=["unter 18", "18-29", "30-49", "50-64", "65-79", "80+"],
    ),  # noqa: E501
    _question(
        "single_choice", "geschlecht", "Geschlecht", options=["weiblich", "männlich", "divers"]
    ),  # noqa: E501
    _question(
        "single_choice", "haushalt", "Haushalt", options=["allein", "zu zweit", "Familie", "WG"]
    ),  # noqa: E501
    _question("single_choice", "wohnform", "Wohnform", options=["Miete", "Eigentum", "anders"]),
    _question(
        "multiple_choice",
        "verkehr",
        "Verkehrsmittel",
        allow_other=True,
        options=["zu Fuß", "Rad", "Bus", "Auto", "Bahn"],
    ),  # noqa: E501
    _question(
        "multiple_choice",
        "freizeit",
        "Freizeit",
        options=["Sport", "Kultur", "Natur", "Gastronomie"],
    ),  # noqa: E501
    _question(
        "multiple_choice",
        "einkauf",
        "Einkauf",
        options=["Markt", "Innenstadt", "Discounter", "online"],
    ),  # noqa: E501
    _question("yes_no", "radweg", "Fehlt ein Radweg?"),
    _question("yes_no", "bus", "Nutzen Sie den Bus?"),
    _question(
        "rating",
        "zufrieden",
        "Zufriedenheit",
        scale_max="5",
        min_label="gar nicht",
        max_label="sehr",
    ),  # noqa: E501
    _question(
        "rating",
        "sicherheit",
        "Sicherheit",
        scale_max="5",
        min_label="unsicher",
        max_label="sicher",
    ),  # noqa: E501
    _question(
        "matrix",
        "aussagen",
        "Aussagen",
        statements=["Mehr Grün", "Weniger Autos", "Mehr Bänke"],
        options=["ja", "teils", "nein"],
    ),  # noqa: E501
    _question("ranking", "prioritaeten", "Prioritäten", options=["Grün", "Radwege", "Parken"]),
    _question("number", "wege", "Wege pro Woche", decimal_places=0),
    _question("number", "entfernung", "Entfernung in km", decimal_places=1),
    _question("short_text", "lieblingsort", "Lieblingsort"),
    _question("short_text", "wunsch", "Ein Wunsch"),
    _question("long_text", "idee", "Ihre Idee"),
    _question("date", "seit", "Wohnhaft seit"),
]
SECTIONS = [
    {
        "type": "section",
        "id": "s-1",
        "value": {"title": "Fragen", "description": "", "condition": {}, "questions": QUESTIONS},
    }
]


def _keys(question: dict, name: str = "options") -> list[str]:
    return [item["id"] for item in question["value"].get(name, [])]


def _answer_values(kind: str) -> tuple[str, str, str]:
    """SQL expressions (number, date, text) of an answer, from the response id `r.id`."""
    if kind == "rating":
        return "1 + r.id % 5", "NULL", "''"
    if kind == "number":
        return "(r.id % 37) + 0.5 * (r.id % 2)", "NULL", "''"
    if kind == "date":
        return "NULL", "DATE '1960-01-01' + (r.id % 20000)::int", "''"
    if kind == "short_text":
        return "NULL", "NULL", "'Am Markt, Haus ' || r.id"
    if kind == "long_text":
        return "NULL", "NULL", "repeat('Mehr Schatten und Bänke in der Innenstadt. ', 4) || r.id"
    if kind == "multiple_choice":
        return "NULL", "NULL", "CASE WHEN r.id % 10 = 0 THEN 'E-Scooter' ELSE '' END"
    return "NULL", "NULL", "''"


def _choice_inserts(question: dict) -> list[tuple[str, str, str]]:
    """(row_key, option_key, rank) SQL expressions of the choice rows, from the answer `a`."""
    kind = question["type"]
    keys = ["yes", "no"] if kind == "yes_no" else _keys(question)
    if kind in ("rating", "number", "date", "short_text", "long_text"):
        return []
    array = "ARRAY[" + ", ".join(f"'{key}'" for key in keys) + "]"
    pick = lambda offset: f"({array})[1 + (a.id + {offset}) % {len(keys)}]"  # noqa: E731
    if kind == "multiple_choice":
        return [("''", pick(0), "NULL"), ("''", pick(1), "NULL")]
    if kind == "matrix":
        return [
            (f"'{row}'", pick(index), "NULL")
            for index, row in enumerate(_keys(question, "statements"))
        ]  # noqa: E501
    if kind == "ranking":
        return [
            ("''", f"'{key}'", f"1 + (a.id + {index}) % {len(keys)}")
            for index, key in enumerate(keys)
        ]
    return [("''", pick(0), "NULL")]


def _form_data_sql() -> str:
    """The same answers as a Wagtail form submission's JSON (labels, lists for checkboxes)."""
    parts = []
    for question in QUESTIONS:
        kind, code = question["type"], question["value"]["code"]
        labels = [item["value"]["label"] for item in question["value"].get("options", [])]
        array = "ARRAY[" + ", ".join("'" + label + "'" for label in labels) + "]"
        if kind == "yes_no":
            value = "CASE WHEN g % 2 = 0 THEN 'Ja' ELSE 'Nein' END"
        elif kind in ("rating", "number"):
            value = "g % 37"
        elif kind == "date":
            value = "(DATE '1960-01-01' + (g % 20000)::int)::text"
        elif kind in ("short_text", "long_text"):
            value = "'Am Markt, Haus ' || g"
        elif kind == "multiple_choice":
            value = f"jsonb_build_array(({array})[1 + g % {len(labels)}], ({array})[1 + (g + 1) % {len(labels)}])"  # noqa: E501
        elif kind == "matrix":
            value = "'ja, teils, nein'"
        elif kind == "ranking":
            value = "'Grün, Radwege, Parken'"
        else:
            value = f"({array})[1 + g % {len(labels)}]"
        parts.append(f"'{code}', {value}")
    # jsonb_build_object takes at most 100 arguments: 20 fields are 40.
    return "jsonb_build_object(" + ", ".join(parts) + ")"


def seed(size: int):
    """A consultation with a survey of `size` responses (half online with participants,
    half on paper) and a form page with `size` submissions. Reused when already there."""
    from django.db import connection, transaction
    from wagtail.models import Page

    from participation.consultations.models import ConsultationPage
    from participation.surveys.models import SurveyPage

    slug = f"bench-{size}"
    survey = SurveyPage.objects.filter(slug=slug).first()
    if survey and survey.responses.count() == size:
        return survey
    root = Page.get_first_root_node()
    with transaction.atomic():
        consultation = ConsultationPage.objects.filter(slug=f"bench-verfahren-{size}").first()
        if consultation is None:
            consultation = root.add_child(
                instance=ConsultationPage(
                    title=f"Benchmark {size}", slug=f"bench-verfahren-{size}", teaser="Benchmark"
                )
            )
        if survey is None:
            survey = consultation.add_child(
                instance=SurveyPage(title=f"Umfrage {size}", slug=slug, sections=SECTIONS)
            )
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM surveys_response WHERE survey_id = %s", [survey.pk])
            cursor.execute(
                "INSERT INTO contributions_participant (session_token, guest_name, guest_number,"
                " created_at, account_deleted) SELECT md5(%s || '-' || g), '', '1000', now(),"
                " false FROM generate_series(1, %s) g ON CONFLICT DO NOTHING",
                [slug, size // 2],
            )
            cursor.execute(
                "INSERT INTO surveys_response (survey_id, participant_id, source, submitted_at,"
                " updated_at) SELECT %s, p.id, 'online', now() - (p.id || ' seconds')::interval,"
                " now() FROM contributions_participant p WHERE p.session_token IN (SELECT"
                " md5(%s || '-' || g) FROM generate_series(1, %s) g)",
                [survey.pk, slug, size // 2],
            )
            cursor.execute(
                "INSERT INTO surveys_response (survey_id, source, submitted_at, updated_at)"
                " SELECT %s, 'paper', now() - (g || ' minutes')::interval, now()"
                " FROM generate_series(1, %s) g",
                [survey.pk, size - size // 2],
            )
            for question in QUESTIONS:
                kind, key = question["type"], question["id"]
                # "%" is the parameter marker: the modulo operators are doubled.
                number, day, text = (part.replace("%", "%%") for part in _answer_values(kind))
                # The expressions are constants of this module, the values parameters.
                cursor.execute(
                    "INSERT INTO surveys_answer (response_id, survey_id, question_key, number,"  # noqa: S608
                    f" date, text, quote_status) SELECT r.id, %s, %s, {number}, {day}, {text},"
                    " '' FROM surveys_response r WHERE r.survey_id = %s",
                    [survey.pk, key, survey.pk],
                )
                for row_key, option_key, rank in (
                    (part.replace("%", "%%") for part in choice)
                    for choice in _choice_inserts(question)
                ):
                    cursor.execute(
                        "INSERT INTO surveys_answerchoice (answer_id, survey_id, question_key,"  # noqa: S608
                        f" row_key, option_key, rank) SELECT a.id, %s, %s, {row_key},"
                        f" {option_key}, {rank} FROM surveys_answer a"
                        " WHERE a.survey_id = %s AND a.question_key = %s",
                        [survey.pk, key, survey.pk, key],
                    )
            cursor.execute(
                "DELETE FROM wagtailforms_formsubmission WHERE page_id = %s", [survey.pk]
            )
            cursor.execute(
                "INSERT INTO wagtailforms_formsubmission (form_data, page_id, submit_time)"  # noqa: S608
                f" SELECT {_form_data_sql().replace('%', '%%')}, %s,"
                " now() - (g || ' seconds')::interval FROM generate_series(1, %s) g",
                [survey.pk, size],
            )
            cursor.execute("ANALYZE")
    return survey


# --- One measurement, in its own process ---------------------------------------------------


class Sink:
    """Where the bytes go: counted, as a web server would send them on."""

    def __init__(self):
        self.bytes = 0

    def write(self, data) -> int:
        self.bytes += len(data)
        return len(data)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _FormPage:
    """What Wagtail's SubmissionsListView asks of a form page."""

    def __init__(self, page):
        self.page, self.id, self.slug = page, page.pk, page.slug

    def get_data_fields(self):
        return [("submit_time", "Datum")] + [
            (q["value"]["code"], q["value"]["label"]) for q in QUESTIONS
        ]

    def get_submissions(self):
        from wagtail.contrib.forms.models import FormSubmission

        return FormSubmission.objects.filter(page_id=self.id)


def _wagtail_export(survey, format: str, sink: Sink) -> None:
    from django.test import RequestFactory
    from wagtail.contrib.forms.views import SubmissionsListView

    form_page = _FormPage(survey)
    view = SubmissionsListView()
    view.setup(RequestFactory().get("/", {"export": format}), form_page=form_page)
    view.form_page = form_page
    fields = form_page.get_data_fields()
    view.list_export = [name for name, _label in fields]
    view.export_headings = dict(fields)
    # What the view's listing passes to as_spreadsheet: the submissions in CSV order.
    queryset = form_page.get_submissions().order_by("submit_time")
    response = view.as_spreadsheet(queryset, format)
    for chunk in response.streaming_content:
        sink.write(chunk.encode() if isinstance(chunk, str) else chunk)


def measure(subject: str, size: int) -> dict:
    import django

    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    django.setup()
    from django.db import connection

    from participation.exports import services
    from participation.exports.models import Format, What
    from participation.surveys.models import SurveyPage

    survey = SurveyPage.objects.get(slug=f"bench-{size}")
    consultation = survey.get_parent().specific
    connection.ensure_connection()
    baseline = _rss_mb()
    sink = Sink()
    start = time.perf_counter()
    if subject == "copy":
        with connection.cursor() as cursor:
            sql = cursor.mogrify(
                "COPY (SELECT a.response_id, a.question_key, a.number, a.date, a.text,"
                " c.row_key, c.option_key, c.rank FROM surveys_answer a LEFT JOIN"
                " surveys_answerchoice c ON c.answer_id = a.id WHERE a.survey_id = %s"
                " ORDER BY a.response_id) TO STDOUT WITH CSV HEADER",
                [survey.pk],
            ).decode()
            cursor.copy_expert(sql, sink)
    elif subject in ("csv", "json", "xlsx"):
        export = services.export_build(
            consultation=consultation,
            what=What.RESPONSES,
            format={"csv": Format.CSV, "json": Format.JSON, "xlsx": Format.XLSX}[subject],
            survey=survey,
        )
        if export.is_file:
            with tempfile.TemporaryDirectory() as directory:
                path = Path(directory) / "export.xlsx"
                services.export_write(export, path)
                sink.bytes = path.stat().st_size
        else:
            for chunk in services.export_stream(export):
                sink.write(chunk)
    else:
        _wagtail_export(survey, subject.removeprefix("wagtail_"), sink)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "baseline_rss_mb": baseline,
        "bytes": sink.bytes,
    }


def _measure_in_subprocess(subject: str, size: int) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", "bench.exports", "measure", subject, str(size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- The run --------------------------------------------------------------------------------


def run() -> Result:
    for size in SIZES:
        seed(size)
    figures: dict = {}
    for size in SIZES:
        for subject in SUBJECTS:
            repeat = REPEAT if subject in ("copy", "csv", "json") else 1
            runs = [_measure_in_subprocess(subject, size) for _ in range(repeat)]
            figures[f"{subject}_{size}"] = {
                "median_s": statistics.median(run["seconds"] for run in runs),
                "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
                "baseline_rss_mb": min(run["baseline_rss_mb"] for run in runs),
                "bytes": runs[0]["bytes"],
                "runs": repeat,
            }
            print(subject, size, figures[f"{subject}_{size}"], flush=True)
    return Result(
        name="exports",
        title="Exporte: 10.000 und 100.000 Umfrageantworten × 20 Fragen",
        markdown=_markdown(figures),
        figures=figures,
    )


def _markdown(figures: dict) -> str:
    small, large = SIZES
    lines = [
        f"Survey responses × {len(QUESTIONS)} questions (every kind), PostgreSQL, each export in "
        "its own process (peak = the process's ru_maxrss, Django included; baseline = RSS "
        "before the export started). Time: median of "
        f"{REPEAT} runs for COPY/CSV/JSON, one run for XLSX and Wagtail.",
        "",
        f"| export | {small:,} s | {small:,} peak MB | {large:,} s | {large:,} peak MB | "
        "peak growth | × COPY time |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    copy_time = figures[f"copy_{large}"]["median_s"]
    for subject, label in SUBJECTS.items():
        a, b = figures[f"{subject}_{small}"], figures[f"{subject}_{large}"]
        growth = b["peak_rss_mb"] / a["peak_rss_mb"] - 1
        lines.append(
            f"| {label} | {a['median_s']:.2f} | {a['peak_rss_mb']:.0f} | {b['median_s']:.2f} | "
            f"{b['peak_rss_mb']:.0f} | {growth:+.1%} | {b['median_s'] / copy_time:.1f} |"
        )
    csv_large, csv_small = figures[f"csv_{large}"], figures[f"csv_{small}"]
    ratio = csv_large["median_s"] / copy_time
    wagtail_ratio = csv_large["median_s"] / figures[f"wagtail_csv_{large}"]["median_s"]
    streamed = ("csv", "json", "xlsx")
    peak = max(figures[f"{s}_{size}"]["peak_rss_mb"] for s in streamed for size in SIZES)
    growth = max(
        figures[f"{s}_{large}"]["peak_rss_mb"] / figures[f"{s}_{small}"]["peak_rss_mb"] - 1
        for s in streamed
    )

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    lines += [
        "",
        "Targets (at 100,000 responses):",
        f"- CSV within {TARGET_COPY_RATIO:.0f}× of COPY: {ratio:.1f}× — "
        f"{verdict(ratio <= TARGET_COPY_RATIO)}",
        f"- CSV faster than Wagtail's form export: {wagtail_ratio:.2f}× its time — "
        f"{verdict(wagtail_ratio < 1)}",
        f"- peak memory ≤ {TARGET_PEAK_MB} MB (CSV, JSON, XLSX): {peak:.0f} MB — "
        f"{verdict(peak <= TARGET_PEAK_MB)}",
        f"- peak growth 10,000 → 100,000 ≤ {TARGET_GROWTH:.0%}: {growth:+.1%} — "
        f"{verdict(growth <= TARGET_GROWTH)}",
        f"- (CSV at 10,000: {csv_small['median_s']:.2f} s; Wagtail's export holds every "
        "submission in memory, ours streams (500 responses with their answers per fetch).)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
    else:
        main(run)
