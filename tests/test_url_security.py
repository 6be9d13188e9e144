"""Every URL that changes state refuses a POST without a CSRF token, and POST-only views refuse GET.

The test walks the whole URLconf, so a new endpoint is covered the day it is added, without
touching this file:

1. `django.urls.get_resolver()` is walked recursively through every include, the Wagtail
   admin (/admin/) and Wagtail's page-serving catch-all included. The German patterns are
   walked (the English ones under /en/ are the same views).
2. For every pattern an example address is built: an `<int:…>` part becomes the id of an
   existing object (a topic page), other converters the first of "x", "x-1" or a UUID that the
   converter accepts; regular-expression parts become a shortest matching string generated from
   the expression (`\\d+` also becomes that id). The address must resolve back to the same view,
   otherwise an earlier pattern shadows it and it cannot be reached at all.
3. POST without a CSRF token, as a logged-in superuser (so no login check stops the request
   before a forgotten token would matter): the answer must be 403, 404 or 405, never 2xx or
   3xx, and the number of rows in every table must be the same before and after. In practice
   CsrfViewMiddleware refuses every POST before the view runs; a view made `csrf_exempt`
   (Django REST framework's, in Wagtail's admin API) must refuse it by itself
   (DRF's SessionAuthentication does).
4. A view declared POST-only — Django's `require_POST` / `require_http_methods` without GET,
   or a class-based view without a `get` method — must answer GET with 405.
5. GET never changes the number of rows of any table, except those listed in
   `WRITTEN_BY_SHOWING` with their reason.

Limits: row counts do not see an UPDATE; the CSRF refusal in step 3 is what guarantees that no
view ran. Views that need a specific object to do anything are reached with one example id
only; their behaviour is tested where they are written.
"""

import re
import uuid
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

from participation.accounts.models import User
from tests.participation.consultations.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

# Tables that showing a page (a form, an error page) may add rows to; no action is taken.
WRITTEN_BY_SHOWING = {
    "django_session": "logging in the test client and visiting pages creates sessions",
    "captcha_captchastore": "every captcha shown is a new challenge",
    "wagtailadmin_editingsession": "Wagtail records who has a page open in the editor",
    "wagtailcore_pagesubscription": "Wagtail subscribes an editor to comment notifications",
    "wagtailusers_userprofile": "Wagtail creates a staff user's profile on first render of "
    "the admin or the userbar (also shown on the CSRF error page)",
    "account_emailaddress": "allauth records an account's address when its email page opens",
}
REFUSED_POST = {403, 404, 405}
POST_DATA = {"text": "Angriff ohne Token", "title": "Angriff", "value": "1", "reason": "spam"}


@dataclass(frozen=True)
class Endpoint:
    route: str  # the pattern, for messages
    path: str  # an example address that resolves to `view`
    view: object
    name: str | None


# --- Walking the URLconf --------------------------------------------------------------------


def _patterns(patterns, prefix=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, (*prefix, entry.pattern))
        else:
            yield (*prefix, entry.pattern), entry


_ROUTE_PART = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")


def _route_example(pattern: RoutePattern, example_id: int) -> str:
    def fill(match):
        converter = pattern.converters[match["name"]]
        if match["converter"] == "int":
            return str(example_id)
        for candidate in ("x", "x-1", str(uuid.uuid4()), str(example_id)):
            if re.fullmatch(converter.regex, candidate):
                return candidate
        raise AssertionError(f"no example for converter {match['converter']} in {pattern}")

    return _ROUTE_PART.sub(fill, str(pattern))


def _regex_example(regex: str, example_id: int) -> str:
    """A shortest string matching `regex`, from its parse tree."""
    from re import _parser as parser  # the stdlib's own regex parser

    def is_digits(tokens) -> bool:
        return (
            len(tokens) == 1
            and str(tokens[0][0]) == "IN"
            and any("DIGIT" in str(value) for _op, value in tokens[0][1])
        )

    def char_class(items) -> str:
        for op, value in items:
            op = str(op)
            if op == "LITERAL":
                return chr(value)
            if op == "RANGE":
                return chr(value[0])
            if op == "CATEGORY":
                return "1" if "DIGIT" in str(value) else "x"
        return "x"  # a negated class

    def generate(tokens) -> str:
        out = []
        for op, value in tokens:
            op = str(op)
            if op == "LITERAL":
                out.append(chr(value))
            elif op in {"NOT_LITERAL", "ANY"}:
                out.append("x")
            elif op == "IN":
                out.append(char_class(value))
            elif op == "BRANCH":
                out.append(generate(value[1][0]))
            elif op in {"SUBPATTERN", "ATOMIC_GROUP"}:
                out.append(generate(value[-1]))
            elif op in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
                low, high, sub = value
                if is_digits(sub):
                    out.append(str(example_id))
                elif high:
                    out.append(generate(sub) * max(low, 1))
            elif op == "AT":
                continue
            else:
                raise AssertionError(f"cannot build an example for {op} in {regex!r}")
        return "".join(out)

    return generate(parser.parse(regex))


