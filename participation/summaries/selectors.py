"""Reads for the result report: the figures its blocks show, computed from the live data.

Every function returns plain, JSON-ready values (dataclasses with `to_dict`/`from_dict` or
dicts), so a published report can store them and show them unchanged later. Each runs a
fixed number of queries, however much input the consultation has. The key figures come from
participation.exports.selectors: the report, the planners' dashboard and the exports count
the same things.
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from participation.consultations.models import ConceptDocumentPage, ConsultationPage, TopicPage
from participation.contributions.models import Comment, Status, Thread, Vote
from participation.contributions.selectors import (
    comment_permalink,
    heatmap,
    paragraph_comment_counts,
    thread_url,
)
from participation.exports import scope
from participation.moderation.models import ModerationCategory
from participation.surveys.models import Answer, QuoteStatus, SurveyPage
from participation.surveys.results import survey_results


def _public(queryset: QuerySet) -> QuerySet:
    return queryset.filter(status=Status.PUBLISHED, deleted_at__isnull=True)


# --- support ranking -------------------------------------------------------------------------


def support_ranking(consultation: ConsultationPage, *, limit: int) -> dict:
    """The most supported topics and forum threads, most support first."""
    content_types = ContentType.objects.get_for_models(Thread, Page)
    topics = list(TopicPage.objects.live().public().child_of(consultation).defer_streamfields())
    topic_support = dict(
        Vote.objects.filter(
            content_type=content_types[Page],
            object_id__in=[topic.pk for topic in topics],
            value=Vote.UP,
        )
        .values("object_id")
        .annotate(n=Count("pk"))
        .values_list("object_id", "n")
    )
    threads = (
        _public(scope.consultation_threads(consultation))
        .annotate(
            support=Count(
                "votes",
                filter=Q(votes__content_type=content_types[Thread], votes__value=Vote.UP),
            )
        )
        .order_by("-support", "created_at", "pk")[:limit]
    )
    ranked_topics = sorted(
        (
            {"title": topic.title, "url": topic.url, "count": topic_support.get(topic.pk, 0)}
            for topic in topics
        ),
        key=lambda row: -row["count"],
    )[:limit]
    return {
        "topics": ranked_topics,
        # Threads are citizens' text: stored by id, their titles are read when shown.
        "threads": [
            {"id": thread.pk, "url": thread_url(thread), "count": thread.support}
            for thread in threads
        ],
    }


def ranked_threads(rows: list[dict]) -> list[dict]:
    """The stored thread ranking with the current titles; threads that are no longer public
    (hidden, deleted by their author) are left out. One query."""
    titles = dict(
        _public(Thread.objects.filter(pk__in=[row["id"] for row in rows])).values_list(
            "pk", "title"
        )
    )
    return [{**row, "title": titles[row["id"]]} for row in rows if row["id"] in titles]


# --- categories ------------------------------------------------------------------------------


def comments_per_category(consultation: ConsultationPage) -> list[dict]:
    """Public comments and forum threads per moderation category, most first."""
    rows = (
        ModerationCategory.objects.filter(consultation=consultation)
        .annotate(
            comment_count=Count(
                "comments",
                filter=Q(comments__status=Status.PUBLISHED, comments__deleted_at__isnull=True),
                distinct=True,
            ),
            thread_count=Count(
                "threads",
                filter=Q(threads__status=Status.PUBLISHED, threads__deleted_at__isnull=True),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    return sorted(
        ({"name": row.name, "count": row.comment_count + row.thread_count} for row in rows),
        key=lambda row: -row["count"],
    )


# --- concept heat map ------------------------------------------------------------------------


def concept_document_of(
    consultation: ConsultationPage, document: Page | None = None
) -> ConceptDocumentPage | None:
    """The chosen concept document if it belongs to the consultation, else its first one."""
    documents = ConceptDocumentPage.objects.live().child_of(consultation).order_by("path")
    if document is not None:
        documents = documents.filter(pk=document.pk)
    return documents.first()


def paragraph_heatmap(document: ConceptDocumentPage) -> dict:
    """Public comments per paragraph of the concept document, shaded in five levels."""
    result = heatmap(document, paragraph_comment_counts(document))
    return {
        "document": {"title": document.title, "url": document.url},
        "maximum": result.maximum,
        "levels": [list(level) for level in result.levels],
        "chapters": [
            {
                "number": item.chapter.number,
                "title": item.chapter.title,
                "count": item.count,
                "paragraphs": [
                    {
                        "number": cell.paragraph.number,
                        "title": cell.paragraph.short_title,
                        "count": cell.count,
                        "level": cell.level,
                        "url": reverse(
                            "contributions:paragraph", args=[document.pk, cell.paragraph.key]
                        ),
                    }
                    for cell in item.paragraphs
                ],
            }
            for item in result.chapters
        ],
    }


# --- quotes ----------------------------------------------------------------------------------

COMMENT = "comment"
ANSWER = "answer"


def _quotable_comments(ids) -> QuerySet:
    return _public(Comment.objects.filter(pk__in=ids))


def _quotable_answers(ids) -> QuerySet:
    return Answer.objects.filter(pk__in=ids, quote_status=QuoteStatus.APPROVED).exclude(text="")


def _ids(items: list[dict], kind: str) -> list[int]:
    return [item["id"] for item in items if item["kind"] == kind]


def quotable_comment(comment_id: int) -> Comment | None:
    return _quotable_comments([comment_id]).first()


def quotable_answer(answer_id: int) -> Answer | None:
    return _quotable_answers([answer_id]).first()


def quote_sources(items: list[dict]) -> list[dict]:
    """Where each quoted item can be read in full: the comment's permalink, or the survey.
    Two queries, plus the target page of each quoted comment for its permalink."""
    comments = _quotable_comments(_ids(items, COMMENT)).select_related("content_type")
    answers = _quotable_answers(_ids(items, ANSWER)).select_related("survey")
    by_key = {(COMMENT, comment.pk): comment for comment in comments}
    by_key.update({(ANSWER, answer.pk): answer for answer in answers})
    sources = []
    for item in items:
        found = by_key.get((item["kind"], item["id"]))
        if found is None:
            continue
        if item["kind"] == COMMENT:
            sources.append({**item, "url": comment_permalink(found)})
        else:
            sources.append({**item, "url": found.survey.url, "survey_title": found.survey.title})
    return sources


@dataclass(frozen=True)
class Quote:
    text: str
    author: str
    created_at: object  # datetime
    url: str
    source: str  # "comment" or "answer"
    survey_title: str = ""


def quotes(sources: list[dict]) -> list[Quote]:
    """The quoted items that are still public, with their current text and author name
    (a person who deleted their account is no longer named). Two queries."""
    comment_ids, answer_ids = _ids(sources, COMMENT), _ids(sources, ANSWER)
    comments = (
        _quotable_comments(comment_ids).select_related("participant__user") if comment_ids else []
    )
    answers = (
        _quotable_answers(answer_ids).select_related("response__participant__user")
        if answer_ids
        else []
    )
    by_key = {(COMMENT, comment.pk): comment for comment in comments}
    by_key.update({(ANSWER, answer.pk): answer for answer in answers})
    result = []
    for source in sources:
        item = by_key.get((source["kind"], source["id"]))
        if item is None:
            continue
        if source["kind"] == COMMENT:
            author, created_at = item.participant.public_name, item.created_at
        else:
            participant = item.response.participant
            author = participant.public_name if participant else item.response.get_source_display()
            created_at = item.response.submitted_at
        result.append(
            Quote(
                text=item.text,
                author=str(author),
                created_at=created_at,
                url=source["url"],
                source=source["kind"],
                survey_title=source.get("survey_title", ""),
            )
        )
    return result


# --- survey question -------------------------------------------------------------------------


def survey_question_result(survey: SurveyPage, question_code: str) -> dict | None:
    """One question's result (counts, shares, statistics) as stored values."""
    question = survey.schema.by_code(question_code)
    if question is None:
        return None
    result = survey_results(survey).question(question.key)
    return asdict(result) if result is not None else None


