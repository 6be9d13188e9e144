"""Reads of contributions shared by pages, fragments and (later) exports and moderation.

Every function runs a fixed number of queries, however many comments and votes there are.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.models import Page

from participation.consultations.models import ConceptDocumentPage
from participation.contributions.models import Comment, Participant, Status, Thread, Vote
from participation.contributions.services import SESSION_TOKEN_KEY
from participation.contributions.targets import (
    Rules,
    Target,
    consultation_rules,
    content_type_of,
)

COMMENTS_PER_PAGE = 20
THREADS_PER_PAGE = 20
COMMENT_SORTS = {
    "neu": ("-created_at", "-pk"),
    "alt": ("created_at", "pk"),
    "unterstuetzt": ("-up", "-created_at", "-pk"),
    "diskutiert": ("-reply_count", "-created_at", "-pk"),
}
THREAD_SORTS = {
    "neu": ("-created_at", "-pk"),
    "alt": ("created_at", "pk"),
    "unterstuetzt": ("-support", "-created_at", "-pk"),
    "diskutiert": ("-comment_count", "-created_at", "-pk"),
}
DEFAULT_SORT = "neu"


def participant_get(request) -> Participant | None:
    """The request's participant if they have contributed before; never creates one."""
    if request.user.is_authenticated:
        return Participant.objects.filter(user=request.user).first()
    token = request.session.get(SESSION_TOKEN_KEY)
    return Participant.objects.filter(session_token=token).first() if token else None


def _count(queryset: QuerySet, group_field: str):
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _votes_for(model) -> QuerySet:
    return Vote.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )


def _public_replies() -> QuerySet:
    return Comment.objects.filter(
        root=OuterRef("pk"), status=Status.PUBLISHED, deleted_at__isnull=True
    )


def _visible_to(viewer: Participant | None) -> Q:
    """Published and hidden items (hidden ones show as a notice), and the viewer's own pending."""
    visible = Q(status__in=[Status.PUBLISHED, Status.HIDDEN])
    if viewer is not None:
        visible |= Q(status=Status.PENDING, participant=viewer)
    return visible


def _comments_with_counts(queryset: QuerySet) -> QuerySet:
    votes = _votes_for(Comment)
    return queryset.select_related("participant__user").annotate(
        up=_count(votes.filter(value=Vote.UP), "object_id"),
        down=_count(votes.filter(value=Vote.DOWN), "object_id"),
        reply_count=_count(_public_replies(), "root"),
    )


def _target_comments(target: Target) -> QuerySet:
    return Comment.objects.filter(
        content_type=target.content_type,
        object_id=target.object_id,
        paragraph_key=target.paragraph_key,
    )


@dataclass(frozen=True)
class Discussion:
    target: object  # Target
    comments: PaginatorPage  # top-level comments, each with `.thread_replies`
    sort: str
    public_count: int  # published comments and replies
    viewer: Participant | None

    @property
    def sorts(self) -> list[str]:
        return list(COMMENT_SORTS)


def discussion_for(
    target: Target,
    *,
    viewer: Participant | None,
    sort: str = DEFAULT_SORT,
    page_number: int | str = 1,
    focus_root_id: int | None = None,
) -> Discussion:
    sort = sort if sort in COMMENT_SORTS else DEFAULT_SORT
    all_comments = _target_comments(target)
    roots = (
        _comments_with_counts(all_comments.filter(parent__isnull=True).filter(_visible_to(viewer)))
        # A deleted comment stays only while it has replies ("vom Verfasser gelöscht").
        .exclude(deleted_at__isnull=False, reply_count=0)
        .order_by(*COMMENT_SORTS[sort])
    )
    paginator = Paginator(roots, COMMENTS_PER_PAGE)
    if focus_root_id is not None and sort == DEFAULT_SORT:
        page_number = _page_of_root(roots, focus_root_id)
    comments = paginator.get_page(page_number)
    root_ids = [comment.pk for comment in comments]
    replies = list(
        _comments_with_counts(
            Comment.objects.filter(root_id__in=root_ids).filter(_visible_to(viewer))
        )
        .select_related("parent__participant__user")
        .order_by("created_at", "pk")
    )
    my_votes = _my_votes(viewer, [c.pk for c in comments] + [r.pk for r in replies])
    replies_by_root: dict[int, list[Comment]] = {}
    for reply in replies:
        reply.my_vote = my_votes.get(reply.pk, 0)
        replies_by_root.setdefault(reply.root_id, []).append(reply)
    for comment in comments:
        comment.my_vote = my_votes.get(comment.pk, 0)
        comment.thread_replies = replies_by_root.get(comment.pk, [])
    public_count = all_comments.filter(status=Status.PUBLISHED, deleted_at__isnull=True).count()
    return Discussion(
        target=target, comments=comments, sort=sort, public_count=public_count, viewer=viewer
    )


