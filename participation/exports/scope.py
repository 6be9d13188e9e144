"""What belongs to one consultation's exports and dashboard: one definition for both.

The export tables and the dashboard count from these querysets, so their figures agree.
Contributions deleted by their author are never exported; hidden and rejected ones only when
moderated items are asked for.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page

from participation.consultations.models import ConsultationPage, ForumPage
from participation.contributions.models import Comment, Status, Thread, Vote
from participation.surveys.models import Response, SurveyPage

MODERATED_STATUSES = (Status.HIDDEN, Status.REJECTED)


def _visible(queryset: QuerySet, include_moderated: bool) -> QuerySet:
    queryset = queryset.filter(deleted_at__isnull=True)
    if not include_moderated:
        queryset = queryset.exclude(status__in=MODERATED_STATUSES)
    return queryset


def consultation_pages(consultation: ConsultationPage) -> QuerySet:
    return Page.objects.descendant_of(consultation, inclusive=True)


def consultation_comments(
    consultation: ConsultationPage, *, include_moderated: bool = False
) -> QuerySet:
    return _visible(Comment.objects.filter(consultation=consultation), include_moderated)


def consultation_threads(
    consultation: ConsultationPage, *, include_moderated: bool = False
) -> QuerySet:
    forums = ForumPage.objects.descendant_of(consultation).values("pk")
    return _visible(Thread.objects.filter(forum__in=forums), include_moderated)


def consultation_votes(
    consultation: ConsultationPage, *, include_moderated: bool = False
) -> QuerySet:
    """Up and down votes on the exported comments, supports of its threads and topics."""
    types = ContentType.objects.get_for_models(Comment, Thread, Page)
    return Vote.objects.filter(
        Q(
            content_type=types[Comment],
            object_id__in=consultation_comments(
                consultation, include_moderated=include_moderated
            ).values("pk"),
        )
        | Q(
            content_type=types[Thread],
            object_id__in=consultation_threads(
                consultation, include_moderated=include_moderated
            ).values("pk"),
        )
        | Q(content_type=types[Page], object_id__in=consultation_pages(consultation).values("pk"))
    )


def consultation_surveys(consultation: ConsultationPage) -> QuerySet:
    return SurveyPage.objects.descendant_of(consultation).order_by("path")


def survey_responses(survey: SurveyPage) -> QuerySet:
    return Response.objects.filter(survey=survey)


def survey_responses_of(surveys: QuerySet) -> QuerySet:
    """Responses to any of `surveys` (a queryset of survey ids)."""
    return Response.objects.filter(survey__in=surveys)
