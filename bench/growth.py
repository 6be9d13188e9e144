"""Growth: the same pages with ten times the data take at most 1.2× the time and run exactly
the same number of queries. Measured in-process (Django's test client) on PostgreSQL and Redis,
with the shared discussion lists off, so every view renders its list from the database."""

import statistics
import time

from bench.common import Result, main

TIME_LIMIT = 1.2
ROUNDS = 25


def _queries(client, url: str) -> int:
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    request_started.disconnect(reset_queries)  # the log would be emptied mid-request
    try:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
    finally:
        request_started.connect(reset_queries)
    return len(context.captured_queries)


def _times(client, urls: list[str]) -> dict[str, float]:
    """Median seconds per URL, the URLs interleaved in every round (shared-machine noise)."""
    seconds: dict[str, list[float]] = {url: [] for url in urls}
    for _ in range(ROUNDS):
        for url in urls:
            start = time.perf_counter()
            client.get(url)
            seconds[url].append(time.perf_counter() - start)
    return {url: statistics.median(values) for url, values in seconds.items()}


def run() -> Result:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from bench import data

    settings.DISCUSSION_CACHE_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 0
    small_topic, large_topic = data.topic_with_comments(100), data.topic_with_comments(1000)
    small_concept, large_concept = data.concept_with_comments(50), data.concept_with_comments(500)
    pairs = {
        "Themenfeld: 100 → 1.000 Kommentare (1.000 → 10.000 Stimmen)": (
            small_topic.url,
            large_topic.url,
        ),
        "Konzeptdokument: 50 → 500 Absatzkommentare": (small_concept.url, large_concept.url),
        "Heatmap: 50 → 500 Absatzkommentare": (
            reverse("contributions:heatmap", args=[small_concept.pk]),
            reverse("contributions:heatmap", args=[large_concept.pk]),
        ),
        "Weitere Kommentare laden (Seite 2)": (
            reverse("contributions:comment_list", args=["seite", small_topic.pk]) + "?seite=2",
            reverse("contributions:comment_list", args=["seite", large_topic.pk]) + "?seite=2",
        ),
    }
    client = Client()
    urls = [url for pair in pairs.values() for url in pair]
    for url in urls:
        client.get(url)  # warm
    queries = {url: _queries(client, url) for url in urls}
    times = _times(client, urls)

    rows, figures, all_met = [], {}, True
    for name, (small, large) in pairs.items():
        growth = times[large] / times[small]
        same = queries[small] == queries[large]
        met = same and growth <= TIME_LIMIT
        all_met &= met
        rows.append(
            f"| {name} | {times[small] * 1000:.1f} | {times[large] * 1000:.1f} | {growth:.2f}× "
            f"| {queries[small]} → {queries[large]} | {'ja' if met else '**nein**'} |"
        )
        figures[name] = {
            "small_ms": round(times[small] * 1000, 2),
            "large_ms": round(times[large] * 1000, 2),
            "time_growth": round(growth, 3),
            "queries_small": queries[small],
            "queries_large": queries[large],
            "met": met,
        }
    survey = (
        "Umfrageergebnisse 10.000 → 100.000 Antworten: nicht gemessen, die Ergebnisseite gibt "
        "es auf diesem Stand noch nicht."
    )
    markdown = "\n".join(
        [
            f"Django-Testclient im Prozess, PostgreSQL + Redis, geteilte Kommentarlisten aus "
            f"(jede Ansicht rendert aus der Datenbank); Median aus {ROUNDS} verschränkten "
            f"Runden. Ziel: Zeit ≤ {TIME_LIMIT}×, Abfragen gleich.",
            "",
            "| Seite | ms klein | ms 10× | Zeit | Abfragen | Ziel |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
            f"- {survey}",
            f"- Alle Ziele erreicht: **{'ja' if all_met else 'nein'}**.",
        ]
    )
    return Result(
        name="growth",
        title="Wachstum: zehnmal so viele Beiträge",
        markdown=markdown,
        figures={"pages": figures, "all_met": all_met, "time_limit": TIME_LIMIT},
    )


if __name__ == "__main__":
    main(run)
