"""Moderation data: categories moderators code contributions with, the decision log and the
moderators' digest subscriptions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.contributions.models import ModerationReason


class ModerationCategory(models.Model):
    """A topic label moderators define per consultation (Radverkehr, Parken, ...).

    Comments, forum threads and survey text answers can carry several.
    """

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("Beteiligungsverfahren"),
        on_delete=models.CASCADE,
        related_name="moderation_categories",
    )
    name = models.CharField(_("Name"), max_length=60)
    comments = models.ManyToManyField(
        "contributions.Comment", blank=True, related_name="categories"
    )
    threads = models.ManyToManyField("contributions.Thread", blank=True, related_name="categories")
    answers = models.ManyToManyField("surveys.Answer", blank=True, related_name="categories")

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name"], name="one_category_name_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Action(models.TextChoices):
    APPROVE = "approve", _("freigegeben")
    REJECT = "reject", _("abgelehnt")
    HIDE = "hide", _("ausgeblendet")
    RESTORE = "restore", _("wiederhergestellt")
    HIGHLIGHT = "highlight", _("hervorgehoben")
    UNHIGHLIGHT = "unhighlight", _("Hervorhebung entfernt")
    OFFICIAL_RESPONSE = "official_response", _("Stellungnahme der Stadt geschrieben")
    CATEGORISE = "categorise", _("Kategorien geändert")
    NOTE = "note", _("interne Notiz")
    REPORTS_DISMISSED = "reports_dismissed", _("Meldungen verworfen")
    REPORTS_UPHELD = "reports_upheld", _("Meldungen bestätigt, ausgeblendet")
    QUOTE_APPROVE = "quote_approve", _("zum Zitieren freigegeben")
    QUOTE_REJECT = "quote_reject", _("nicht zum Zitieren freigegeben")
    BLOCK = "block", _("Teilnehmer:in gesperrt")
    UNBLOCK = "unblock", _("Sperre aufgehoben")


class ModerationLogEntry(models.Model):
    """One moderation decision: who, when, what, why. Never changed or deleted by moderation.

    The item is a comment, forum thread, survey answer or participant (for blocks).
    """

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Moderator:in"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)
    action = models.CharField(_("Aktion"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(
        _("Grund"), max_length=20, choices=ModerationReason.choices, blank=True
    )
    note = models.TextField(_("Notiz"), blank=True)

    class Meta:
        verbose_name = _("Moderationsprotokoll-Eintrag")
        verbose_name_plural = _("Moderationsprotokoll")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        permissions = [("moderate", _("Beiträge moderieren"))]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.content_type_id}/{self.object_id})"


class DigestSubscription(models.Model):
    """A moderator who asked for the daily email about waiting items (moderation_digest)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        on_delete=models.CASCADE,
        related_name="moderation_digest",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Abo der Moderations-Zusammenfassung")
        verbose_name_plural = _("Abos der Moderations-Zusammenfassung")

    def __str__(self) -> str:
        return str(self.user)
