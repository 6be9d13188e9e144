"""Moderation decisions. Admin views call these; every decision writes a ModerationLogEntry.

Nothing is deleted here: rejected and hidden items stay for the record and the exports.
Queue items are comments, forum threads and survey text answers (`QueueItem`).
"""

import uuid
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.accounts.models import User
from participation.contributions import fragments
from participation.contributions.models import (
    Comment,
    Contribution,
    HiddenReason,
    ModerationReason,
    Participant,
    Report,
    Status,
    Thread,
)
from participation.contributions.targets import consultation_of, content_type_of
from participation.moderation.models import (
    Action,
    DigestSubscription,
    ModerationCategory,
    ModerationLogEntry,
)
from participation.surveys.models import Answer, QuoteStatus
from participation.surveys.results import survey_results_changed

QueueItem = Comment | Thread | Answer


class ModerationRefused(Exception):
    """The decision does not apply to this item in its current state; the message says why."""


class Resolution:
    """Values of Report.resolution."""

    DISMISSED = "dismissed"
    HIDDEN = "hidden"


def _log(
    item, *, moderator: User, action: str, reason: str = "", note: str = ""
) -> ModerationLogEntry:
    return ModerationLogEntry.objects.create(
        moderator=moderator,
        action=action,
        content_type=content_type_of(item),
        object_id=item.pk,
        reason=reason,
        note=note.strip(),
    )


def _resolve_open_reports(item: Contribution, resolution: str) -> int:
    return Report.objects.filter(
        content_type=content_type_of(item), object_id=item.pk, resolved_at__isnull=True
    ).update(resolved_at=timezone.now(), resolution=resolution)


def _lock(item) -> None:
    """Re-reads the item under a row lock (inside the caller's transaction), so decisions by
    two moderators at once are taken one after the other, each on the current state."""
    item.refresh_from_db(from_queryset=type(item).objects.select_for_update())


def _set_status(item: Contribution, status: str, *, hidden_reason: str = "", reason: str = ""):
    item.status = status
    item.hidden_reason = hidden_reason
    item.moderation_reason = reason
    item.save(update_fields=["status", "hidden_reason", "moderation_reason"])


def _check_reason(reason: str) -> None:
    if reason not in ModerationReason.values:
        raise ModerationRefused(_("Bitte wählen Sie einen Grund aus der Liste."))


# --- Comments and forum threads ---------------------------------------------------------------


@transaction.atomic
def contribution_approve(*, contribution: Contribution, moderator: User, note: str = "") -> None:
    """Publishes a pending (or earlier rejected) comment or thread."""
    _lock(contribution)
    if contribution.status not in (Status.PENDING, Status.REJECTED):
        raise ModerationRefused(
            _("Nur wartende oder abgelehnte Beiträge können freigegeben werden.")
        )
    _set_status(contribution, Status.PUBLISHED)
    _resolve_open_reports(contribution, Resolution.DISMISSED)
    _log(contribution, moderator=moderator, action=Action.APPROVE, note=note)


@transaction.atomic
def contribution_reject(
    *, contribution: Contribution, moderator: User, reason: str, note: str = ""
) -> None:
    """Refuses publication; a registered author is told why by email."""
    _lock(contribution)
    _check_reason(reason)
    if contribution.status == Status.REJECTED:
        raise ModerationRefused(_("Dieser Beitrag ist bereits abgelehnt."))
    _set_status(contribution, Status.REJECTED, reason=reason)
    _resolve_open_reports(contribution, Resolution.HIDDEN)
    _log(contribution, moderator=moderator, action=Action.REJECT, reason=reason, note=note)
    from participation.moderation.tasks import notify_rejection

    kind, note = _kind(contribution), note.strip()
    transaction.on_commit(lambda: notify_rejection.enqueue(kind, contribution.pk, note))


@transaction.atomic
def contribution_hide(
    *, contribution: Contribution, moderator: User, reason: str, note: str = ""
) -> None:
    """Replaces the text publicly by "ausgeblendet wegen Verstoß gegen die Netiquette" and
    the reason; open reports count as upheld."""
    _lock(contribution)
    _check_reason(reason)
    if (
        contribution.status == Status.HIDDEN
        and contribution.hidden_reason == HiddenReason.MODERATION
    ):
        raise ModerationRefused(_("Dieser Beitrag ist bereits ausgeblendet."))
    _set_status(contribution, Status.HIDDEN, hidden_reason=HiddenReason.MODERATION, reason=reason)
    upheld = _resolve_open_reports(contribution, Resolution.HIDDEN)
    action = Action.REPORTS_UPHELD if upheld else Action.HIDE
    _log(contribution, moderator=moderator, action=action, reason=reason, note=note)


