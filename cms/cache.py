"""Shared caching of what is the same for every anonymous visitor, and nothing else.

`AnonymousPageCacheMiddleware` keeps Wagtail pages in the cache (Redis in production, shared by
all app servers) for PAGE_CACHE_SECONDS and serves them to later anonymous visitors. A response
is stored only when nothing in it can belong to one visitor:

- the request is a GET without a session or messages cookie (so no logged-in user, no
  participant with their own votes or pending contributions, no draft, no message);
- the page rendered no CSRF token (every form does) and set no cookie;
- it is a page served by Wagtail with status 200, and nothing marked it private.

The CSP nonce is the one per-request value in such a page: it is stored as a placeholder and
each cached answer gets a fresh one. Publishing, unpublishing or moving a page and every change
to a contribution start a new cache generation (counts shown on pages without forms may lag
by at most PAGE_CACHE_SECONDS).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac

GENERATION_KEY = "version:pages"
HEADER = "X-Page-Cache"
# Headers a stored page keeps; everything else is per request or added by outer middleware.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")


def placeholder(purpose: str) -> str:
    """Stands for a per-request value (CSP nonce, CSRF token) in stored HTML; derived from
    SECRET_KEY, so no text a visitor writes can contain it."""
    return salted_hmac("cms.cache.placeholder", purpose, algorithm="sha256").hexdigest()


def _nonce_placeholder() -> bytes:
    return placeholder("csp-nonce").encode()


def version_bump(version_key: str) -> None:
    """Everything stored for `version_key` is out of date; one cache write."""
    cache.set(version_key, uuid.uuid4().hex, None)


def versioned_get(key: str, version_key: str) -> tuple[dict | None, str | None]:
    """(what `versioned_set` stored under `key` if it is of the current version, else None;
    the current version) in one round trip."""
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    stored = found.get(key)
    if stored is not None and version is not None and stored.get("version") == version:
        return stored, version
    return None, version


def versioned_set(key: str, version_key: str, version: str | None, value: dict, timeout) -> None:
    """Stores `value` as made for `version` (what `versioned_get` returned before the work)."""
    if version is None:  # nothing bumped since the cache started (or the version was evicted)
        version = uuid.uuid4().hex
        cache.add(version_key, version, None)
        version = cache.get(version_key, version)
    cache.set(key, {**value, "version": version}, timeout)


def content_changed(**_kwargs) -> None:
    """Starts a new generation: every stored page is out of date (signal receiver)."""
    version_bump(GENERATION_KEY)


def _cookie_free(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:" + hashlib.sha256(address.encode()).hexdigest()


def _is_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name == "wagtail_serve"


def _shareable(request, response) -> bool:
    return (
        _is_page(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies  # CSRF (set whenever a token was rendered), session, messages
        and b"csrfmiddlewaretoken" not in response.content  # and, to be sure, no form's token
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        candidate = bool(seconds) and request.method == "GET" and _cookie_free(request)
        if candidate:
            key = _key(request)
            stored, generation = versioned_get(key, GENERATION_KEY)
            if stored is not None:
                return self._replay(request, stored)
        response = self.get_response(request)
        if candidate and _shareable(request, response):
            versioned_set(
                key, GENERATION_KEY, generation, self._storable(request, response), seconds
            )
            response[HEADER] = "miss"
            if getattr(settings, "WAGTAILFRONTENDCACHE", None):
                patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        elif _is_page(request):
            # Rendered for this visitor: no proxy or CDN in front may keep it for others.
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _storable(request, response) -> dict:
        content = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if nonce:  # LazyNonce: true once a template used it
            content = content.replace(str(nonce).encode(), _nonce_placeholder())
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        return {"content": content, "headers": headers}

    @staticmethod
    def _replay(request, stored: dict) -> HttpResponse:
        content = stored["content"]
        if _nonce_placeholder() in content:
            content = content.replace(_nonce_placeholder(), str(request._csp_nonce).encode())
        response = HttpResponse(content)
        for name, value in stored["headers"].items():
            response[name] = value
        response[HEADER] = "hit"
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
            )
        return response