def _part_example(part, example_id: int) -> str:
    if isinstance(part, LocalePrefixPattern):
        return part.language_prefix
    if isinstance(part, RoutePattern):
        return _route_example(part, example_id)
    if isinstance(part, RegexPattern):
        return _regex_example(part._regex, example_id)
    raise AssertionError(f"unknown pattern type {type(part)}")


def endpoints(example_id: int) -> tuple[list[Endpoint], list[str]]:
    """All reachable endpoints with an example address, and the patterns no address reaches."""
    found, shadowed = [], []
    for parts, pattern in _patterns(get_resolver().url_patterns):
        assert isinstance(pattern, URLPattern)
        route = "".join(str(part) for part in parts)
        path = "/" + "".join(_part_example(part, example_id) for part in parts)
        try:
            match = resolve(path)
        except Resolver404:
            shadowed.append(f"{route} -> {path} (does not resolve)")
            continue
        if match.func is not pattern.callback:
            shadowed.append(f"{route} -> {path} (reaches {match.view_name or match.func})")
            continue
        found.append(Endpoint(route=route, path=path, view=pattern.callback, name=pattern.name))
    return found, shadowed


def allowed_methods(view) -> set[str] | None:
    """The methods a view declares, or None if it does not restrict them."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return {
            method.upper()
            for method in view_class.http_method_names
            if hasattr(view_class, method) or method == "options"
        }
    function = view
    while function is not None:
        code = getattr(function, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = function.__closure__[code.co_freevars.index("request_method_list")]
            return set(cell.cell_contents)
        function = getattr(function, "__wrapped__", None)
    return None


# --- Database state -------------------------------------------------------------------------


def row_counts(ignore=()) -> dict[str, int]:
    tables = [t for t in connection.introspection.table_names() if t not in ignore]
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    sql = f"SELECT {counts}"  # table names from the database's own catalogue, quoted
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {t: (before[t], after[t]) for t in before if before[t] != after[t]}


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def world(consultation):
    """Some content, so that example ids point at something."""
    return TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(
        username="admin", email="admin@example.org", password="Sicheres-Passwort-2035"
    )


def logged_in(client: Client, user) -> Client:
    """`client`, logged in as `user` and holding a CSRF cookie, as a browser would after
    opening any form: the POSTs below then lack only the token, as a forged request would."""
    if "_auth_user_id" not in client.session:  # a logout view may have ended the session
        client.force_login(user)
        client.get(reverse("account_logout"))  # shows a form (with a token) for logged-in users
        assert "csrftoken" in client.cookies
    return client


# --- Tests ----------------------------------------------------------------------------------


def test_the_walk_finds_the_urls_that_matter(world):
    found, shadowed = endpoints(world.pk)
    names = {endpoint.name for endpoint in found}

    assert {
        "comment_create",
        "comment_vote",
        "account_login",
        "account_reset_password",
        "wagtail_serve",
        "wagtailadmin_home",
    } <= names
    assert len(found) > 150
    assert not shadowed, "patterns that no address reaches:\n" + "\n".join(shadowed)


def test_a_post_without_csrf_token_is_refused_everywhere(world, superuser):
    translation.activate("de")
    found, _shadowed = endpoints(world.pk)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    failures = []
    for endpoint in found:
        before = row_counts(ignore=WRITTEN_BY_SHOWING)
        response = logged_in(client, superuser).post(endpoint.path, POST_DATA)
        difference = changed(before, row_counts(ignore=WRITTEN_BY_SHOWING))
        if response.status_code not in REFUSED_POST or difference:
            failures.append(f"POST {endpoint.path} ({endpoint.route}): {response.status_code}")
            if difference:
                failures.append(f"    rows changed: {difference}")

    assert not failures, "POST without CSRF token not refused:\n" + "\n".join(failures)


def test_the_refusal_is_the_german_csrf_page(world):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/beteiligung/ziel/seite/{world.pk}/kommentieren/", POST_DATA)

    assert response.status_code == 403
    assert "Formular abgelaufen" in response.content.decode()


def test_post_only_views_refuse_get_and_get_changes_nothing(world, superuser):
    translation.activate("de")
    found, _shadowed = endpoints(world.pk)
    client = Client(raise_request_exception=False)
    post_only, failures = [], []
    for endpoint in found:
        methods = allowed_methods(endpoint.view)
        before = row_counts(ignore=WRITTEN_BY_SHOWING)
        response = logged_in(client, superuser).get(endpoint.path)
        difference = changed(before, row_counts(ignore=WRITTEN_BY_SHOWING))
        if methods is not None and "GET" not in methods:
            post_only.append(endpoint.route)
            if response.status_code != 405:
                failures.append(f"GET {endpoint.path}: {response.status_code}, expected 405")
        if difference:
            failures.append(f"GET {endpoint.path} ({endpoint.route}) changed rows: {difference}")

    assert not failures, "\n".join(failures)
    # The walk does see the participation's POST-only views.
    assert {
        "beteiligung/ziel/<str:kind>/<int:object_id>/kommentieren/",
        "beteiligung/kommentar/<int:comment_id>/abstimmen/",
        "beteiligung/ziel/<str:kind>/<int:object_id>/unterstuetzen/",
    } <= set(post_only)
