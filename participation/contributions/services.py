"""Writes of citizens' contributions. Views call these; nothing else writes these models."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.cache import content_changed
from participation.contributions import fragments
from participation.contributions.models import (
    Comment,
    Contribution,
    HiddenReason,
    Participant,
    Report,
    Status,
    Thread,
    Vote,
)
from participation.contributions.targets import Rules, Target, content_type_of

SESSION_TOKEN_KEY = "participant_token"  # noqa: S105 - a session key name, not a secret
SESSION_HUMAN_KEY = "participant_passed_captcha"
DUPLICATE_WINDOW = timedelta(seconds=10)


class ContributionRefused(Exception):
    """The action is not allowed here and now; the message says why, in German."""


def participant_ensure(request) -> Participant:
    """The request's participant, created on the first contribution (not on page views)."""
    if request.user.is_authenticated:
        participant, _created = Participant.objects.get_or_create(user=request.user)
        return participant
    token = request.session.get(SESSION_TOKEN_KEY)
    if token:
        participant = Participant.objects.filter(session_token=token).first()
        if participant:
            return participant
    token = secrets.token_urlsafe(32)
    participant = Participant.objects.create(session_token=token)
    request.session[SESSION_TOKEN_KEY] = token
    return participant


def participant_set_guest_name(*, participant: Participant, guest_name: str) -> None:
    name = " ".join(guest_name.split())
    if name and not participant.is_registered and participant.guest_name != name:
        participant.guest_name = name
        participant.save(update_fields=["guest_name"])


def _check_not_blocked(participant: Participant) -> None:
    if participant.is_blocked:
        raise ContributionRefused(
            _("Ihr Zugang zur Beteiligung wurde von der Moderation gesperrt.")
        )


def _check_rules(rules: Rules, participant: Participant, *, voting: bool = False) -> None:
    _check_not_blocked(participant)
    if not participant.is_registered and not rules.anonymous_allowed:
        raise ContributionRefused(_("Zum Mitmachen brauchen Sie hier ein Konto."))
    if not (rules.can_vote if voting else rules.can_comment):
        raise ContributionRefused(rules.closed_message)


def _initial_status(rules: Rules) -> str:
    return Status.PENDING if rules.pre_moderated else Status.PUBLISHED


def _recent_duplicate(queryset, participant: Participant, text: str):
    since = timezone.now() - DUPLICATE_WINDOW
    return queryset.filter(participant=participant, text=text, created_at__gte=since).first()


