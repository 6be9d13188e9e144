"""Participants writing through real servers, and the checks that nothing was lost or doubled.

Used by bench/write_path.py, bench/scale_out.py and tests/test_multi_instance.py. Every client
is one anonymous participant (a session in the shared store, past the captcha) and sends its
requests one after another, so the last value a client saw acknowledged is the stored one.
"""

import re
import secrets
import uuid
from dataclasses import dataclass, field

import aiohttp

from bench.load import Step, post
from bench.servers import visitor_cookies


@dataclass
class Crowd:
    participants: list  # Participant rows
    cookies: list[dict[str, str]]
    # (client number, comment id) -> last acknowledged vote value (0: withdrawn)
    votes: dict[tuple[int, int], int] = field(default_factory=dict)
    comments: int = 0  # acknowledged new comments
    unknown: int = 0  # requests whose outcome the client never learnt (timeouts)


def crowd(size: int, label: str) -> Crowd:
    """`size` new anonymous participants, each with a session in the shared store."""
    from participation.contributions.models import Participant

    participants = Participant.objects.bulk_create(
        Participant(session_token=secrets.token_urlsafe(32), guest_name=f"{label} {n}")
        for n in range(size)
    )
    return Crowd(participants, [visitor_cookies(p) for p in participants])


def vote_step(bases: list[str], people: Crowd, comment_ids: list[int]) -> Step:
    """Client n votes on the comments in turn (up, down, up, withdraw, …) on bases[n % len]."""
    sent = [0] * len(people.participants)

    async def step(number: int, session: aiohttp.ClientSession) -> int:
        count = sent[number]
        sent[number] += 1
        comment_id = comment_ids[(number * 7 + count) % len(comment_ids)]
        value = (1, -1, 1, 0)[(count // len(comment_ids)) % 4]
        url = f"{bases[number % len(bases)]}/beteiligung/kommentar/{comment_id}/abstimmen/"
        try:
            status, body = await post(session, url, {"value": str(value)}, people.cookies[number])
        except (aiohttp.ClientError, TimeoutError):
            people.unknown += 1
            raise
        if status == 200 and body.get("ok"):
            people.votes[(number, comment_id)] = value
        return status

    return step


def comment_step(bases: list[str], people: Crowd, target_page_id: int) -> Step:
    async def step(number: int, session: aiohttp.ClientSession) -> int:
        url = f"{bases[number % len(bases)]}/beteiligung/ziel/seite/{target_page_id}/kommentieren/"
        data = {
            "text": f"Lastkommentar {uuid.uuid4().hex}: mehr Grün am Markt.",
            "submission_token": str(uuid.uuid4()),
        }
        try:
            status, body = await post(session, url, data, people.cookies[number])
        except (aiohttp.ClientError, TimeoutError):
            people.unknown += 1
            raise
        if status == 200 and body.get("ok"):
            people.comments += 1
        return status

    return step


def insert_step(base: str, people: Crowd) -> Step:
    async def step(number: int, session: aiohttp.ClientSession) -> int:
        status, _body = await post(session, f"{base}/bench/insert/", {}, people.cookies[number])
        return status

    return step


def stored_votes(people: Crowd) -> dict[tuple[int, int], int]:
    from participation.contributions.models import Vote

    index = {participant.pk: n for n, participant in enumerate(people.participants)}
    rows = Vote.objects.filter(participant__in=people.participants).values_list(
        "participant_id", "object_id", "value"
    )
    return {(index[participant], comment): value for participant, comment, value in rows}


def votes_exact(people: Crowd) -> bool:
    """The database holds exactly the last acknowledged vote of every client and comment."""
    expected = {pair: value for pair, value in people.votes.items() if value != 0}
    return people.unknown == 0 and stored_votes(people) == expected


SHOWN_COMMENT = re.compile(
    r'<li class="comment[^"]*" id="kommentar-(\d+)">.*?data-count="up">(\d+)<.*?'
    r'data-count="down">(\d+)<',
    re.S,
)
SHOWN_TOTAL = re.compile(r'class="discussion__count">\((\d+)')


def shown_counts_match(base: str, page) -> dict:
    """Fetches the page as an anonymous visitor; compares the vote counts shown for every
    comment on it and the discussion's total with COUNT(*) in the database."""
    import urllib.request

    from django.db.models import Count, Q

    from participation.contributions.models import Comment, Status, Vote
    from participation.contributions.targets import content_type_of

    with urllib.request.urlopen(base + page.url, timeout=30) as response:  # noqa: S310 - loopback
        html = response.read().decode()
    shown = {int(pk): (int(up), int(down)) for pk, up, down in SHOWN_COMMENT.findall(html)}
    counted = {
        row["object_id"]: (row["up"], row["down"])
        for row in Vote.objects.filter(object_id__in=shown, content_type=content_type_of(Comment()))
        .values("object_id")
        .annotate(up=Count("pk", filter=Q(value=1)), down=Count("pk", filter=Q(value=-1)))
    }
    in_database = {pk: counted.get(pk, (0, 0)) for pk in shown}
    total_shown = int(SHOWN_TOTAL.search(html)[1])
    total_counted = Comment.objects.filter(
        content_type=content_type_of(page),
        object_id=page.pk,
        paragraph_key="",
        status=Status.PUBLISHED,
        deleted_at__isnull=True,
    ).count()
    return {
        "comments_compared": len(shown),
        "votes_match": bool(shown) and shown == in_database,
        "total_shown": total_shown,
        "total_in_database": total_counted,
        "total_matches": total_shown == total_counted,
    }
