"""What can be commented on or supported, and which rules apply there.

Targets are pages (consultation, topic, concept document or one of its paragraphs, news
article) and forum threads. The rules come from the consultation the target belongs to.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.models import NewsArticlePage
from participation.consultations.models import (
    ConceptDocumentPage,
    ConceptParagraph,
    ConsultationPage,
    ModerationMode,
    TopicPage,
)
from participation.consultations.phases import Action
from participation.contributions.models import Status, Thread

COMMENTABLE_PAGE_TYPES = (ConsultationPage, TopicPage, ConceptDocumentPage, NewsArticlePage)
SUPPORTABLE_PAGE_TYPES = (TopicPage,)


def content_type_of(obj) -> ContentType:
    """Pages are stored under Wagtail's base Page type, whatever their specific class."""
    return ContentType.objects.get_for_model(Page if isinstance(obj, Page) else type(obj))


@dataclass(frozen=True)
class Rules:
    consultation: ConsultationPage | None
    anonymous_allowed: bool
    pre_moderated: bool
    can_comment: bool
    can_vote: bool

    @property
    def closed_message(self) -> str:
        if self.consultation is None:
            return _("Kommentare sind hier geschlossen.")
        current = self.consultation.timeline.current
        if current is None:
            return _("Zurzeit läuft keine Beteiligungsphase. Sie können die Diskussion lesen.")
        return _(
            "In der Phase „%(phase)s“ ist das nicht möglich. Sie können die Diskussion lesen."
        ) % {"phase": current.name}


def consultation_of(page: Page) -> ConsultationPage | None:
    if isinstance(page, ConsultationPage):
        return page
    if isinstance(page, TopicPage):
        return page.consultation  # the one its template shows (phases loaded once)
    return ConsultationPage.objects.ancestor_of(page).first()


def consultation_rules(consultation: ConsultationPage) -> Rules:
    return Rules(
        consultation=consultation,
        anonymous_allowed=consultation.anonymous_participation,
        pre_moderated=consultation.moderation_mode == ModerationMode.PRE,
        can_comment=consultation.allows(Action.COMMENTING),
        can_vote=consultation.allows(Action.VOTING),
    )


def rules_for(page: Page) -> Rules:
    """Worked out once per page object: a page shows its rules in several places (support,
    discussion, thread list), each asking for them."""
    if "_contribution_rules" not in page.__dict__:
        consultation = consultation_of(page)
        if consultation is None:
            open_for_comments = getattr(page, "comments_open", True)
            rules = Rules(None, True, False, open_for_comments, open_for_comments)
        else:
            rules = consultation_rules(consultation)
        page.__dict__["_contribution_rules"] = rules
    return page.__dict__["_contribution_rules"]


@dataclass(frozen=True)
class Target:
    """Where a comment hangs: a page (optionally one concept paragraph) or a thread."""

    obj: Page | Thread
    paragraph: ConceptParagraph | None = None

    @property
    def kind(self) -> str:
        return "thema" if isinstance(self.obj, Thread) else "seite"

    @cached_property
    def page(self) -> Page:
        """The page the discussion is shown on (a thread's forum)."""
        return self.obj.forum if isinstance(self.obj, Thread) else self.obj

    @cached_property
    def rules(self) -> Rules:
        return rules_for(self.page)

    @cached_property
    def content_type(self) -> ContentType:
        return content_type_of(self.obj)

    @property
    def object_id(self) -> int:
        return self.obj.pk

    @property
    def paragraph_key(self) -> str:
        return self.paragraph.key if self.paragraph else ""

    @property
    def session_key(self) -> str:
        """Names this target in the session (drafts kept across a login)."""
        return f"{self.kind}-{self.object_id}-{self.paragraph_key}"

    @property
    def label(self) -> str:
        if self.paragraph:
            return _("Absatz %(number)s") % {"number": self.paragraph.number}
        return self.obj.title

    @property
    def url(self) -> str:
        if self.paragraph:
            return reverse("contributions:paragraph", args=[self.page.pk, self.paragraph.key])
        if isinstance(self.obj, Thread):
            return reverse("contributions:thread", args=[self.obj.forum_id, self.obj.pk])
        return self.obj.url

    @property
    def comment_url(self) -> str:
        return reverse("contributions:comment_create", args=[self.kind, self.object_id])


def resolve_target(kind: str, object_id: int, paragraph_key: str = "") -> Target:
    """The target named in a URL or form; 404 for anything that isn't a live target."""
    if kind == "thema":
        # Only published threads show their discussion; pending and hidden ones take none.
        thread = (
            Thread.objects.filter(pk=object_id, status=Status.PUBLISHED, deleted_at__isnull=True)
            .select_related("forum")
            .first()
        )
        if thread is None or not thread.forum.live or paragraph_key:
            raise Http404(_("Diesen Forumsbeitrag gibt es nicht."))
        return Target(thread)
    if kind != "seite":
        raise Http404
    page = Page.objects.live().public().filter(pk=object_id).specific().first()
    if not isinstance(page, COMMENTABLE_PAGE_TYPES):
        raise Http404(_("Hier kann nicht kommentiert werden."))
    if not paragraph_key:
        return Target(page)
    paragraph = page.paragraph(paragraph_key) if isinstance(page, ConceptDocumentPage) else None
    if paragraph is None:
        raise Http404(_("Diesen Absatz gibt es nicht."))
    return Target(page, paragraph)


def support_target(kind: str, object_id: int) -> Page | Thread:
    """A topic page or a thread that citizens can support; 404 otherwise."""
    if kind == "thema":
        return resolve_target(kind, object_id).obj
    page = Page.objects.live().public().filter(pk=object_id).specific().first()
    if not isinstance(page, SUPPORTABLE_PAGE_TYPES):
        raise Http404
    return page
