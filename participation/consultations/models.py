"""Consultations and what they contain: phases, topics, the concept document and forums."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock, KeyFigureBlock
from participation.consultations.blocks import ConceptBodyBlock
from participation.consultations.phases import Action, Timeline


class ConsultationPageForm(WagtailAdminPageForm):
    """Phases may touch but not overlap, so "the current phase" is always one phase."""

    def clean(self):
        cleaned_data = super().clean()
        phase_forms = [
            form
            for form in self.formsets["phases"].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        ordered = sorted(phase_forms, key=lambda form: form.cleaned_data["start"])
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if later.cleaned_data["start"] <= earlier.cleaned_data["end"]:
                later.add_error(
                    "start",
                    _(
                        "Die Phase beginnt, bevor „%(name)s“ endet. "
                        "Phasen dürfen sich nicht überschneiden."
                    )
                    % {"name": earlier.cleaned_data["name"]},
                )
        return cleaned_data


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Vorab-Moderation: Beiträge erscheinen erst nach Prüfung")
    POST = "post", _("Nachträgliche Moderation: Beiträge erscheinen sofort")


class ConsultationPage(Page):
    teaser = models.TextField(_("Anreißer"), max_length=400)
    intro = StreamField(BaseStreamBlock(), verbose_name=_("Einführung"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_office = models.CharField(_("Zuständige Stelle"), max_length=200, blank=True)
    contact = models.TextField(_("Kontakt"), blank=True)
    anonymous_participation = models.BooleanField(
        _("Beteiligung ohne Konto erlaubt"),
        default=True,
        help_text=_(
            "Wenn aus: Zum Kommentieren, Abstimmen und für Umfragen ist ein Konto nötig. "
            "Wenn an: Der erste Beitrag einer Sitzung ist durch ein Captcha geschützt."
        ),
    )
    moderation_mode = models.CharField(
        _("Moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.POST,
    )

    base_form_class = ConsultationPageForm
    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("intro"),
        InlinePanel("phases", label=_("Phasen"), min_num=1, heading=_("Phasen")),
        MultiFieldPanel(
            [FieldPanel("anonymous_participation"), FieldPanel("moderation_mode")],
            heading=_("Beteiligung"),
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_office"), FieldPanel("contact")], heading=_("Kontakt")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "consultations.TopicPage",
        "consultations.ConceptDocumentPage",
        "consultations.ForumPage",
        "surveys.SurveyPage",
        "summaries.SummaryPage",
    ]
    template = "consultations/consultation_page.html"

    class Meta:
        verbose_name = _("Beteiligungsverfahren")
        verbose_name_plural = _("Beteiligungsverfahren")

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline.build(self.phases.all())

    def allows(self, action: Action) -> bool:
        return self.timeline.allows(action)

    def get_context(self, request, *args, **kwargs):
        from participation.consultations.selectors import consultation_contents

        context = super().get_context(request, *args, **kwargs)
        context["contents"] = consultation_contents(self)
        return context


class Phase(Orderable):
    consultation = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("Name"), max_length=80)
    start = models.DateField(_("Beginn"))
    end = models.DateField(_("Ende"), help_text=_("Der letzte Tag der Phase."))
    description = models.TextField(_("Beschreibung"), blank=True)
    allows_reading = models.BooleanField(_("Lesen"), default=True)
    allows_commenting = models.BooleanField(_("Kommentieren"), default=False)
    allows_voting = models.BooleanField(_("Abstimmen und Unterstützen"), default=False)
    allows_surveys = models.BooleanField(_("Umfragen beantworten"), default=False)
    allows_results = models.BooleanField(_("Ergebnisse zeigen"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("allows_reading"),
                FieldPanel("allows_commenting"),
                FieldPanel("allows_voting"),
                FieldPanel("allows_surveys"),
                FieldPanel("allows_results"),
            ],
            heading=_("In dieser Phase erlaubt"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Phase")
        verbose_name_plural = _("Phasen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="phase_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Das Ende darf nicht vor dem Beginn liegen.")})

    def allows(self, action: Action) -> bool:
        return getattr(self, f"allows_{action}")

    @property
    def allowed_actions(self) -> list[Action]:
        return [action for action in Action if self.allows(action)]


class TopicPage(Page):
    """A Themenfeld of the consultation: text, figures, and (later) comments and support."""

    teaser = models.TextField(_("Anreißer"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"))
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("Kennzahlen"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("key_figures"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types: list[str] = []
    template = "consultations/topic_page.html"

    class Meta:
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")

    @cached_property
    def consultation(self) -> ConsultationPage:
        return ConsultationPage.objects.parent_of(self).get()


@dataclass(frozen=True)
class ConceptParagraph:
    key: str  # stable identity (the block id)
    number: str  # "3.2", changes when paragraphs move
    heading: str
    text: object  # RichText
    chapter_key: str

    @property
    def short_title(self) -> str:
        """The heading, or else the text's first ten words (heat map, result report)."""
        return self.heading or Truncator(strip_tags(str(self.text))).words(10)


