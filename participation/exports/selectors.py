"""The planners' dashboard: key figures and breakdowns of one consultation.

Everything is counted from the querysets the exports use (participation/exports/scope.py),
so a figure here is the number of rows the matching export has. A fixed number of queries,
whatever the amount of content.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from participation.consultations.models import ConceptDocumentPage, ConsultationPage, TopicPage
from participation.contributions.models import Comment, Participant
from participation.exports import scope
from participation.exports.tables import excerpt
from participation.surveys.models import Source, SurveyPage

TOP_PARAGRAPHS = 10


@dataclass(frozen=True)
class KeyFigures:
    participants_registered: int
    participants_anonymous: int
    comments: int
    threads: int
    votes: int  # up and down votes on comments
    supports: int  # supports of topics and threads
    responses: int  # all sources
    paper_responses: int  # paper and workshop

    @property
    def participants(self) -> int:
        return self.participants_registered + self.participants_anonymous


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
    per_phase: list[LabelledCount]  # contributions
    top_paragraphs: list[ParagraphCount]
    surveys: list[SurveyFigures]


def key_figures(consultation: ConsultationPage) -> KeyFigures:
    comments = scope.consultation_comments(consultation)
    threads = scope.consultation_threads(consultation)
    votes = scope.consultation_votes(consultation)
    comment_type = ContentType.objects.get_for_model(Comment)
    vote_counts = votes.aggregate(
        votes=Count("pk", filter=Q(content_type=comment_type)),
        supports=Count("pk", filter=~Q(content_type=comment_type)),
    )
    survey_ids = scope.consultation_surveys(consultation).values("pk")
    response_counts = scope.survey_responses_of(survey_ids).aggregate(
        total=Count("pk"), paper=Count("pk", filter=~Q(source=Source.ONLINE))
    )
    participants = Participant.objects.filter(
        Q(pk__in=comments.values("participant_id"))
        | Q(pk__in=threads.values("participant_id"))
        | Q(pk__in=votes.values("participant_id"))
        | Q(pk__in=scope.survey_responses_of(survey_ids).values("participant_id"))
    ).aggregate(
        registered=Count("pk", filter=Q(user__isnull=False) | Q(account_deleted=True)),
        anonymous=Count("pk", filter=Q(user__isnull=True, account_deleted=False)),
    )
    return KeyFigures(
        participants_registered=participants["registered"],
        participants_anonymous=participants["anonymous"],
        comments=comments.count(),
        threads=threads.count(),
        votes=vote_counts["votes"],
        supports=vote_counts["supports"],
        responses=response_counts["total"],
        paper_responses=response_counts["paper"],
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
                    text = getattr(paragraph.text, "source", str(paragraph.text))
                    paragraphs.append(
                        ParagraphCount(
                            document.title,
                            paragraph.number,
                            excerpt(f"{paragraph.heading} {strip_tags(text)}", 90),
                            count,
                        )
                    )
    paragraphs.sort(key=lambda paragraph: -paragraph.comments)
    return Dashboard(
        figures=key_figures(consultation),
        per_day=[(day, days[day]) for day in _day_range(consultation, days)],
        per_topic=[
            LabelledCount(topic.title, per_page[topic.pk], supports[topic.pk]) for topic in topics
        ],
        per_chapter=per_chapter,
        per_phase=[
            LabelledCount(
                phase.name,
                sum(n for day, n in days.items() if day and phase.start <= day <= phase.end),
            )
            for phase in consultation.timeline.phases
        ],
        top_paragraphs=paragraphs[:TOP_PARAGRAPHS],
        surveys=_survey_figures(consultation),
    )
