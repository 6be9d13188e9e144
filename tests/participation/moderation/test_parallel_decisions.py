"""Two moderators deciding on the same item at the same moment: one decision, one log entry."""

import contextlib

from participation.contributions.models import Status
from participation.moderation import services
from participation.moderation.models import Action, ModerationLogEntry
from tests.parallel import PARALLEL_WRITES, run_at_once
from tests.participation.accounts.factories import UserFactory
from tests.participation.consultations.factories import TopicPageFactory
from tests.participation.contributions.factories import CommentFactory

pytestmark = PARALLEL_WRITES


def refused_or_done(decision) -> None:
    with contextlib.suppress(services.ModerationRefused):
        decision()


def test_ten_moderators_approving_at_once_log_one_approval(consultation):
    comment = CommentFactory(target=TopicPageFactory(parent=consultation), status=Status.PENDING)
    moderators = UserFactory.create_batch(10, roles=["Moderation"])

    def approve(number: int) -> None:
        item = type(comment).objects.get(pk=comment.pk)
        refused_or_done(
            lambda: services.contribution_approve(contribution=item, moderator=moderators[number])
        )

    run_at_once(10, approve)

    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert list(ModerationLogEntry.objects.values_list("action", flat=True)) == [Action.APPROVE]


def test_highlight_and_hide_at_once_end_in_one_consistent_state(consultation):
    comment = CommentFactory(target=TopicPageFactory(parent=consultation))
    moderators = UserFactory.create_batch(10, roles=["Moderation"])

    def decide(number: int) -> None:
        item = type(comment).objects.get(pk=comment.pk)
        if number % 2:
            decision = lambda: services.contribution_hide(  # noqa: E731
                contribution=item, moderator=moderators[number], reason="spam"
            )
        else:
            decision = lambda: services.contribution_highlight(  # noqa: E731
                contribution=item, moderator=moderators[number]
            )
        refused_or_done(decision)

    run_at_once(10, decide)

    actions = list(ModerationLogEntry.objects.values_list("action", flat=True))
    assert actions.count(Action.HIDE) == 1
    assert actions.count(Action.HIGHLIGHT) <= 1
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
