"""Background exports: who asked for what, how far it has come, and where the file is."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class What(models.TextChoices):
    COMMENTS = "comments", _("Kommentare und Forumsbeiträge")
    VOTES = "votes", _("Stimmen und Unterstützungen (einzeln)")
    VOTE_TOTALS = "vote_totals", _("Stimmen und Unterstützungen je Ziel")
    RESPONSES = "responses", _("Umfrageantworten (eine Zeile je Antwortbogen)")
    AGGREGATES = "aggregates", _("Umfrageergebnisse (Anzahlen und Anteile)")
    CODEBOOK = "codebook", _("Codebuch")
    DATAPACKAGE = "datapackage", _("Datenpaket (alle Tabellen als CSV mit datapackage.json)")


SURVEY_WHATS = (What.RESPONSES, What.AGGREGATES)


class Format(models.TextChoices):
    CSV = "csv", _("CSV (Excel, Semikolon)")
    CSV_COMMA = "csv_comma", _("CSV (Komma, z. B. für R)")
    XLSX = "xlsx", _("Excel (XLSX)")
    JSON = "json", _("JSON")
    JSONL = "jsonl", _("JSON Lines")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("wartet")
    RUNNING = "running", _("läuft")
    DONE = "done", _("fertig")
    FAILED = "failed", _("fehlgeschlagen")


class ExportJob(models.Model):
    """An export too large for one request, written by a background task to EXPORTS_ROOT."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angefordert von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("Beteiligungsverfahren"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    survey = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("Umfrage"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    what = models.CharField(_("Inhalt"), max_length=12, choices=What.choices)
    format = models.CharField(_("Format"), max_length=10, choices=Format.choices)
    include_moderated = models.BooleanField(_("mit moderierten Beiträgen"), default=False)
    status = models.CharField(
        _("Stand"), max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_done = models.PositiveBigIntegerField(_("Zeilen fertig"), default=0)
    rows_total = models.PositiveBigIntegerField(_("Zeilen insgesamt"), default=0)
    # The file's name inside EXPORTS_ROOT (never under MEDIA_ROOT: exports are not public).
    file_name = models.CharField(max_length=200, blank=True)
    download_name = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("angefordert"), auto_now_add=True)
    finished_at = models.DateTimeField(_("fertig seit"), null=True, blank=True)
    expires_at = models.DateTimeField(_("gelöscht ab"))

    class Meta:
        verbose_name = _("Export")
        verbose_name_plural = _("Exporte")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"])]
        permissions = [
            ("export_results", _("Ergebnisse exportieren und die Auswertung ansehen")),
        ]

    def __str__(self) -> str:
        return f"{self.get_what_display()} ({self.get_format_display()})"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0