@dataclass(frozen=True)
class ConceptChapter:
    key: str
    number: int
    title: str
    paragraphs: tuple[ConceptParagraph, ...]


class ConceptDocumentPage(Page):
    """The draft concept, as chapters of numbered paragraphs that can be commented one by one."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(ConceptBodyBlock(), verbose_name=_("Kapitel"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types: list[str] = []
    template = "consultations/concept_document_page.html"

    class Meta:
        verbose_name = _("Konzeptdokument")
        verbose_name_plural = _("Konzeptdokumente")

    def clean(self):
        super().clean()
        # Paragraph keys are block ids. A body built in code may come without ids, and Wagtail
        # would then invent new ones on every load; binding every block now makes the save
        # (and the revision) store an id for each chapter and paragraph.
        for chapter in self.body:
            chapter.value["paragraphs"].bound_blocks  # noqa: B018

    @cached_property
    def chapters(self) -> tuple[ConceptChapter, ...]:
        chapters = []
        for chapter_number, chapter in enumerate(self.body, start=1):
            paragraphs = tuple(
                ConceptParagraph(
                    key=str(child.id),
                    number=f"{chapter_number}.{paragraph_number}",
                    heading=child.value["heading"],
                    text=child.value["text"],
                    chapter_key=str(chapter.id),
                )
                for paragraph_number, child in enumerate(
                    chapter.value["paragraphs"].bound_blocks, start=1
                )
            )
            chapters.append(
                ConceptChapter(
                    key=str(chapter.id),
                    number=chapter_number,
                    title=chapter.value["title"],
                    paragraphs=paragraphs,
                )
            )
        return tuple(chapters)

    @property
    def paragraphs(self) -> list[ConceptParagraph]:
        return [paragraph for chapter in self.chapters for paragraph in chapter.paragraphs]

    def paragraph(self, key: str) -> ConceptParagraph | None:
        return next((p for p in self.paragraphs if p.key == key), None)


class ForumPage(Page):
    """A discussion space with impulse topics; citizens start threads in it."""

    intro = StreamField(BaseStreamBlock(), verbose_name=_("Einführung"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("impulse_topics", label=_("Impulsthema"), heading=_("Impulsthemen")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["consultations.ConsultationPage", "home.HomePage"]
    subpage_types: list[str] = []
    template = "consultations/forum_page.html"

    class Meta:
        verbose_name = _("Forum")
        verbose_name_plural = _("Foren")


class ImpulseTopic(Orderable):
    """A question the forum opens for discussion, e.g. "Arbeiten 4.0". Threads point to it."""

    forum = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="impulse_topics")
    title = models.CharField(_("Titel"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Impulsthema")
        verbose_name_plural = _("Impulsthemen")

    def __str__(self) -> str:
        return self.title
