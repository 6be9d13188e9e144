"""A consultation's key figures (shown by the planners' dashboard and the result report) and
the dashboard's breakdowns.

Everything is counted from the querysets the exports use (participation/exports/scope.py),
so a figure here is the number of rows the matching export has. A fixed number of queries,
whatever the amount of content.
"""

from collections import Counter
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Page

from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    Phase,
    TopicPage,
)
from participation.contributions.models import Comment, Participant
from participation.exports import scope
from participation.exports.tables import paragraph_excerpt
from participation.surveys.models import Source, SurveyPage

TOP_PARAGRAPHS = 10


@dataclass(frozen=True)
class PhaseFigures:
    """What came in during one phase, by the day it came in."""

    name: str
    start: date
    end: date
    comments: int
    threads: int
    votes: int  # up and down votes on comments
    supports: int | None  # None: frozen in a report before it was counted per phase
    survey_responses: int

    @property
    def contributions(self) -> int:
        """Everything that came in (the dashboard's chart per phase)."""
        return (
            self.comments + self.threads + self.votes + (self.supports or 0) + self.survey_responses
        )

    def to_dict(self) -> dict:
        return {**asdict(self), "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, data: dict) -> "PhaseFigures":
        return cls(
            **{
                **{field.name: data.get(field.name) for field in fields(cls)},
                "start": date.fromisoformat(data["start"]),
                "end": date.fromisoformat(data["end"]),
            }
        )


@dataclass(frozen=True)
class KeyFigures:
    """What came in during a consultation: comments and replies, forum threads, votes on
    comments, supports of topics and threads, survey responses (online, on paper and from
    workshops) and the distinct participants behind them; in total and per phase.

    The result report stores these as a dict (`to_dict`) when it is published. Figures a
    report frozen earlier did not record read back as None (`from_dict`)."""

    participants: int
    participants_registered: int | None  # with an account (or one deleted since)
    participants_anonymous: int | None
    comments: int
    threads: int
    votes: int  # up and down votes on comments
    supports: int  # supports of topics and threads
    survey_responses: int  # all sources
    paper_responses: int | None  # paper and workshop
    phases: tuple[PhaseFigures, ...] = ()

    def to_dict(self) -> dict:
        return {**asdict(self), "phases": [phase.to_dict() for phase in self.phases]}

    @classmethod
    def from_dict(cls, data: dict) -> "KeyFigures":
        return cls(
            **{
                **{field.name: data.get(field.name) for field in fields(cls)},
                "phases": tuple(PhaseFigures.from_dict(phase) for phase in data.get("phases", ())),
            }
        )


@dataclass(frozen=True)
class LabelledCount:
    label: str
    first: int
    second: int = 0


@dataclass(frozen=True)
class ParagraphCount:
    document: str
    number: str
    excerpt: str
    comments: int


@dataclass(frozen=True)
class SurveyFigures:
    survey: SurveyPage
    responses: int
    by_source: dict[str, int]
    completion: float | None  # mean share of active questions answered per response


@dataclass(frozen=True)
class Dashboard:
    figures: KeyFigures
    per_day: list[tuple[date, int]]
    per_topic: list[LabelledCount]  # comments, supports
    per_chapter: list[LabelledCount]  # comments
    top_paragraphs: list[ParagraphCount]
    surveys: list[SurveyFigures]


def _in_phase(field: str, phase: Phase) -> Q:
    return Q(**{f"{field}__date__gte": phase.start, f"{field}__date__lte": phase.end})


def _per_phase(name: str, field: str, phases: tuple, only: Q | None = None) -> dict:
    """Aggregates counting, per phase, the rows (matching `only`) that came in during it."""
    only = only if only is not None else Q()
    return {
        f"{name}_{index}": Count("pk", filter=only & _in_phase(field, phase))
        for index, phase in enumerate(phases)
    }


def consultation_key_figures(consultation: ConsultationPage) -> KeyFigures:
    """The consultation's key figures, in total and per phase (by the day things came in).

    Counted from the export scope: what the exports contain without moderated items, so the
    dashboard, the exports and the result report agree. Six queries."""
    phases = consultation.timeline.phases
    comments = scope.consultation_comments(consultation)
    threads = scope.consultation_threads(consultation)
    votes = scope.consultation_votes(consultation)
    survey_ids = scope.consultation_surveys(consultation).values("pk")
    responses = scope.survey_responses_of(survey_ids)
    on_comments = Q(content_type=ContentType.objects.get_for_model(Comment))
    comment_counts = comments.aggregate(
        total=Count("pk"), **_per_phase("comments", "created_at", phases)
    )
    thread_counts = threads.aggregate(
        total=Count("pk"), **_per_phase("threads", "created_at", phases)
    )
    vote_counts = votes.aggregate(
        votes=Count("pk", filter=on_comments),
        supports=Count("pk", filter=~on_comments),
        **_per_phase("votes", "created_at", phases, on_comments),
        **_per_phase("supports", "created_at", phases, ~on_comments),
    )
    response_counts = responses.aggregate(
        total=Count("pk"),
        paper=Count("pk", filter=~Q(source=Source.ONLINE)),
        **_per_phase("responses", "submitted_at", phases),
    )
    participants = Participant.objects.filter(
        Q(pk__in=comments.values("participant_id"))
        | Q(pk__in=threads.values("participant_id"))
        | Q(pk__in=votes.values("participant_id"))
        | Q(pk__in=responses.values("participant_id"))
    ).aggregate(
        registered=Count("pk", filter=Q(user__isnull=False) | Q(account_deleted=True)),
        anonymous=Count("pk", filter=Q(user__isnull=True, account_deleted=False)),
    )
    return KeyFigures(
        participants=participants["registered"] + participants["anonymous"],
        participants_registered=participants["registered"],
        participants_anonymous=participants["anonymous"],
        comments=comment_counts["total"],
        threads=thread_counts["total"],
        votes=vote_counts["votes"],
        supports=vote_counts["supports"],
        survey_responses=response_counts["total"],
        paper_responses=response_counts["paper"],
        phases=tuple(
            PhaseFigures(
                name=phase.name,
                start=phase.start,
                end=phase.end,
                comments=comment_counts[f"comments_{index}"],
                threads=thread_counts[f"threads_{index}"],
                votes=vote_counts[f"votes_{index}"],
                supports=vote_counts[f"supports_{index}"],
                survey_responses=response_counts[f"responses_{index}"],
            )
            for index, phase in enumerate(phases)
        ),
    )


def _per_day(consultation: ConsultationPage) -> Counter:
    survey_ids = scope.consultation_surveys(consultation).values("pk")
    days: Counter = Counter()
    for queryset, field in (
        (scope.consultation_comments(consultation), "created_at"),
        (scope.consultation_threads(consultation), "created_at"),
        (scope.consultation_votes(consultation), "created_at"),
        (scope.survey_responses_of(survey_ids), "submitted_at"),
    ):
        for row in (
            queryset.order_by()
            .annotate(day=TruncDate(field, tzinfo=timezone.get_current_timezone()))
            .values("day")
            .annotate(n=Count("pk"))
        ):
            days[row["day"]] += row["n"]
    return days


def _day_range(consultation: ConsultationPage, days: Counter) -> list[date]:
    """Every day of the consultation (up to today), and any day with contributions."""
    timeline = consultation.timeline
    bounds = [day for day in days if day]
    if timeline.starts:
        bounds.append(timeline.starts)
        bounds.append(min(timeline.ends or timeline.today, timeline.today))
    if not bounds:
        return []
    first, last = min(bounds), max(bounds)
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def _page_counts(consultation: ConsultationPage) -> tuple[Counter, Counter, Counter]:
    """Comments per page, comments per (page, paragraph) and supports per page."""
    page_type = ContentType.objects.get_for_model(Page)
    comments = (
        scope.consultation_comments(consultation)
        .filter(content_type=page_type)
        .order_by()
        .values("object_id", "paragraph_key")
        .annotate(n=Count("pk"))
    )
    per_page, per_paragraph = Counter(), Counter()
    for row in comments:
        per_page[row["object_id"]] += row["n"]
        if row["paragraph_key"]:
            per_paragraph[(row["object_id"], row["paragraph_key"])] += row["n"]
    supports = Counter(
        dict(
            scope.consultation_votes(consultation)
            .filter(content_type=page_type)
            .order_by()
            .values("object_id")
            .annotate(n=Count("pk"))
            .values_list("object_id", "n")
        )
    )
    return per_page, per_paragraph, supports


def _survey_figures(consultation: ConsultationPage) -> list[SurveyFigures]:
    from participation.surveys.results import survey_results

    figures = []
    for survey in scope.consultation_surveys(consultation):
        results = survey_results(survey)
        active = [question for question in results.questions if not question.archived]
        answered = sum(question.answered for question in active)
        possible = results.respondents * len(active)
        figures.append(
            SurveyFigures(
                survey=survey,
                responses=results.respondents,
                by_source={source.label: source.count for source in results.by_source},
                completion=answered / possible if possible else None,
            )
        )
    return figures


def dashboard(consultation: ConsultationPage) -> Dashboard:
    days = _per_day(consultation)
    per_page, per_paragraph, supports = _page_counts(consultation)
    topics = TopicPage.objects.child_of(consultation).order_by("path").defer_streamfields()
    documents = list(ConceptDocumentPage.objects.descendant_of(consultation).order_by("path"))
    per_chapter, paragraphs = [], []
    for document in documents:
        for chapter in document.chapters:
            per_chapter.append(
                LabelledCount(
                    f"{chapter.number}. {chapter.title}",
                    sum(per_paragraph[(document.pk, p.key)] for p in chapter.paragraphs),
                )
            )
            for paragraph in chapter.paragraphs:
                if count := per_paragraph[(document.pk, paragraph.key)]:
                    paragraphs.append(
                        ParagraphCount(
                            document.title,
                            paragraph.number,
                            paragraph_excerpt(paragraph, 90),
                            count,
                        )
                    )
    paragraphs.sort(key=lambda paragraph: -paragraph.comments)
    return Dashboard(
        figures=consultation_key_figures(consultation),
        per_day=[(day, days[day]) for day in _day_range(consultation, days)],
        per_topic=[
            LabelledCount(topic.title, per_page[topic.pk], supports[topic.pk]) for topic in topics
        ],
        per_chapter=per_chapter,
        top_paragraphs=paragraphs[:TOP_PARAGRAPHS],
        surveys=_survey_figures(consultation),
    )