def _page_of_root(roots: QuerySet, root_id: int) -> int:
    """The page of the newest-first list that shows this top-level comment. Counts in the
    listed roots themselves, so deleted ones without replies and ties are counted as shown."""
    root = roots.filter(pk=root_id).values("created_at").first()
    if root is None:
        return 1
    newer = roots.filter(
        Q(created_at__gt=root["created_at"]) | Q(created_at=root["created_at"], pk__gt=root_id)
    ).count()
    return newer // COMMENTS_PER_PAGE + 1


def _my_votes(viewer: Participant | None, comment_ids: list[int]) -> dict[int, int]:
    if viewer is None or not comment_ids:
        return {}
    return dict(
        Vote.objects.filter(
            participant=viewer,
            content_type=ContentType.objects.get_for_model(Comment),
            object_id__in=comment_ids,
        ).values_list("object_id", "value")
    )


def paragraph_comment_counts(document: ConceptDocumentPage) -> dict[str, int]:
    """Published comments and replies per paragraph key, in one query."""
    rows = (
        Comment.objects.filter(
            content_type=content_type_of(document),
            object_id=document.pk,
            status=Status.PUBLISHED,
            deleted_at__isnull=True,
        )
        .exclude(paragraph_key="")
        .values("paragraph_key")
        .annotate(n=Count("pk"))
    )
    return {row["paragraph_key"]: row["n"] for row in rows}


@dataclass(frozen=True)
class Support:
    count: int
    mine: bool


def support_for(obj, viewer: Participant | None) -> Support:
    counts = Vote.objects.filter(
        content_type=content_type_of(obj), object_id=obj.pk, value=Vote.UP
    ).aggregate(
        total=Count("pk"),
        # pk=None matches nobody: a visitor without a participant has not supported.
        mine=Count("pk", filter=Q(participant_id=viewer.pk if viewer else None)),
    )
    return Support(count=counts["total"], mine=bool(counts["mine"]))


def threads_for(
    forum: Page,
    *,
    viewer: Participant | None,
    sort: str = DEFAULT_SORT,
    impulse_topic_id: int | None = None,
    page_number: int | str = 1,
) -> tuple[PaginatorPage, str]:
    sort = sort if sort in THREAD_SORTS else DEFAULT_SORT
    comments = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Thread),
        object_id=OuterRef("pk"),
        status=Status.PUBLISHED,
        deleted_at__isnull=True,
    )
    threads = (
        Thread.objects.filter(forum=forum)
        .filter(_visible_to(viewer))
        .exclude(deleted_at__isnull=False)
        .select_related("participant__user", "impulse_topic")
        .annotate(
            support=_count(_votes_for(Thread).filter(value=Vote.UP), "object_id"),
            comment_count=_count(comments, "object_id"),
        )
    )
    if impulse_topic_id:
        threads = threads.filter(impulse_topic_id=impulse_topic_id)
    paginator = Paginator(threads.order_by(*THREAD_SORTS[sort]), THREADS_PER_PAGE)
    return paginator.get_page(page_number), sort


def submitted_comment(*, participant: Participant, submission_token) -> Comment | None:
    """The comment a form with this token already stored, if any (double clicks)."""
    return Comment.objects.filter(
        participant=participant, submission_token=submission_token
    ).first()


