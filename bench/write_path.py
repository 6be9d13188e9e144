"""Write path: votes and comments per second with 100 concurrent participants through gunicorn
+ PostgreSQL + Redis, as a ratio to a bare Django view that inserts one row (same middleware,
same sessions). Afterwards the counts shown equal COUNT(*) in the database.
Target: votes reach at least 50 % of the bare insert."""

import statistics

from bench import servers
from bench.common import Result, main
from bench.load import Load, hammer

PARTICIPANTS = 100
ROUNDS = 2
SECONDS = 5.0
TARGET_VOTES = 0.50
# No limits in the way of the measurement (scale_out checks that limits hold).
UNLIMITED = {
    "RATE_LIMIT_VOTES_PER_MINUTE": 10_000_000,
    "RATE_LIMIT_COMMENTS_PER_MINUTE": 10_000_000,
    "RATE_LIMIT_COMMENTS_PER_HOUR": 10_000_000,
    "CONTRIBUTIONS_MIN_FILL_SECONDS": 0,
}


def _median_round(loads: list[Load]) -> Load:
    median = statistics.median(load.rps for load in loads)
    return min(loads, key=lambda load: abs(load.rps - median))


def run() -> Result:
    from bench import data, writes
    from bench.urls import create_insert_table
    from participation.contributions.models import Comment
    from participation.contributions.targets import content_type_of

    create_insert_table()
    topic = data.topic_with_comments(100)
    comment_ids = list(
        Comment.objects.filter(content_type=content_type_of(topic), object_id=topic.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    people = writes.crowd(PARTICIPANTS, "Schreiblast")
    steps = {
        "Reine Django-View: eine Zeile einfügen": lambda base: writes.insert_step(base, people),
        "Stimmen (Zustimmung/Ablehnung/Rücknahme)": lambda base: writes.vote_step(
            [base], people, comment_ids
        ),
        "Kommentare": lambda base: writes.comment_step([base], people, topic.pk),
    }
    rounds: dict[str, list[Load]] = {name: [] for name in steps}
    with servers.serve(**UNLIMITED) as base:
        for make in steps.values():  # warm
            hammer(make(base), concurrency=4, seconds=0.5)
        for _ in range(ROUNDS):
            for name, make in steps.items():
                rounds[name].append(hammer(make(base), concurrency=PARTICIPANTS, seconds=SECONDS))
        shown = writes.shown_counts_match(base, topic)
    exact = writes.votes_exact(people)
    measured = {name: _median_round(loads) for name, loads in rounds.items()}
    insert, votes, comments = (measured[name] for name in steps)
    vote_ratio = votes.rps / insert.rps
    comment_ratio = comments.rps / insert.rps
    verdict = "erreicht" if vote_ratio >= TARGET_VOTES else "verfehlt"
    lines = [
        f"{PARTICIPANTS} anonyme Teilnehmer:innen gleichzeitig (je eine Session in Redis, "
        "Captcha bestanden), JSON-Anfragen wie participation.js, gunicorn (2 Prozesse × 4 "
        f"Threads) + PostgreSQL + Redis auf 127.0.0.1; {ROUNDS} verschränkte Runden à "
        f"{SECONDS:.0f} s, je Aktion die Runde mit dem mittleren Durchsatz.",
        "",
        "| Aktion | Anfragen/s | p50 ms | p95 ms | zur Einfüge-View |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, load in measured.items():
        lines.append(
            f"| {name} | {load.rps:.0f} | {load.p50_ms:.1f} | {load.p95_ms:.1f} "
            f"| {load.rps / insert.rps:.0%} |"
        )
    lines += [
        "",
        f"- Ziel Stimmen ≥ {TARGET_VOTES:.0%} der Einfüge-View: **{verdict}** "
        f"({vote_ratio:.0%}). Eine Stimme kostet 5 Abfragen (Kommentar mit Beteiligung, "
        "Phasen, Teilnehmer:in, INSERT … ON CONFLICT, Zählung) und 3 Redis-Zugriffe "
        "(Session, Rate-Limit, Listen-Version), die Einfüge-View ein rohes INSERT ohne ORM und "
        "1 Redis-Zugriff. Der Abstand sind diese Rundläufe und die ORM-Arbeit für fünf Abfragen "
        "(Regeln der Beteiligung, Teilnehmer:in, Zählung für die Antwort). Was die Lücke "
        "verkleinert: Stimme und neue Zählung in einer Anweisung (CTE, nur PostgreSQL), die "
        "Phasen einer Beteiligung im Prozess-Cache (Schlüssel: last_published_at), die "
        "Teilnehmer-ID in der Session – zusammen 3 Rundläufe weniger; 50 % verlangte dann "
        "immer noch, eine Stimme auf gut zwei Rundläufe zu bringen.",
        f"- Danach: gespeicherte Stimmen = zuletzt bestätigte Stimme jedes Clients: "
        f"**{'ja' if exact else 'NEIN'}** ({len(people.votes)} Paare, "
        f"{people.unknown} ohne Antwort).",
        f"- Angezeigte Zähler = COUNT(*) für alle {shown['comments_compared']} Kommentare der "
        f"Seite: **{'ja' if shown['votes_match'] else 'NEIN'}**; angezeigte Beitragszahl "
        f"{shown['total_shown']} = COUNT(*) {shown['total_in_database']}: "
        f"**{'ja' if shown['total_matches'] else 'NEIN'}**.",
    ]
    return Result(
        name="write_path",
        title="Schreibpfad: Stimmen und Kommentare",
        markdown="\n".join(lines),
        figures={
            "actions": {name: load.as_dict() for name, load in measured.items()},
            "votes_to_insert": round(vote_ratio, 3),
            "comments_to_insert": round(comment_ratio, 3),
            "votes_target": TARGET_VOTES,
            "votes_target_met": vote_ratio >= TARGET_VOTES,
            "votes_exact": exact,
            "shown_counts": shown,
        },
    )


if __name__ == "__main__":
    main(run)