# --- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One block of the report and the figures it shows (None for text)."""

    block: object  # StreamChild
    figures: object


def live_figures(page) -> dict[str, object]:
    """Every result block's figures computed now, keyed by block id. Addresses are written
    in the default language; templates show them in the reader's (`localized_url`)."""
    consultation = page.consultation
    if consultation is None:
        return {}
    with translation.override(settings.LANGUAGE_CODE):
        return {
            str(child.id): child.block.figures(child.value, consultation=consultation)
            for child in page.body
            if hasattr(child.block, "figures")
        }


def summary_sections(page, *, live: bool) -> list[Section]:
    """The report's blocks with their figures: live ones (preview, never published) or the
    ones frozen when it was published."""
    figures = live_figures(page) if live else page.frozen_figures
    return [Section(block=child, figures=figures.get(str(child.id))) for child in page.body]


def published_summary(consultation: ConsultationPage):
    """The consultation's published report, once a phase that shows results has begun."""
    from participation.summaries.models import SummaryPage

    timeline = consultation.timeline
    if not any(phase.allows_results and phase.start <= timeline.today for phase in timeline.phases):
        return None
    return (
        SummaryPage.objects.live()
        .public()
        .child_of(consultation)
        .defer_streamfields()
        .defer("frozen_figures")
        .order_by("path")
        .first()
    )
