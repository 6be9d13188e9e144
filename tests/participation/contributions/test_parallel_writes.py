"""Writes that race: many requests at the same moment still leave consistent rows.

SQLite serialises all writers, so these run against PostgreSQL (CI sets DATABASE_URL)."""

import threading
import uuid

import pytest
from django.db import connection

from participation.contributions import selectors, services
from participation.contributions.models import Comment, Vote
from participation.contributions.targets import resolve_target
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel writes need PostgreSQL (DATABASE_URL); SQLite serialises all writers",
    ),
    # Committed data for the threads' own connections; migrations' rows restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_at_once(count: int, work) -> None:
    """Calls work(0) … work(count - 1) in `count` threads released together."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(number)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.fixture
def topic(consultation):
    return TopicPageFactory(parent=consultation)


def vote(participant, comment, value: int) -> None:
    target = resolve_target("seite", comment.object_id)
    services.vote_set(participant=participant, target=comment, rules=target.rules, value=value)


def test_twenty_identical_up_votes_at_once_store_one_vote(topic):
    comment = CommentFactory(target=topic)
    voter = ParticipantFactory()

    run_at_once(20, lambda n: vote(voter, comment, Vote.UP))

    assert list(Vote.objects.values_list("participant", "value")) == [(voter.pk, Vote.UP)]


def test_twenty_participants_changing_votes_at_once_leave_consistent_counts(topic):
    comment = CommentFactory(target=topic)
    voters = ParticipantFactory.create_batch(20)
    # Everyone goes up, down and withdraws in a different order; the last value counts.
    sequences = [[(Vote.UP, Vote.DOWN, 0)[(n + step) % 3] for step in range(4)] for n in range(20)]

    def work(number: int) -> None:
        for value in sequences[number]:
            vote(voters[number], comment, value)

    run_at_once(20, work)

    expected = {voters[n].pk: seq[-1] for n, seq in enumerate(sequences) if seq[-1]}
    assert dict(Vote.objects.values_list("participant", "value")) == expected
    counts = selectors.vote_counts(comment)
    assert (counts.up, counts.down) == (
        Vote.objects.filter(value=Vote.UP).count(),
        Vote.objects.filter(value=Vote.DOWN).count(),
    )
    assert (counts.up, counts.down) == (
        list(expected.values()).count(Vote.UP),
        list(expected.values()).count(Vote.DOWN),
    )
    shown = selectors.discussion_for(resolve_target("seite", topic.pk), viewer=None)
    assert [(c.up, c.down) for c in shown.comments] == [(counts.up, counts.down)]


def test_ten_submissions_of_the_same_comment_form_at_once_store_one_comment(topic):
    author = ParticipantFactory()
    token = uuid.uuid4()

    def work(number: int) -> None:
        services.comment_create(
            target=resolve_target("seite", topic.pk),
            participant=author,
            text="Bitte nur einmal speichern.",
            submission_token=token,
        )

    run_at_once(10, work)

    assert Comment.objects.filter(participant=author).count() == 1