@transaction.atomic
def contribution_restore(*, contribution: Contribution, moderator: User, note: str = "") -> None:
    """Shows a hidden or rejected contribution again; open reports count as dismissed."""
    _lock(contribution)
    if contribution.status not in (Status.HIDDEN, Status.REJECTED):
        raise ModerationRefused(
            _("Nur ausgeblendete oder abgelehnte Beiträge können wiederhergestellt werden.")
        )
    _set_status(contribution, Status.PUBLISHED)
    dismissed = _resolve_open_reports(contribution, Resolution.DISMISSED)
    action = Action.REPORTS_DISMISSED if dismissed else Action.RESTORE
    _log(contribution, moderator=moderator, action=action, note=note)


@transaction.atomic
def reports_dismiss(*, contribution: Contribution, moderator: User, note: str = "") -> None:
    """The reports were unfounded: they are closed, an auto-hidden item is shown again."""
    _lock(contribution)
    if contribution.status == Status.HIDDEN and contribution.hidden_reason == HiddenReason.REPORTS:
        contribution_restore(contribution=contribution, moderator=moderator, note=note)
        return
    if not _resolve_open_reports(contribution, Resolution.DISMISSED):
        raise ModerationRefused(_("Zu diesem Beitrag gibt es keine offenen Meldungen."))
    _log(contribution, moderator=moderator, action=Action.REPORTS_DISMISSED, note=note)


@transaction.atomic
def contribution_highlight(*, contribution: Contribution, moderator: User) -> None:
    _lock(contribution)
    if contribution.status != Status.PUBLISHED or contribution.is_deleted:
        raise ModerationRefused(_("Nur veröffentlichte Beiträge können hervorgehoben werden."))
    if contribution.highlighted_at is None:
        contribution.highlighted_at = timezone.now()
        contribution.save(update_fields=["highlighted_at"])
        _log(contribution, moderator=moderator, action=Action.HIGHLIGHT)


@transaction.atomic
def contribution_unhighlight(*, contribution: Contribution, moderator: User) -> None:
    _lock(contribution)
    if contribution.highlighted_at is not None:
        contribution.highlighted_at = None
        contribution.save(update_fields=["highlighted_at"])
        _log(contribution, moderator=moderator, action=Action.UNHIGHLIGHT)


def _staff_participant(moderator: User) -> Participant:
    participant, _created = Participant.objects.get_or_create(user=moderator)
    return participant


@transaction.atomic
def official_response_create(*, item: Contribution, moderator: User, text: str) -> Comment:
    """The town's answer ("Stellungnahme der Stadt"): a published reply by the moderator,
    under a comment or in a forum thread. A registered author is notified by email."""
    text = text.strip()
    if not text:
        raise ModerationRefused(_("Bitte schreiben Sie die Stellungnahme."))
    if item.status != Status.PUBLISHED or item.is_deleted:
        raise ModerationRefused(_("Stellungnahmen sind nur zu veröffentlichten Beiträgen möglich."))
    if isinstance(item, Thread):
        where = {"content_type": content_type_of(item), "object_id": item.pk, "paragraph_key": ""}
        consultation = consultation_of(item.forum)
        parent = root = None
    else:
        where = {
            "content_type_id": item.content_type_id,
            "object_id": item.object_id,
            "paragraph_key": item.paragraph_key,
        }
        consultation, parent, root = item.consultation, item, item.root or item
    response = Comment.objects.create(
        participant=_staff_participant(moderator),
        text=text,
        status=Status.PUBLISHED,
        submission_token=uuid.uuid4(),
        consultation=consultation,
        parent=parent,
        root=root,
        is_official=True,
        **where,
    )
    _log(item, moderator=moderator, action=Action.OFFICIAL_RESPONSE, note=text)
    from participation.moderation.tasks import notify_official_response

    transaction.on_commit(
        lambda: notify_official_response.enqueue(response.pk, _kind(item), item.pk)
    )
    return response


