"""Surveys: the page editors build, and the responses citizens and staff enter.

A response holds one answer row per answered question; choices (options chosen, matrix
cells, ranks) are rows of their own that reference option keys. Answer and choice rows
repeat the survey and question key so results are one GROUP BY over one table.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from participation.surveys.blocks import TEXT_FEATURES, SurveySectionsBlock
from participation.surveys.questions import SurveySchema


class Access(models.TextChoices):
    ANONYMOUS = "anonymous", _("ohne Konto möglich")
    ACCOUNT = "account", _("nur mit Konto")


class ResultsVisibility(models.TextChoices):
    NEVER = "never", _("nie öffentlich")
    AFTER_ANSWER = "after_answer", _("nach der eigenen Antwort")
    AFTER_CLOSE = "after_close", _("nach Ende der Umfrage")


class SurveyPage(RoutablePageMixin, Page):
    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)
    thank_you = RichTextField(_("Dankestext"), features=TEXT_FEATURES, blank=True)
    follow_phases = models.BooleanField(
        _("Den Phasen des Beteiligungsverfahrens folgen"),
        default=True,
        help_text=_(
            "Offen, solange eine Phase „Umfragen beantworten“ erlaubt. Aus: Es gelten die "
            "Daten unten."
        ),
    )
    opens_at = models.DateTimeField(_("Beginn"), null=True, blank=True)
    closes_at = models.DateTimeField(_("Ende"), null=True, blank=True)
    access = models.CharField(
        _("Teilnahme"), max_length=12, choices=Access.choices, default=Access.ANONYMOUS
    )
    allow_edit = models.BooleanField(
        _("Antwort bis zum Ende änderbar"),
        default=False,
        help_text=_("Jede Person antwortet einmal; an: Sie darf ihre Antwort bis zum Ende ändern."),
    )
    results_visibility = models.CharField(
        _("Ergebnisse öffentlich"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_CLOSE,
    )
    sections = StreamField(SurveySectionsBlock(), verbose_name=_("Abschnitte und Fragen"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("sections"),
        FieldPanel("thank_you"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("follow_phases"),
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("access"),
                FieldPanel("allow_edit"),
                FieldPanel("results_visibility"),
            ],
            heading=_("Umfrage"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["consultations.ConsultationPage", "home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Umfrage")
        verbose_name_plural = _("Umfragen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_it_opens",
            )
        ]

    def clean(self):
        super().clean()
        # Keys are block ids; a body built in code may come without them (see ConceptDocumentPage).
        for section in self.sections:
            for question in section.value["questions"]:
                for name in ("options", "statements"):
                    if name in question.value:
                        question.value[name].bound_blocks  # noqa: B018

    @cached_property
    def schema(self) -> SurveySchema:
        return SurveySchema.from_stream(self.sections)

    @path("ergebnisse/", name="results")
    def results_view(self, request):
        from participation.surveys.results_views import results_page

        return results_page(request, self)


class Source(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("Papier")
    WORKSHOP = "workshop", _("Workshop")


class Response(models.Model):
    survey = models.ForeignKey(
        SurveyPage, verbose_name=_("Umfrage"), on_delete=models.CASCADE, related_name="responses"
    )
    # Online responses belong to a participant (one each); paper and workshop ones to none.
    participant = models.ForeignKey(
        "contributions.Participant",
        verbose_name=_("Teilnehmer:in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    source = models.CharField(
        _("Quelle"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    # Staff member who typed in a paper or workshop questionnaire.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("abgeschickt"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Antwortbogen")
        verbose_name_plural = _("Antwortbögen")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "participant"],
                condition=models.Q(participant__isnull=False),
                name="one_response_per_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(source="online", participant__isnull=False)
                | ~models.Q(source="online"),
                name="online_response_has_participant",
            ),
        ]
        indexes = [models.Index(fields=["survey", "source", "submitted_at"])]
        permissions = [
            ("add_paper_response", _("Antworten von Papierbögen und Workshops erfassen")),
            ("view_results", _("Umfrageergebnisse in der Verwaltung ansehen")),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class QuoteStatus(models.TextChoices):
    """Text answers may contain personal data: only approved ones are quoted publicly."""

    PENDING = "pending", _("wartet auf Prüfung")
    APPROVED = "approved", _("zum Zitieren freigegeben")
    REJECTED = "rejected", _("nicht zitierfähig")


class Answer(models.Model):
    """One question's answer in one response: its number, date or text, plus choice rows."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="+")
    question_key = models.CharField(max_length=64)
    number = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    # A text question's answer, or the free text of a chosen "Sonstiges".
    text = models.TextField(blank=True)
    quote_status = models.CharField(
        _("Zitierfreigabe"), max_length=10, choices=QuoteStatus.choices, blank=True
    )

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"], name="one_answer_per_question"
            )
        ]
        indexes = [
            models.Index(fields=["survey", "question_key"]),
            models.Index(fields=["survey", "quote_status"]),
        ]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_key}"


class AnswerChoice(models.Model):
    """An option chosen; for a matrix, the option chosen in one statement's row; for a ranking,
    the rank given to one option (1 = first)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="choices")
    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="+")
    question_key = models.CharField(max_length=64)
    row_key = models.CharField(max_length=64, blank=True)
    option_key = models.CharField(max_length=64)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("Auswahl")
        verbose_name_plural = _("Auswahlen")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "row_key", "option_key"], name="one_choice_per_option"
            )
        ]
        indexes = [models.Index(fields=["survey", "question_key", "row_key", "option_key"])]

    def __str__(self) -> str:
        return f"{self.answer_id}/{self.row_key}/{self.option_key}"