def comment_target(comment: Comment) -> Target:
    """The target a stored comment belongs to (for permalinks and emails)."""
    if comment.content_type.model_class() is Thread:
        return Target(Thread.objects.select_related("forum").get(pk=comment.object_id))
    page = Page.objects.get(pk=comment.object_id).specific
    paragraph = page.paragraph(comment.paragraph_key) if comment.paragraph_key else None
    return Target(page, paragraph)


def comment_rules(comment: Comment) -> Rules:
    """The rules where a stored comment hangs. From the consultation stored with it (load it
    with select_related) without resolving the target page; news comments have none."""
    if comment.consultation is not None:
        return consultation_rules(comment.consultation)
    return comment_target(comment).rules


def comment_permalink(comment: Comment) -> str:
    """Shows the comment in its list, on the right page, scrolled to and highlighted."""
    root_id = comment.root_id or comment.pk
    return f"{comment_target(comment).url}?kommentar={root_id}#kommentar-{comment.pk}"


def thread_url(thread: Thread) -> str:
    return reverse("contributions:thread", args=[thread.forum_id, thread.pk])


@dataclass(frozen=True)
class VoteCounts:
    up: int
    down: int


def vote_counts(comment: Comment) -> VoteCounts:
    counts = Vote.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=comment.pk
    ).aggregate(
        up=Count("pk", filter=Q(value=Vote.UP)), down=Count("pk", filter=Q(value=Vote.DOWN))
    )
    return VoteCounts(up=counts["up"], down=counts["down"])


HEAT_LEVELS = 5


@dataclass(frozen=True)
class HeatParagraph:
    paragraph: object  # ConceptParagraph
    count: int
    level: int  # 0 (no comments) .. HEAT_LEVELS


@dataclass(frozen=True)
class HeatChapter:
    chapter: object  # ConceptChapter
    paragraphs: list[HeatParagraph]
    count: int


@dataclass(frozen=True)
class Heatmap:
    chapters: list[HeatChapter]
    maximum: int
    levels: list[tuple[int, int, int]]  # (level, from, to) for the legend


def heatmap(document: ConceptDocumentPage, counts: dict[str, int]) -> Heatmap:
    """Shades each paragraph by its comment count relative to the most-discussed one."""
    maximum = max(counts.values(), default=0)

    def level(count: int) -> int:
        if count == 0 or maximum == 0:
            return 0
        return max(1, -(-count * HEAT_LEVELS // maximum))  # ceiling division

    chapters = []
    for chapter in document.chapters:
        paragraphs = [
            HeatParagraph(p, counts.get(p.key, 0), level(counts.get(p.key, 0)))
            for p in chapter.paragraphs
        ]
        chapters.append(HeatChapter(chapter, paragraphs, sum(p.count for p in paragraphs)))
    legend = []
    for number in range(1, HEAT_LEVELS + 1):
        low = (number - 1) * maximum // HEAT_LEVELS + 1
        high = number * maximum // HEAT_LEVELS
        if maximum and low <= high:
            legend.append((number, low, high))
    return Heatmap(chapters=chapters, maximum=maximum, levels=legend)


@dataclass(frozen=True)
class ParagraphComments:
    paragraph: object  # ConceptParagraph
    comments: list[Comment]


def chapter_comments(document: ConceptDocumentPage, chapter) -> list[ParagraphComments]:
    """Published comments and replies on one chapter's paragraphs, oldest first, in one query."""
    keys = [paragraph.key for paragraph in chapter.paragraphs]
    comments = (
        Comment.objects.filter(
            content_type=content_type_of(document),
            object_id=document.pk,
            paragraph_key__in=keys,
            status=Status.PUBLISHED,
            deleted_at__isnull=True,
        )
        .select_related("participant__user", "parent__participant__user")
        .order_by("created_at", "pk")
    )
    by_key: dict[str, list[Comment]] = {}
    for comment in comments:
        by_key.setdefault(comment.paragraph_key, []).append(comment)
    return [ParagraphComments(p, by_key.get(p.key, [])) for p in chapter.paragraphs]