# --- Survey text answers ---------------------------------------------------------------------


def _set_quote_status(answer: Answer, status: str, *, moderator: User, action: str, note: str):
    _lock(answer)
    if not answer.text.strip():
        raise ModerationRefused(_("Nur Textantworten können zum Zitieren freigegeben werden."))
    if answer.quote_status == status:
        raise ModerationRefused(_("Diese Entscheidung ist bereits getroffen."))
    answer.quote_status = status
    answer.save(update_fields=["quote_status"])
    survey_results_changed(answer.survey_id)  # the approved quotes are part of the results
    _log(answer, moderator=moderator, action=action, note=note)


@transaction.atomic
def answer_approve_quote(*, answer: Answer, moderator: User, note: str = "") -> None:
    """The text answer may be quoted publicly (summaries)."""
    _set_quote_status(
        answer, QuoteStatus.APPROVED, moderator=moderator, action=Action.QUOTE_APPROVE, note=note
    )


@transaction.atomic
def answer_reject_quote(*, answer: Answer, moderator: User, note: str = "") -> None:
    """The text answer stays in results and exports but is never quoted."""
    _set_quote_status(
        answer, QuoteStatus.REJECTED, moderator=moderator, action=Action.QUOTE_REJECT, note=note
    )


# --- Any queue item --------------------------------------------------------------------------


def _kind(item: QueueItem) -> str:
    return {Comment: "kommentar", Thread: "thema", Answer: "antwort"}[type(item)]


def item_approve(*, item: QueueItem, moderator: User, note: str = "") -> None:
    """Approves a comment or thread for publication, a survey answer for quoting."""
    if isinstance(item, Answer):
        answer_approve_quote(answer=item, moderator=moderator, note=note)
    else:
        contribution_approve(contribution=item, moderator=moderator, note=note)


def item_reject(*, item: QueueItem, moderator: User, reason: str, note: str = "") -> None:
    if isinstance(item, Answer):
        answer_reject_quote(answer=item, moderator=moderator, note=note)
    else:
        contribution_reject(contribution=item, moderator=moderator, reason=reason, note=note)


@transaction.atomic
def item_set_categories(
    *, item: QueueItem, categories: Iterable[ModerationCategory], moderator: User
) -> None:
    """Replaces the item's categories; only its own consultation's categories are allowed."""
    categories = list(categories)
    consultation_id = item_consultation_id(item)
    if any(category.consultation_id != consultation_id for category in categories):
        raise ModerationRefused(_("Kategorien gehören zu einem anderen Beteiligungsverfahren."))
    related = item.categories
    before = set(related.values_list("pk", flat=True))
    after = {category.pk for category in categories}
    if before == after:
        return
    related.set(categories)
    names = ", ".join(sorted(category.name for category in categories)) or _("keine")
    _log(item, moderator=moderator, action=Action.CATEGORISE, note=names)


def item_add_categories(
    *, item: QueueItem, categories: Iterable[ModerationCategory], moderator: User
) -> None:
    """Adds categories to those the item has (bulk tagging)."""
    current = list(item.categories.all())
    item_set_categories(item=item, categories={*current, *categories}, moderator=moderator)


def item_consultation_id(item: QueueItem) -> int | None:
    if isinstance(item, Comment):
        return item.consultation_id
    page = item.forum if isinstance(item, Thread) else item.survey
    consultation = consultation_of(page)
    return consultation.pk if consultation else None


def item_add_note(*, item: QueueItem, moderator: User, note: str) -> ModerationLogEntry:
    """An internal note for the staff, shown in the item's history only."""
    if not note.strip():
        raise ModerationRefused(_("Bitte schreiben Sie eine Notiz."))
    return _log(item, moderator=moderator, action=Action.NOTE, note=note)


# --- Participants ----------------------------------------------------------------------------


@transaction.atomic
def participant_block(
    *,
    participant: Participant,
    moderator: User,
    hide_content: bool = False,
    reason: str = ModerationReason.OTHER,
    note: str = "",
) -> int:
    """The participant cannot comment, vote or start threads any more; with `hide_content`
    their published and pending comments and threads are hidden too. Returns how many."""
    _lock(participant)
    _check_reason(reason)
    if participant.is_blocked:
        raise ModerationRefused(_("Diese Person ist bereits gesperrt."))
    participant.blocked_at = timezone.now()
    participant.save(update_fields=["blocked_at"])
    _log(participant, moderator=moderator, action=Action.BLOCK, reason=reason, note=note)
    if not hide_content:
        return 0
    return sum(
        _hide_all(model, participant=participant, moderator=moderator, reason=reason)
        for model in (Comment, Thread)
    )


