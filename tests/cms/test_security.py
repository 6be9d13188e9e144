"""Security headers, Content-Security-Policy, cookies, login throttling and the error pages.

Headers are checked on real responses with the values of cms.settings.production (read in a
subprocess, as production refuses to import without its environment, and applied with the
`settings` fixture), over HTTPS as the proxy in front would forward them.
"""

import json
import re
import secrets
from functools import cache

import pytest
from allauth.account import app_settings as allauth_settings
from allauth.core.internal.ratelimit import parse_rates
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache as django_cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path
from freezegun import freeze_time

import cms.urls
from tests.cms.test_settings import run_python
from tests.participation.accounts.factories import PASSWORD, UserFactory
from tests.participation.accounts.test_roles import new_topic_post
from tests.participation.consultations.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

# --- Production values ----------------------------------------------------------------------

PRODUCTION_NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_CSP",
    "SECURE_CSP_ADMIN",
    "MIDDLEWARE",
    "CSRF_FAILURE_VIEW",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "ACCOUNT_RATE_LIMITS",
]


@cache
def production_values() -> dict:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {PRODUCTION_NAMES!r}}}))"
    )
    result = run_python(
        ["-c", code],
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(settings):
    for name, value in production_values().items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def https_client(production):
    """A browser talking HTTPS to the site, through the proxy that sets X-Forwarded-Proto."""
    return Client(HTTP_X_FORWARDED_PROTO="https")


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    directives = {}
    for directive in response[header].split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def nonce_of(directives) -> str:
    (nonce,) = [v for v in directives["script-src"] if v.startswith("'nonce-")]
    return nonce.removeprefix("'nonce-").removesuffix("'")


# --- Headers on real responses --------------------------------------------------------------


@pytest.fixture
def topic(consultation):
    return TopicPageFactory(parent=consultation, title="Wohnen und Altstadt")


REQUESTS = {
    "home page": lambda client, topic: client.get("/"),
    "consultation page": lambda client, topic: client.get(topic.get_parent().url),
    "POST with errors": lambda client, topic: client.post(
        f"/beteiligung/ziel/seite/{topic.pk}/kommentieren/", {"text": ""}
    ),
    "login page": lambda client, topic: client.get("/konto/login/"),
}
EXPECTED_STATUS = {"home page": 200, "consultation page": 200, "POST with errors": 400}


@pytest.mark.parametrize("request_name", list(REQUESTS))
def test_public_responses_carry_the_security_headers(https_client, topic, request_name):
    response = REQUESTS[request_name](https_client, topic)

    assert response.status_code == EXPECTED_STATUS.get(request_name, 200)
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", f"'nonce-{nonce_of(directives)}'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["media-src"] == ["'self'"]
    assert directives["font-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("request_name", list(REQUESTS))
def test_public_pages_need_no_inline_code(client, topic, request_name):
    """What the policy would block: inline scripts without the nonce, event handler attributes,
    style attributes and <style> blocks. (tests/e2e/test_content_security_policy.py checks
    the same in a real browser.)"""
    response = REQUESTS[request_name](client, topic)
    page = html(response)
    nonce = nonce_of(policy(response))

    scripts = page.find_all("script")
    assert scripts and all(script.get("nonce") == nonce for script in scripts)
    assert not [s for s in scripts if not s.get("src") and s.get("type") != "application/json"]
    assert not page.find_all("style")
    assert not page.find_all(style=True)
    handlers = [
        (tag.name, attribute)
        for tag in page.find_all(True)
        for attribute in tag.attrs
        if attribute.startswith("on")
    ]
    assert not handlers


def test_the_nonce_is_new_for_every_response(client, home_page):
    first, second = client.get("/"), client.get("/")

    assert nonce_of(policy(first)) != nonce_of(policy(second))
    assert len(nonce_of(policy(first))) >= 22  # 128 bits, base64


def test_plain_http_is_redirected_to_https(production, home_page):
    response = Client().get("/isek/?seite=2")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/isek/?seite=2"


def test_cookies_are_secure_httponly_and_same_site(https_client, citizen):
    login_page = https_client.get("/konto/login/")
    csrf_cookie = login_page.cookies["csrftoken"]
    token = html(login_page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    response = https_client.post(
        "/konto/login/",
        {"login": citizen.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"
    assert csrf_cookie["secure"] and csrf_cookie["samesite"] == "Lax"


# --- The admin's policy ---------------------------------------------------------------------


def test_the_admin_has_its_own_relaxed_policy(client, editor):
    client.force_login(editor)

    for url in ["/admin/login/", "/admin/", "/admin/pages/"]:
        directives = policy(client.get(url))
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert directives["frame-ancestors"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert all("http" not in value for values in directives.values() for value in values)


def test_the_page_preview_in_the_admin_can_be_framed_by_the_admin(client, editor, topic):
    """Wagtail renders the preview through the whole middleware stack once more, for the
    page's public address; the admin policy must still win over the public one."""
    client.force_login(editor)
    preview_url = f"/admin/pages/{topic.pk}/edit/preview/"
    data = new_topic_post(title="Vorschau", slug=topic.slug)

    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url + "?in_preview_panel=true")

    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_never_get_the_admin_policy(client, editor, topic):
    client.force_login(editor)  # the userbar is shown, the page stays under the strict policy

    response = client.get(topic.url)

    assert "wagtail-userbar" in response.content.decode()
    assert policy(response)["script-src"][:1] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


# --- Login and password-reset throttling ----------------------------------------------------

VISITOR_IP = "203.0.113.77"


@pytest.fixture
def fresh_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"security-{secrets.token_hex(4)}",
        }
    }
    django_cache.clear()
    return django_cache


def cache_entries(locmem) -> dict[str, object]:
    return {key: locmem.get(key.split(":", 2)[2]) for key in locmem._cache}


def login(client, email, password):
    return client.post("/konto/login/", {"login": email, "password": password})


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_eleventh_login_for_one_email_is_refused_even_with_the_right_password(fresh_cache):
    person = UserFactory(verified=True)
    client = Client(REMOTE_ADDR=VISITOR_IP)

    failures = [login(client, person.email, "falsch-geraten") for _attempt in range(10)]
    eleventh = login(client, person.email, PASSWORD)

    assert all(r.status_code == 200 and not is_logged_in(client) for r in failures)
    assert eleventh.status_code == 200
    assert "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut." in (
        eleventh.content.decode()
    )
    assert not is_logged_in(client)


def test_the_counter_is_kept_per_email_in_the_cache_without_any_ip_address(fresh_cache):
    person = UserFactory(verified=True)
    for _attempt in range(3):
        login(Client(REMOTE_ADDR=VISITOR_IP), person.email, "falsch-geraten")

    entries = cache_entries(fresh_cache)

    counters = [key for key in entries if ":rl:" in key and "login_failed" in key]
    assert len(counters) == 1
    assert len(entries[counters[0]]) == 3  # three timestamps
    for key, value in entries.items():
        assert VISITOR_IP not in key and VISITOR_IP not in repr(value)
        assert person.email not in key  # the key holds a hash of the address


def test_a_throttled_email_does_not_block_other_people_on_the_same_network(fresh_cache):
    blocked, other = UserFactory(verified=True), UserFactory(verified=True)
    for _attempt in range(11):
        login(Client(REMOTE_ADDR=VISITOR_IP), blocked.email, "falsch-geraten")
    client = Client(REMOTE_ADDR=VISITOR_IP)

    assert login(client, other.email, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_the_right_password_works_again_five_minutes_after_the_failures(fresh_cache):
    person = UserFactory(verified=True)
    with freeze_time("2035-03-01 10:00:00") as clock:
        for _attempt in range(10):
            login(Client(), person.email, "falsch-geraten")
        clock.tick(5 * 60 + 1)
        client = Client()

        assert login(client, person.email, PASSWORD).status_code == 302
        assert is_logged_in(client)


def test_password_reset_requests_are_throttled_per_email_with_a_german_429_page(fresh_cache):
    person, other = UserFactory(verified=True), UserFactory(verified=True)
    client = Client(REMOTE_ADDR=VISITOR_IP)

    allowed = [client.post("/konto/password/reset/", {"email": person.email}) for _ in range(5)]
    refused = client.post("/konto/password/reset/", {"email": person.email})

    assert [r.status_code for r in allowed] == [302] * 5
    assert refused.status_code == 429
    assert html(refused).h1.get_text(strip=True) == "Zu viele Anfragen"
    assert len(mail.outbox) == 5
    # Another address from the same network is not affected.
    assert client.post("/konto/password/reset/", {"email": other.email}).status_code == 302


def test_setting_a_new_password_from_the_emailed_link_works(fresh_cache):
    """The link's form has no throttle of its own (its token is unguessable); a per-key rate
    there would crash, as allauth passes it no key."""
    person = UserFactory(verified=True)
    client = Client()
    client.post("/konto/password/reset/", {"email": person.email})
    (link,) = re.findall(r"https?://\S+/konto/password/reset/key/\S+/", mail.outbox[0].body)

    form_url = client.get(link.split("testserver", 1)[-1], follow=True).redirect_chain[-1][0]
    new_password = "Neues-Passwort-2035-Ohre"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)


def test_no_allauth_throttle_counts_per_ip_address():
    rates = {
        action: parse_rates(spec)
        for action, spec in allauth_settings.RATE_LIMITS.items()
        if spec is not False
    }

    assert rates["login_failed"][0].per == "key"
    assert [
        (action, str(rate)) for action, rs in rates.items() for rate in rs if rate.per == "ip"
    ] == []


# --- Error pages ----------------------------------------------------------------------------


def _forbidden(request):
    raise PermissionDenied("Geheimer Grund 4711 aus der Datenbank")


def _broken(request):
    raise RuntimeError("Geheimnis 0815: Passwort der Datenbank ist hunter2")


# Used by the error-page tests through @pytest.mark.urls: two views that fail, then the site.
urlpatterns = [
    path("test-fehler/403/", _forbidden),
    path("test-fehler/500/", _broken),
    *cms.urls.urlpatterns,
]
error_urls = pytest.mark.urls("tests.cms.test_security")

LEAKS = ["Traceback", "Geheim", "hunter2", "SECRET_KEY", "settings", "File &quot;", 'File "']


def assert_leaks_nothing(response):
    content = response.content.decode()
    for leak in LEAKS:
        assert leak not in content, leak


def heading(response) -> str:
    return html(response).h1.get_text(" ", strip=True)


@pytest.fixture
def production_errors(settings):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    return Client(raise_request_exception=False)


def test_the_404_page_is_german_and_does_not_echo_the_address(production_errors, home_page):
    response = production_errors.get("/gibt-es-nicht/<script>alert(1)</script>/")

    assert response.status_code == 404
    assert heading(response) == "Seite nicht gefunden"
    assert "<script>alert" not in response.content.decode()
    assert_leaks_nothing(response)


@error_urls
def test_the_403_page_is_german_and_keeps_the_reason_to_itself(production_errors, home_page):
    response = production_errors.get("/test-fehler/403/")

    assert response.status_code == 403
    assert heading(response) == "Kein Zugriff"
    assert "melden Sie sich bitte an" in response.content.decode()
    assert_leaks_nothing(response)


def test_a_form_without_csrf_token_gets_the_german_explanation(home_page, topic):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        f"/beteiligung/ziel/seite/{topic.pk}/kommentieren/", {"text": "Mein langer Text"}
    )

    assert response.status_code == 403
    assert heading(response) == "Formular abgelaufen"
    assert (
        "Ihre Sitzung ist abgelaufen oder das Formular war zu lange geöffnet. Bitte laden Sie "
        "die Seite neu — kopieren Sie vorher Ihren Text."
    ) in response.content.decode()
    assert "CSRF" not in response.content.decode()  # the technical reason stays in the log
    assert "Mein langer Text" not in response.content.decode()


@error_urls
def test_the_500_page_is_german_standalone_and_queries_no_database(production_errors, home_page):
    with CaptureQueriesContext(connection) as queries:
        response = production_errors.get("/test-fehler/500/")

    assert response.status_code == 500
    assert heading(response) == "Technischer Fehler"
    assert 'href="/static/css/site.css"' in response.content.decode()
    assert_leaks_nothing(response)
    assert len(queries) == 0


def test_the_500_template_renders_without_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        content = render_to_string("500.html")

    assert "<h1>Technischer Fehler</h1>" in content


def test_the_429_page_is_german_and_styled(client, home_page):
    content = render_to_string("429.html", request=client.get("/").wsgi_request)
    page = BeautifulSoup(content, "html.parser")

    assert page.h1.get_text(strip=True) == "Zu viele Anfragen"
    assert page.find("link", rel="stylesheet")["href"].endswith("css/site.css")
    assert page.find("main", id="main")


@pytest.mark.parametrize(
    "language,title", [("de", "Seite nicht gefunden"), ("en", "Page not found")]
)
def test_the_404_page_speaks_the_language_of_the_address(
    production_errors, home_page, language, title
):
    prefix = "" if language == "de" else "/en"

    response = production_errors.get(f"{prefix}/gibt-es-nicht/")

    assert response.status_code == 404
    assert heading(response) == title
    assert html(response).html["lang"] == language
    assert html(response).select(".intro a")[-1]["href"] == f"{prefix}/"
