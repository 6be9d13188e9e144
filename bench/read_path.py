"""Read path: anonymous page views through gunicorn + PostgreSQL + Redis on loopback.

Requests per second and p50/p95 latency of each page under the same load (8 clients), in
interleaved rounds, as ratios to a plain StandardPage and to a bare Django view with a fixed
answer. Target: the topic with 1,000 comments reaches at least 40 % of the plain page.
"""

import statistics

from bench import servers
from bench.common import Result, main
from bench.load import Load, get_load

ROUNDS = 3
SECONDS = 5.0
CONCURRENCY = 8
TARGET_TOPIC = 0.40
BARE = "Django-View mit fester Antwort"
PLAIN = "Einfache Inhaltsseite (StandardPage)"
TOPIC = "Themenfeld: 1.000 Kommentare, 10.000 Stimmen"
SURVEY_NOTE = (
    "Umfrageergebnisse mit 100.000 Antworten: nicht gemessen – die Ergebnisseite gibt es auf "
    "diesem Stand noch nicht (Issue surveys-results); die Zeile kommt mit ihr hinzu."
)


def _measure(base: str, pages: dict[str, str]) -> dict[str, Load]:
    """Interleaved rounds (each page once per round); each page's median-throughput round."""
    for url in pages.values():
        get_load(base + url, concurrency=2, seconds=0.5)  # warm caches and connections
    rounds: dict[str, list[Load]] = {name: [] for name in pages}
    for _ in range(ROUNDS):
        for name, url in pages.items():
            rounds[name].append(get_load(base + url, concurrency=CONCURRENCY, seconds=SECONDS))
    chosen = {}
    for name, loads in rounds.items():
        median = statistics.median(load.rps for load in loads)
        chosen[name] = min(loads, key=lambda load, m=median: abs(load.rps - m))
    return chosen


def run() -> Result:
    from django.urls import reverse

    from bench import data

    consultation = data.demo_site()
    topic = data.topic_with_comments(1000)
    concept = data.concept_with_comments(500)
    pages = {
        BARE: "/bench/bare/",
        PLAIN: data.plain_page().url,
        "Startseite": "/",
        "Beteiligungsseite": consultation.url,
        TOPIC: topic.url,
        "Konzeptdokument: 500 Absatzkommentare": concept.url,
        "Heatmap des Konzepts (500 Kommentare)": reverse(
            "contributions:heatmap", args=[concept.pk]
        ),
    }
    with servers.serve() as base:
        measured = _measure(base, pages)
    # The same topic page without the shared discussion list, and the page cache at work.
    with servers.serve(DISCUSSION_CACHE_SECONDS=0) as base:
        uncached = _measure(base, {PLAIN: pages[PLAIN], TOPIC: pages[TOPIC]})
    with servers.serve(PAGE_CACHE_SECONDS=60) as base:
        page_cache = _measure(base, {BARE: pages[BARE], PLAIN: pages[PLAIN]})

    plain, bare = measured[PLAIN].rps, measured[BARE].rps
    lines = [
        f"gunicorn (2 Prozesse × 4 Threads) + PostgreSQL + Redis auf 127.0.0.1, {CONCURRENCY} "
        f"gleichzeitige anonyme Clients (aiohttp), {ROUNDS} verschränkte Runden à "
        f"{SECONDS:.0f} s; je Seite die Runde mit dem mittleren Durchsatz. Geteilte "
        "Kommentarlisten an (wie in Produktion), Seiten-Cache aus.",
        "",
        "| Seite | Anfragen/s | p50 ms | p95 ms | zur einfachen Seite | zur festen Antwort |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, load in measured.items():
        lines.append(
            f"| {name} | {load.rps:.0f} | {load.p50_ms:.1f} | {load.p95_ms:.1f} "
            f"| {load.rps / plain:.0%} | {load.rps / bare:.0%} |"
        )
    topic_ratio = measured[TOPIC].rps / plain
    uncached_ratio = uncached[TOPIC].rps / uncached[PLAIN].rps
    cache_ratio = page_cache[PLAIN].rps / page_cache[BARE].rps
    verdict = "erreicht" if topic_ratio >= TARGET_TOPIC else "verfehlt"
    lines += [
        "",
        f"- {SURVEY_NOTE}",
        f"- Ziel Themenfeld ≥ {TARGET_TOPIC:.0%} der einfachen Seite: **{verdict}** "
        f"({topic_ratio:.0%}).",
        f"- Dasselbe Themenfeld ohne geteilte Kommentarliste (DISCUSSION_CACHE_SECONDS=0): "
        f"{uncached_ratio:.0%} der einfachen Seite.",
        f"- Einfache Seite aus dem Seiten-Cache (PAGE_CACHE_SECONDS=60): {cache_ratio:.0%} der "
        "festen Antwort.",
    ]
    return Result(
        name="read_path",
        title="Lesepfad: Seitenaufrufe anonymer Besucher",
        markdown="\n".join(lines),
        figures={
            "pages": {name: load.as_dict() for name, load in measured.items()},
            "topic_to_plain": round(topic_ratio, 3),
            "topic_to_plain_target": TARGET_TOPIC,
            "topic_target_met": topic_ratio >= TARGET_TOPIC,
            "without_discussion_cache": {k: v.as_dict() for k, v in uncached.items()},
            "topic_to_plain_without_discussion_cache": round(uncached_ratio, 3),
            "page_cache": {k: v.as_dict() for k, v in page_cache.items()},
            "survey_results": "skipped: no results page on this branch",
        },
    )


if __name__ == "__main__":
    main(run)