def comment_create(
    *,
    target: Target,
    participant: Participant,
    text: str,
    submission_token: uuid.UUID,
    parent: Comment | None = None,
    notify_on_reply: bool = False,
) -> Comment:
    """Stores a comment or reply. A resubmission (same form token, or the same text within a
    few seconds) returns the comment stored the first time."""
    _check_rules(target.rules, participant)
    same_target = Comment.objects.filter(
        content_type=target.content_type,
        object_id=target.object_id,
        paragraph_key=target.paragraph_key,
    )
    existing = Comment.objects.filter(
        participant=participant, submission_token=submission_token
    ).first() or _recent_duplicate(same_target.filter(parent=parent), participant, text)
    if existing:
        return existing
    comment = Comment(
        participant=participant,
        content_type=target.content_type,
        object_id=target.object_id,
        paragraph_key=target.paragraph_key,
        consultation=target.rules.consultation,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        text=text,
        status=_initial_status(target.rules),
        submission_token=submission_token,
        notify_on_reply=notify_on_reply and participant.is_registered,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # The same form arrived twice at once; the other request stored it.
        return Comment.objects.get(participant=participant, submission_token=submission_token)
    if parent is not None:
        from participation.contributions.tasks import notify_reply

        transaction.on_commit(lambda: notify_reply.enqueue(comment.pk))
    return comment


def thread_create(
    *,
    target: Target,
    participant: Participant,
    title: str,
    text: str,
    impulse_topic,
    submission_token: uuid.UUID,
) -> Thread:
    """Starts a forum thread; `target` is the forum page."""
    _check_rules(target.rules, participant)
    existing = Thread.objects.filter(
        participant=participant, submission_token=submission_token
    ).first() or _recent_duplicate(Thread.objects.filter(forum=target.page), participant, text)
    if existing:
        return existing
    thread = Thread(
        forum=target.page,
        participant=participant,
        title=title,
        text=text,
        impulse_topic=impulse_topic,
        status=_initial_status(target.rules),
        submission_token=submission_token,
    )
    try:
        with transaction.atomic():
            thread.save()
    except IntegrityError:
        return Thread.objects.get(participant=participant, submission_token=submission_token)
    return thread


def _check_author(contribution: Contribution, participant: Participant | None) -> None:
    if participant is None or contribution.participant_id != participant.pk:
        raise ContributionRefused(_("Sie können nur eigene Beiträge ändern."))
    if contribution.is_deleted:
        raise ContributionRefused(_("Dieser Beitrag wurde bereits gelöscht."))


def contribution_edit(
    *, contribution: Contribution, participant: Participant | None, text: str, title: str = ""
) -> Contribution:
    _check_author(contribution, participant)
    _check_not_blocked(participant)
    if contribution.text == text and (not title or getattr(contribution, "title", "") == title):
        return contribution
    contribution.text = text
    fields = ["text", "edited_at"]
    if title:
        contribution.title = title
        fields.append("title")
    contribution.edited_at = timezone.now()
    contribution.save(update_fields=fields)
    return contribution


def contribution_delete(*, contribution: Contribution, participant: Participant | None) -> None:
    """The author withdraws a contribution: its text is gone; replies stay in place."""
    _check_author(contribution, participant)
    contribution.text = ""
    contribution.deleted_at = timezone.now()
    contribution.save(update_fields=["text", "deleted_at"])


def vote_set(*, participant: Participant, target, rules: Rules, value: int) -> int:
    """Sets the participant's vote on a comment (+1/-1), or support on a topic or thread (+1);
    0 withdraws it. One row per participant and target, enforced by the database."""
    _check_rules(rules, participant, voting=True)
    if getattr(target, "participant_id", None) == participant.pk:
        raise ContributionRefused(_("Über eigene Beiträge können Sie nicht abstimmen."))
    if isinstance(target, Contribution) and not target.is_visible_to_public:
        raise ContributionRefused(_("Über diesen Beitrag kann nicht abgestimmt werden."))
    if value not in (Vote.UP, Vote.DOWN, 0):
        raise ContributionRefused(_("Ungültige Stimme."))
    key = {
        "participant": participant,
        "content_type": content_type_of(target),
        "object_id": target.pk,
    }
    if value == 0:
        Vote.objects.filter(**key).delete()
    else:
        # One statement (INSERT … ON CONFLICT DO UPDATE): a new vote or a changed one, atomic
        # in the database however many requests for the same participant arrive at once.
        Vote.objects.bulk_create(
            [Vote(**key, value=value)],
            update_conflicts=True,
            unique_fields=["participant", "content_type", "object_id"],
            update_fields=["value", "updated_at"],
        )
    if isinstance(target, Comment):
        fragments.discussion_changed(
            content_type_id=target.content_type_id,
            object_id=target.object_id,
            paragraph_key=target.paragraph_key,
        )
    return value


def report_create(
    *, participant: Participant, item: Contribution, reason: str, text: str = ""
) -> Report:
    """One report per participant and item; enough open reports hide the item for review."""
    content_type = content_type_of(item)
    report, _created = Report.objects.get_or_create(
        participant=participant,
        content_type=content_type,
        object_id=item.pk,
        defaults={"reason": reason, "text": text},
    )
    threshold = getattr(settings, "CONTRIBUTIONS_REPORTS_TO_HIDE", 3)
    open_reports = Report.objects.filter(
        content_type=content_type, object_id=item.pk, resolved_at__isnull=True
    ).count()
    if open_reports >= threshold:
        hidden = (
            type(item)
            .objects.filter(pk=item.pk, status=Status.PUBLISHED)
            .update(status=Status.HIDDEN, hidden_reason=HiddenReason.REPORTS)
        )
        if hidden:  # an update() sends no post_save: the shared caches learn of it here
            content_changed()
            if isinstance(item, Comment):
                fragments.comment_saved(Comment, item)
    return report
