"""Citizens' contributions: participants, comments, forum threads, votes and reports.

Every contribution points to a Participant, so "one vote per participant" is a unique
constraint and deleting a person's data is deleting or blanking one participant. No IP
address and no hash of one is stored anywhere.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


def _guest_number() -> str:
    return f"{secrets.randbelow(9000) + 1000}"


class Participant(models.Model):
    """One person taking part: a registered user, or an anonymous visitor's session."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
    )
    # Random token kept in the anonymous visitor's session; nothing else identifies them.
    session_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    guest_name = models.CharField(_("Name für diese Sitzung"), max_length=60, blank=True)
    guest_number = models.CharField(max_length=4, default=_guest_number, editable=False)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    # Set when the person deleted their account but let their contributions stay.
    account_deleted = models.BooleanField(_("Konto gelöscht"), default=False)
    # Set by moderation: a blocked participant cannot contribute, vote or answer any more.
    blocked_at = models.DateTimeField(_("gesperrt seit"), null=True, blank=True)

    class Meta:
        verbose_name = _("Teilnehmer:in")
        verbose_name_plural = _("Teilnehmende")

    def __str__(self) -> str:
        return str(self.public_name)

    @property
    def public_name(self) -> str:
        if self.user_id:
            return self.user.public_name
        if self.account_deleted:
            return _("Gelöschtes Konto")
        return self.guest_name or _("Gast %(number)s") % {"number": self.guest_number}

    @property
    def is_registered(self) -> bool:
        return self.user_id is not None

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None


class Status(models.TextChoices):
    PENDING = "pending", _("wartet auf Prüfung")
    PUBLISHED = "published", _("veröffentlicht")
    HIDDEN = "hidden", _("ausgeblendet")
    REJECTED = "rejected", _("abgelehnt")


class HiddenReason(models.TextChoices):
    REPORTS = "reports", _("mehrfach gemeldet, wird geprüft")
    MODERATION = "moderation", _("Verstoß gegen die Netiquette")


class ModerationReason(models.TextChoices):
    """Why moderation rejected or hid a contribution; shown publicly with a hidden one."""

    INSULT = "insult", _("Beleidigung oder herabwürdigende Sprache")
    DISCRIMINATION = "discrimination", _("Diskriminierung oder Hetze")
    SPAM = "spam", _("Spam oder Werbung")
    PERSONAL_DATA = "personal_data", _("persönliche Daten Dritter")
    OFF_TOPIC = "off_topic", _("nicht zum Thema")
    UNLAWFUL = "unlawful", _("rechtswidriger Inhalt")
    OTHER = "other", _("sonstiger Verstoß gegen die Netiquette")


class Vote(models.Model):
    """An up (+1) or down (-1) vote on a comment, or a support (+1) for a topic or thread."""

    UP = 1
    DOWN = -1

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    value = models.SmallIntegerField(choices=[(UP, _("dafür")), (DOWN, _("dagegen"))])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stimme")
        verbose_name_plural = _("Stimmen")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "content_type", "object_id"], name="one_vote_per_target"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=[1, -1]), name="vote_is_up_or_down"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "value"])]

    def __str__(self) -> str:
        return f"{self.get_value_display()} ({self.content_type_id}/{self.object_id})"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam oder Werbung")
        INSULT = "insult", _("beleidigend oder herabwürdigend")
        OFF_TOPIC = "off_topic", _("nicht zum Thema")
        OTHER = "other", _("Sonstiges")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reports")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("Grund"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("Erläuterung"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    # Filled in by moderation when the report is dealt with.
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "content_type", "object_id"], name="one_report_per_item"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.content_type_id}/{self.object_id})"


class Contribution(models.Model):
    """What comments and threads share: author, text, moderation state, edit history."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("Teilnehmer:in"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("Text"))
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED
    )
    hidden_reason = models.CharField(max_length=12, choices=HiddenReason.choices, blank=True)
    # Set by moderation with a rejection or hiding; the public notice names it.
    moderation_reason = models.CharField(
        _("Grund der Moderation"), max_length=20, choices=ModerationReason.choices, blank=True
    )
    # The form's idempotency key: a double click or resubmission stores one contribution.
    submission_token = models.UUIDField()
    created_at = models.DateTimeField(_("erstellt"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("bearbeitet"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("vom Verfasser gelöscht"), null=True, blank=True)
    highlighted_at = models.DateTimeField(_("hervorgehoben"), null=True, blank=True)
    votes = GenericRelation(Vote)
    reports = GenericRelation(Report)

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_visible_to_public(self) -> bool:
        return self.status == Status.PUBLISHED and not self.is_deleted


class Thread(Contribution):
    """A discussion a citizen starts in a forum, under one of its impulse topics."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("Teilnehmer:in"),
        on_delete=models.PROTECT,
        related_name="threads",
    )
    forum = models.ForeignKey(
        "consultations.ForumPage",
        verbose_name=_("Forum"),
        on_delete=models.CASCADE,
        related_name="threads",
    )
    impulse_topic = models.ForeignKey(
        "consultations.ImpulseTopic",
        verbose_name=_("Impulsthema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threads",
    )
    title = models.CharField(_("Titel"), max_length=140)

    class Meta:
        verbose_name = _("Forumsbeitrag")
        verbose_name_plural = _("Forumsbeiträge")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "submission_token"], name="one_thread_per_submission"
            )
        ]
        indexes = [models.Index(fields=["forum", "status", "created_at"])]

    def __str__(self) -> str:
        return self.title


class Comment(Contribution):
    """A comment on a page (consultation, topic, news), a concept paragraph or a thread.

    The target is generic: a content type and object id (a page, or a thread), plus the
    paragraph's stable key when the comment is about one paragraph of a concept document.
    """

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("Teilnehmer:in"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    paragraph_key = models.CharField(_("Absatz"), max_length=64, blank=True)
    # The consultation the target belongs to (none for news): filters, exports and the
    # moderation queue select by it without resolving every target.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("Beteiligungsverfahren"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Antwort auf"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_replies",
    )
    # Replies are shown one level deep, under the top-level comment they belong to.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    notify_on_reply = models.BooleanField(_("bei Antworten benachrichtigen"), default=False)
    # A reply written by moderation on behalf of the town ("Stellungnahme der Stadt").
    is_official = models.BooleanField(_("Stellungnahme der Stadt"), default=False)

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "submission_token"], name="one_comment_per_submission"
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "paragraph_key", "status", "created_at"],
                name="comment_target_idx",
            ),
            models.Index(fields=["consultation", "status", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]
