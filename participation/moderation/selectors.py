"""Reads for the moderation queue: one list across comments, forum threads and survey text
answers, built as a UNION of three small queries so filters, sorting and paging happen in
the database. A page of the queue costs the same few queries however long the queue is.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from participation.consultations.models import ConsultationPage
from participation.contributions.models import Comment, Report, Status, Thread
from participation.contributions.targets import content_type_of
from participation.moderation.models import ModerationCategory, ModerationLogEntry
from participation.surveys.models import Answer, QuoteStatus

QUEUE_PAGE_SIZE = 50
KINDS = {"kommentar": Comment, "thema": Thread, "antwort": Answer}
WAITING = "waiting"
SORTS = {
    "meldungen": ("-open_reports", "created", "kind", "item_pk"),
    "aelteste": ("created", "kind", "item_pk"),
    "neueste": ("-created", "kind", "-item_pk"),
}
DEFAULT_SORT = "meldungen"


@dataclass(frozen=True)
class QueueFilters:
    consultation: ConsultationPage | None = None
    status: str = WAITING  # WAITING, one of Status, or "" for everything
    reported: bool = False
    category: ModerationCategory | None = None
    kind: str = ""  # a key of KINDS, or "" for all
    date_from: date | None = None
    date_to: date | None = None
    sort: str = DEFAULT_SORT


def _open_reports(model) -> Coalesce:
    reports = Report.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        resolved_at__isnull=True,
    )
    count = reports.order_by().values("object_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(count, output_field=IntegerField()), Value(0))


def _answer_state() -> Case:
    """A text answer's quote approval in the queue's terms (approved counts as published)."""
    return Case(
        When(quote_status=QuoteStatus.APPROVED, then=Value(Status.PUBLISHED)),
        When(quote_status=QuoteStatus.REJECTED, then=Value(Status.REJECTED)),
        default=Value(Status.PENDING),
        output_field=CharField(),
    )


def _rows(queryset: QuerySet, kind: str, *, created, reports, state) -> QuerySet:
    # Same annotations in the same order for every part of the UNION.
    return queryset.annotate(
        item_pk=F("pk"),
        kind=Value(kind, output_field=CharField()),
        created=created,
        open_reports=reports,
        state=state,
    ).values("item_pk", "kind", "created", "open_reports", "state")


def _filtered(queryset: QuerySet, filters: QueueFilters, page_field: str | None) -> QuerySet:
    if filters.consultation is not None:
        if page_field is None:
            queryset = queryset.filter(consultation=filters.consultation)
        else:
            queryset = queryset.filter(
                **{f"{page_field}__path__startswith": filters.consultation.path}
            )
    if filters.category is not None:
        queryset = queryset.filter(categories=filters.category)
    if filters.status == WAITING:
        queryset = queryset.filter(Q(state=Status.PENDING) | Q(open_reports__gt=0))
    elif filters.status:
        queryset = queryset.filter(state=filters.status)
    if filters.reported:
        queryset = queryset.filter(open_reports__gt=0)
    if filters.date_from:
        queryset = queryset.filter(created__date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(created__date__lte=filters.date_to)
    return queryset


def queue_rows(filters: QueueFilters) -> QuerySet:
    """(kind, pk, created, open reports, state) of every matching item, sorted."""
    parts = []
    if filters.kind in ("", "kommentar"):
        comments = _rows(
            Comment.objects.filter(deleted_at__isnull=True, is_official=False),
            "kommentar",
            created=F("created_at"),
            reports=_open_reports(Comment),
            state=F("status"),
        )
        parts.append(_filtered(comments, filters, None))
    if filters.kind in ("", "thema"):
        threads = _rows(
            Thread.objects.filter(deleted_at__isnull=True),
            "thema",
            created=F("created_at"),
            reports=_open_reports(Thread),
            state=F("status"),
        )
        parts.append(_filtered(threads, filters, "forum"))
    if filters.kind in ("", "antwort"):
        answers = _rows(
            Answer.objects.exclude(text=""),
            "antwort",
            created=F("response__submitted_at"),
            reports=Value(0, output_field=IntegerField()),
            state=_answer_state(),
        )
        parts.append(_filtered(answers, filters, "survey"))
    first, *others = [part.order_by() for part in parts]
    sort = filters.sort if filters.sort in SORTS else DEFAULT_SORT
    return first.union(*others, all=True).order_by(*SORTS[sort])


@dataclass
class QueueEntry:
    kind: str
    item: object  # Comment | Thread | Answer
    created: object
    reports: int
    state: str


def _load(kind: str, pks: list[int]) -> dict[int, object]:
    if not pks:
        return {}
    model = KINDS[kind]
    related = {
        "kommentar": ["participant__user", "consultation"],
        "thema": ["participant__user", "forum"],
        "antwort": ["survey", "response"],
    }[kind]
    objects = model.objects.filter(pk__in=pks).select_related(*related)
    return {obj.pk: obj for obj in objects.prefetch_related("categories")}


def queue_page(filters: QueueFilters, page_number: int | str = 1) -> PaginatorPage:
    """One page of the queue; each entry carries its loaded item with categories."""
    page = Paginator(queue_rows(filters), QUEUE_PAGE_SIZE).get_page(page_number)
    rows = list(page.object_list)
    loaded = {
        kind: _load(kind, [row["item_pk"] for row in rows if row["kind"] == kind]) for kind in KINDS
    }
    page.object_list = [
        QueueEntry(
            kind=row["kind"],
            item=loaded[row["kind"]][row["item_pk"]],
            created=row["created"],
            reports=row["open_reports"],
            state=row["state"],
        )
        for row in rows
    ]
    return page


def waiting_count() -> int:
    """Items waiting for a decision: pending, pending quote approval, or with open reports."""
    return queue_rows(QueueFilters()).count()


def item_get(kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    related = {Comment: ["participant__user"], Thread: ["participant__user", "forum"]}
    item = model.objects.filter(pk=pk).select_related(*related.get(model, ["survey"])).first()
    if item is None:
        raise Http404
    return item


def items_get(keys: list[tuple[str, int]]) -> list:
    """The queue items for ("kind", pk) pairs, in their order, one query per kind; pairs
    whose item no longer exists are left out."""
    querysets = {
        "kommentar": Comment.objects.all(),
        "thema": Thread.objects.select_related("forum"),
        "antwort": Answer.objects.select_related("survey"),
    }
    loaded = {}
    for kind in {kind for kind, _pk in keys}:
        pks = [pk for key_kind, pk in keys if key_kind == kind]
        loaded[kind] = querysets[kind].in_bulk(pks)
    return [loaded[kind][pk] for kind, pk in keys if pk in loaded[kind]]


def item_history(item) -> QuerySet:
    """Every decision on the item, newest first, with who took it."""
    return ModerationLogEntry.objects.filter(
        content_type=content_type_of(item), object_id=item.pk
    ).select_related("moderator")


def item_reports(item) -> QuerySet:
    return Report.objects.filter(content_type=content_type_of(item), object_id=item.pk).order_by(
        "resolved_at", "-created_at"
    )


def categories_of(consultation_id: int | None) -> QuerySet:
    return ModerationCategory.objects.filter(consultation_id=consultation_id)


@dataclass(frozen=True)
class WaitingSummary:
    comments: int
    threads: int
    answers: int
    reported: int

    @property
    def total(self) -> int:
        return self.comments + self.threads + self.answers


def waiting_summary() -> WaitingSummary:
    """What the moderators' digest reports: waiting items by kind, and how many are reported."""
    count = {kind: queue_rows(QueueFilters(kind=kind)).count() for kind in KINDS}
    return WaitingSummary(
        comments=count["kommentar"],
        threads=count["thema"],
        answers=count["antwort"],
        reported=queue_rows(QueueFilters(reported=True)).count(),
    )
