"""The list of a discussion, rendered once for every anonymous visitor.

For a visitor without participant and without login, a discussion's comment list (sort links,
comments, vote buttons, "load more") is the same for everyone: it is kept in the cache for
DISCUSSION_CACHE_SECONDS and skips the list's queries and most of its rendering. Vote forms
carry a CSRF token; the stored HTML has a placeholder that is replaced by the visitor's own
token on the way out, so no visitor's token is ever stored or shown to another.

Every saved comment (new, edited, deleted, moderated) and every vote gives its discussion a
new version; a stored list of an older version is not used. Changes that bypass both (names
changed in a profile, bulk updates) show after at most DISCUSSION_CACHE_SECONDS.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.cache import placeholder, version_bump, versioned_get, versioned_set
from participation.contributions.targets import Target

TEMPLATE = "contributions/includes/comment_listing.html"


def _csrf_placeholder() -> str:
    return placeholder("csrf-token")


def version_key(content_type_id: int, object_id: int, paragraph_key: str) -> str:
    return f"discussion:version:{content_type_id}:{object_id}:{paragraph_key}"


def discussion_changed(*, content_type_id: int, object_id: int, paragraph_key: str) -> None:
    version_bump(version_key(content_type_id, object_id, paragraph_key))


def comment_saved(sender, instance, **_kwargs) -> None:
    """post_save receiver for Comment."""
    discussion_changed(
        content_type_id=instance.content_type_id,
        object_id=instance.object_id,
        paragraph_key=instance.paragraph_key,
    )


def _shared(request, viewer) -> bool:
    return (
        bool(settings.DISCUSSION_CACHE_SECONDS)
        and viewer is None
        and not (request.user.is_authenticated)
    )


def listing(request, target: Target, viewer, load: Callable) -> tuple[int, str]:
    """(published comments and replies, the list's HTML) for this request; `load()` returns
    the discussion (selectors.discussion_for) when the list has to be rendered."""
    shared = _shared(request, viewer)
    rules = target.rules
    if shared:
        versions = version_key(target.content_type.pk, target.object_id, target.paragraph_key)
        address = "|".join(
            [
                get_language(),
                request.get_full_path(),
                target.session_key,
                str((rules.can_vote, rules.can_comment, rules.anonymous_allowed)),
            ]
        )
        key = "discussion:list:" + hashlib.sha256(address.encode()).hexdigest()
        stored, version = versioned_get(key, versions)
        if stored is not None:
            return stored["count"], _with_token(request, stored["html"])
    result = load()
    html = render_to_string(
        TEMPLATE,
        {
            "request": request,
            "discussion": result,
            "target": target,
            "csrf_token": _csrf_placeholder(),
        },
    )
    if shared:
        stored = {"count": result.public_count, "html": html}
        versioned_set(key, versions, version, stored, settings.DISCUSSION_CACHE_SECONDS)
    return result.public_count, _with_token(request, html)


def _with_token(request, html: str) -> str:
    placeholder = _csrf_placeholder()
    if placeholder in html:
        html = html.replace(placeholder, get_token(request))
    return mark_safe(html)  # noqa: S308 - our own template's output
