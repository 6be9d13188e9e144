"""Scale-out: two gunicorn instances on two ports sharing PostgreSQL and Redis, the load split
across both. Totals are exact (every acknowledged vote stored once, the counts shown equal
COUNT(*)), sessions work on either instance, and a rate limit reached on one instance is
enforced on the other."""

import urllib.error
import urllib.parse
import urllib.request
import uuid

from bench import servers
from bench.common import Result, main
from bench.load import hammer

PARTICIPANTS = 40
SECONDS = 5.0
COMMENTS_PER_MINUTE = 5
# Votes unlimited for the load; comments keep a small limit to check that it is shared (the
# same per hour, so a minute that ends during the check changes nothing).
ENV = {
    "RATE_LIMIT_VOTES_PER_MINUTE": 10_000_000,
    "RATE_LIMIT_COMMENTS_PER_MINUTE": COMMENTS_PER_MINUTE,
    "RATE_LIMIT_COMMENTS_PER_HOUR": COMMENTS_PER_MINUTE,
    "CONTRIBUTIONS_MIN_FILL_SECONDS": 0,
}


def comment_statuses(bases: list[str], cookies: dict[str, str], page_id: int, count: int):
    """`count` comments of one participant, sent to the instances in turn."""
    statuses = []
    for number in range(count):
        base = bases[number % len(bases)]
        request = urllib.request.Request(  # noqa: S310 - loopback only
            f"{base}/beteiligung/ziel/seite/{page_id}/kommentieren/",
            data=urllib.parse.urlencode(
                {"text": f"Grenztest {uuid.uuid4().hex}", "submission_token": str(uuid.uuid4())}
            ).encode(),
            headers={
                "Accept": "application/json",
                "X-CSRFToken": cookies["csrftoken"],
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
    return statuses


def check(bases: list[str], topic, *, participants: int, seconds: float) -> dict:
    """The whole consistency check on running instances; the benchmark and the test use it."""
    from bench import writes
    from participation.contributions.models import Comment
    from participation.contributions.targets import content_type_of

    comment_ids = list(
        Comment.objects.filter(content_type=content_type_of(topic), object_id=topic.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    people = writes.crowd(participants, "Zwei Instanzen")
    load = hammer(
        writes.vote_step(bases, people, comment_ids), concurrency=participants, seconds=seconds
    )
    per_instance = dict.fromkeys(bases, 0)
    for number in range(participants):
        per_instance[bases[number % len(bases)]] += 1
    shown = [writes.shown_counts_match(base, topic) for base in bases]
    limited = writes.crowd(1, "Grenze")
    statuses = comment_statuses(bases, limited.cookies[0], topic.pk, COMMENTS_PER_MINUTE + 1)
    return {
        "load": load.as_dict(),
        "clients_per_instance": per_instance,
        "votes_exact": writes.votes_exact(people),
        "acknowledged_pairs": len(people.votes),
        "shown_equal_on_both": all(s["votes_match"] and s["total_matches"] for s in shown),
        "shown": shown,
        "rate_limit_statuses": statuses,
        "rate_limit_shared": statuses == [200] * COMMENTS_PER_MINUTE + [429],
    }


def run() -> Result:
    from bench import data

    topic = data.topic_with_comments(100)
    with servers.serve(**ENV) as first, servers.serve(**ENV) as second:
        result = check([first, second], topic, participants=PARTICIPANTS, seconds=SECONDS)
    ok = result["votes_exact"] and result["shown_equal_on_both"] and result["rate_limit_shared"]
    statuses = ", ".join(str(s) for s in result["rate_limit_statuses"])
    markdown = "\n".join(
        [
            f"Zwei gunicorn-Instanzen (je 2 Prozesse × 4 Threads) auf zwei Ports, gemeinsames "
            f"PostgreSQL und Redis; {PARTICIPANTS} Teilnehmer:innen stimmen {SECONDS:.0f} s "
            "lang ab, abwechselnd auf die Instanzen verteilt.",
            "",
            f"- Stimmen: {result['load']['requests']} bestätigt, {result['load']['errors']} "
            f"Fehler, {result['load']['rps']:.0f}/s zusammen.",
            f"- Summen exakt (jede bestätigte Stimme genau einmal gespeichert): "
            f"**{'ja' if result['votes_exact'] else 'NEIN'}**.",
            f"- Angezeigte Zähler und Beitragszahl = COUNT(*), auf beiden Instanzen: "
            f"**{'ja' if result['shown_equal_on_both'] else 'NEIN'}**.",
            f"- Rate-Limit geteilt: {COMMENTS_PER_MINUTE + 1} Kommentare einer Person "
            f"abwechselnd an beide Instanzen → {statuses}: "
            f"**{'ja' if result['rate_limit_shared'] else 'NEIN'}** (der letzte wird auf der "
            "anderen Instanz abgewiesen; dieselbe Session gilt auf beiden).",
            f"- Gesamt: **{'bestanden' if ok else 'NICHT bestanden'}**.",
        ]
    )
    return Result(
        name="scale_out",
        title="Scale-out: zwei Instanzen, ein PostgreSQL, ein Redis",
        markdown=markdown,
        figures={**result, "passed": ok},
    )


if __name__ == "__main__":
    main(run)
