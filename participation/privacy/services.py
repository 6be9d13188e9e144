"""Writes for data protection (DSGVO): deleting an account, ending its sessions, and the
retention job (`python manage.py purge_expired`)."""

from dataclasses import dataclass
from datetime import date, timedelta
from importlib import import_module

from captcha.models import CaptchaStore
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import BaseLogEntry, ModelLogEntry

from participation.accounts.models import User
from participation.contributions.models import Comment, Participant, Thread
from participation.privacy.selectors import (
    anonymous_participants_past_retention,
    participant_sources,
    participants_without_contributions,
)
from participation.surveys import services as survey_services
from participation.surveys.models import Response

# Sessions noted per user, so they can be ended with any session engine (the cache engine
# cannot be searched). Kept as long as a session can live.
SESSIONS_CACHE_KEY = "privacy:sessions:{user_id}"
SESSIONS_REMEMBERED = 50


def _session_store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_remember(*, user: User, session_key: str) -> None:
    key = SESSIONS_CACHE_KEY.format(user_id=user.pk)
    keys = [k for k in cache.get(key, []) if k != session_key][-(SESSIONS_REMEMBERED - 1) :]
    cache.set(key, [*keys, session_key], timeout=settings.SESSION_COOKIE_AGE)


def _session_keys_of(user: User) -> set[str]:
    """Every session logged in as this user: the ones noted at login (any engine) and, when
    sessions live in the database, every stored session whose user id is this user's."""
    keys = set(cache.get(SESSIONS_CACHE_KEY.format(user_id=user.pk), []))
    store_class = _session_store_class()
    if hasattr(store_class, "get_model_class"):  # the db and cached_db engines
        store = store_class()
        stored = (
            store_class.get_model_class()
            .objects.filter(expire_date__gt=timezone.now())
            .values_list("session_key", "session_data")
        )
        user_id = str(user.pk)
        for session_key, session_data in stored.iterator(chunk_size=2000):
            if str(store.decode(session_data).get(SESSION_KEY)) == user_id:
                keys.add(session_key)
    return keys


def sessions_end(*, user: User) -> int:
    """Logs the user out everywhere. Returns how many sessions were ended."""
    store_class = _session_store_class()
    keys = _session_keys_of(user)
    for session_key in keys:
        store_class(session_key).delete()
    cache.delete(SESSIONS_CACHE_KEY.format(user_id=user.pk))
    return len(keys)


def participant_contributions_withdraw(*, participant: Participant) -> None:
    """The person's comments and threads are blanked as when an author deletes one (text
    gone, `deleted_at` set; where replies exist a "gelöscht" placeholder stays, otherwise
    they no longer show), and every other row of theirs (votes, reports, ...) is deleted."""
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        deleted_title = _("Gelöschter Beitrag")
    Comment.objects.filter(participant=participant).update(
        text="", deleted_at=Coalesce(F("deleted_at"), Value(now)), notify_on_reply=False
    )
    Thread.objects.filter(participant=participant).update(
        text="", title=deleted_title, deleted_at=Coalesce(F("deleted_at"), Value(now))
    )
    for source in participant_sources():
        if source.model is Response:
            survey_services.responses_delete(participant=participant)
        elif source.model not in (Comment, Thread):
            source.model._default_manager.filter(**{source.via: participant}).delete()


def _audit_log_unlink(*, user: User) -> None:
    """Wagtail's audit log keeps a user id without a database constraint (DO_NOTHING), and an
    entry about the account itself carries its name as the label."""
    for model in apps.get_models():
        if issubclass(model, BaseLogEntry):
            model.objects.filter(user_id=user.pk).update(user=None)
    with translation.override(settings.LANGUAGE_CODE):
        label = _("Gelöschtes Konto")
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User, for_concrete_model=False),
        object_id=str(user.pk),
    ).update(label=label, data={})


def account_delete(*, user: User, keep_contributions: bool) -> None:
    """Deletes the account: the user row with name, email addresses and profile; every
    session of it. Contributions stay under "Gelöschtes Konto" (`keep_contributions`) or are
    withdrawn. Either way the participant row keeps no link to the person."""
    with transaction.atomic():
        participant = Participant.objects.select_for_update().filter(user=user).first()
        if participant is not None:
            if not keep_contributions:
                participant_contributions_withdraw(participant=participant)
            Comment.objects.filter(participant=participant).update(notify_on_reply=False)
            participant.user = None
            participant.session_token = None
            participant.guest_name = ""
            participant.account_deleted = True
            participant.save(
                update_fields=["user", "session_token", "guest_name", "account_deleted"]
            )
        _audit_log_unlink(user=user)
        sessions_end(user=user)
        user.delete()


# --- Retention -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantsPurged:
    tokens_removed: int
    participants_deleted: int


def participants_purge_expired(
    *, today: date | None = None, retention_days: int | None = None
) -> ParticipantsPurged:
    """Unlinks anonymous participants from their sessions once the retention period after
    the end of their consultations has passed (their contributions stay, under the name they
    gave), and deletes participants without an account or any contribution that are older
    than the retention period."""
    today = today or timezone.localdate()
    if retention_days is None:
        retention_days = settings.PRIVACY_ANONYMOUS_TOKEN_RETENTION_DAYS
    cutoff = timezone.now() - timedelta(days=retention_days)
    with transaction.atomic():
        _total, deleted = participants_without_contributions(created_before=cutoff).delete()
        expired = anonymous_participants_past_retention(today=today, retention_days=retention_days)
        unlinked = 0
        for start in range(0, len(expired), 500):
            chunk = expired[start : start + 500]
            unlinked += Participant.objects.filter(pk__in=chunk).update(session_token=None)
    return ParticipantsPurged(
        tokens_removed=unlinked,
        participants_deleted=deleted.get(Participant._meta.label, 0),
    )


def captchas_purge_expired() -> int:
    expired = CaptchaStore.objects.filter(expiration__lte=timezone.now()).count()
    CaptchaStore.remove_expired()
    return expired


def sessions_purge_expired() -> int | None:
    """Like `clearsessions`. Returns the number removed, or None where the engine keeps no
    countable store (cache sessions expire by themselves)."""
    store_class = _session_store_class()
    counted = None
    if hasattr(store_class, "get_model_class"):
        counted = (
            store_class.get_model_class().objects.filter(expire_date__lt=timezone.now()).count()
        )
    try:
        store_class.clear_expired()
    except NotImplementedError:
        return None
    return counted
