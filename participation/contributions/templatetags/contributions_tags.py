"""Discussions, support buttons and thread lists, embedded in any page's template."""

from django import template

from participation.contributions import fragments, selectors
from participation.contributions.forms import CommentForm
from participation.contributions.targets import Target
from participation.contributions.text import render_plain_text
from participation.contributions.views import DRAFT_PREFIX, needs_captcha

register = template.Library()


@register.filter
def citizen_text(text: str):
    return render_plain_text(text)


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)


def comment_form_for(request, target: Target, *, parent=None) -> CommentForm:
    draft = request.session.get(DRAFT_PREFIX + target.session_key, "")
    return CommentForm(
        initial={
            "text": draft,
            "paragraph_key": target.paragraph_key,
            "parent": parent.pk if parent else None,
        },
        # Where an account is required, the visitor logs in instead of solving a captcha.
        needs_captcha=needs_captcha(request) and target.rules.anonymous_allowed,
        defer_captcha_image=True,
        registered=request.user.is_authenticated,
    )


@register.inclusion_tag("contributions/includes/discussion.html", takes_context=True)
def discussion(context, obj, paragraph=None, level=2):
    """The discussion of a target; `level` is its heading level where it is embedded."""
    request = context["request"]
    target = Target(obj, paragraph)
    viewer = selectors.participant_get(request)
    focus = request.GET.get("kommentar")
    public_count, listing = fragments.listing(
        request,
        target,
        viewer,
        lambda: selectors.discussion_for(
            target,
            viewer=viewer,
            sort=request.GET.get("sortierung", selectors.DEFAULT_SORT),
            page_number=request.GET.get("seite", 1),
            focus_root_id=int(focus) if focus and focus.isdecimal() else None,
        ),
    )
    return {
        "request": request,
        "user": request.user,
        "public_count": public_count,
        "listing": listing,
        "level": level,
        "sublevel": level + 1,
        "target": target,
        "rules": target.rules,
        "form": comment_form_for(request, target),
    }


@register.simple_tag
def paragraph_counts(document) -> dict[str, int]:
    return selectors.paragraph_comment_counts(document)


@register.inclusion_tag("contributions/includes/support.html", takes_context=True)
def support_widget(context, obj):
    request = context["request"]
    return {
        "request": request,
        "obj": obj,
        "kind": "thema" if obj.__class__.__name__ == "Thread" else "seite",
        "support": selectors.support_for(obj, selectors.participant_get(request)),
        "rules": Target(obj).rules,
    }


@register.inclusion_tag("contributions/includes/thread_list.html", takes_context=True)
def forum_threads(context, forum):
    request = context["request"]
    topic = request.GET.get("impuls", "")
    threads, sort = selectors.threads_for(
        forum,
        viewer=selectors.participant_get(request),
        sort=request.GET.get("sortierung", selectors.DEFAULT_SORT),
        impulse_topic_id=int(topic) if topic.isdecimal() else None,
        page_number=request.GET.get("seite", 1),
    )
    return {
        "request": request,
        "forum": forum,
        "threads": threads,
        "sort": sort,
        "sorts": list(selectors.THREAD_SORTS),
        "impulse_topic": int(topic) if topic.isdecimal() else None,
        "impulse_topics": list(forum.impulse_topics.all()),
        "rules": Target(forum).rules,
    }
