"""Writes that race: many requests at the same moment still leave consistent rows."""

import uuid

import pytest

from participation.contributions import selectors, services
from participation.contributions.models import Comment, Vote
from participation.contributions.targets import resolve_target
from tests.parallel import PARALLEL_WRITES, run_at_once
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory, ParticipantFactory

pytestmark = PARALLEL_WRITES


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