def _hide_all(model, *, participant: Participant, moderator: User, reason: str) -> int:
    """contribution_hide for all of the participant's published and pending comments (or
    threads) at once: a fixed number of queries however many there are."""
    contributions = list(
        model.objects.select_for_update().filter(
            participant=participant,
            status__in=[Status.PUBLISHED, Status.PENDING],
            deleted_at__isnull=True,
        )
    )
    if not contributions:
        return 0
    content_type = content_type_of(contributions[0])
    pks = [contribution.pk for contribution in contributions]
    open_reports = Report.objects.filter(
        content_type=content_type, object_id__in=pks, resolved_at__isnull=True
    )
    reported = set(open_reports.values_list("object_id", flat=True))
    open_reports.update(resolved_at=timezone.now(), resolution=Resolution.HIDDEN)
    model.objects.filter(pk__in=pks).update(
        status=Status.HIDDEN, hidden_reason=HiddenReason.MODERATION, moderation_reason=reason
    )
    note = _("Teilnehmer:in gesperrt")
    ModerationLogEntry.objects.bulk_create(
        ModerationLogEntry(
            moderator=moderator,
            action=Action.REPORTS_UPHELD if pk in reported else Action.HIDE,
            content_type=content_type,
            object_id=pk,
            reason=reason,
            note=note,
        )
        for pk in pks
    )
    if model is Comment:  # an update() sends no post_save
        for key in {(c.content_type_id, c.object_id, c.paragraph_key) for c in contributions}:
            fragments.discussion_changed(
                content_type_id=key[0], object_id=key[1], paragraph_key=key[2]
            )
    return len(contributions)


@transaction.atomic
def participant_unblock(*, participant: Participant, moderator: User, note: str = "") -> None:
    """Lifts the block; hidden contributions stay hidden until restored one by one."""
    _lock(participant)
    if not participant.is_blocked:
        raise ModerationRefused(_("Diese Person ist nicht gesperrt."))
    participant.blocked_at = None
    participant.save(update_fields=["blocked_at"])
    _log(participant, moderator=moderator, action=Action.UNBLOCK, note=note)


# --- Bulk actions and the digest -------------------------------------------------------------


class BulkAction:
    APPROVE = "approve"
    REJECT = "reject"
    HIDE = "hide"
    CATEGORISE = "categorise"


def items_bulk_apply(
    *,
    items: Iterable[QueueItem],
    action: str,
    moderator: User,
    reason: str = "",
    categories: Iterable[ModerationCategory] = (),
) -> tuple[int, int]:
    """Applies one decision to many queue items; those it does not fit are skipped.
    Returns (done, skipped)."""
    categories = list(categories)
    if action in (BulkAction.REJECT, BulkAction.HIDE):
        _check_reason(reason)
    if action == BulkAction.CATEGORISE and not categories:
        raise ModerationRefused(_("Bitte wählen Sie mindestens eine Kategorie."))
    done = skipped = 0
    for item in items:
        try:
            if action == BulkAction.APPROVE:
                item_approve(item=item, moderator=moderator)
            elif action == BulkAction.REJECT:
                item_reject(item=item, moderator=moderator, reason=reason)
            elif action == BulkAction.HIDE and not isinstance(item, Answer):
                contribution_hide(contribution=item, moderator=moderator, reason=reason)
            elif action == BulkAction.CATEGORISE:
                own = [c for c in categories if c.consultation_id == item_consultation_id(item)]
                if not own:
                    raise ModerationRefused("")
                item_add_categories(item=item, categories=own, moderator=moderator)
            else:
                raise ModerationRefused("")
        except ModerationRefused:
            skipped += 1
        else:
            done += 1
    return done, skipped


def digest_subscribe(*, user: User) -> None:
    DigestSubscription.objects.get_or_create(user=user)


def digest_unsubscribe(*, user: User) -> None:
    DigestSubscription.objects.filter(user=user).delete()
