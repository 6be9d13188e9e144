"""Production: gunicorn behind a TLS-terminating proxy. Refuses to start without real values."""

from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import *  # noqa: F403
from cms.settings.base import (
    ALLOWED_HOSTS,
    SECRET_KEY,
    databases_from_env,
    tasks_from_env,
)
from cms.settings.env import env_bool, env_int

DEBUG = False

if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters, e.g. from "
        '`python -c "import secrets; print(secrets.token_urlsafe(64))"`.'
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name the host(s) the site is served under, comma-separated."
    )

# --- Security: HTTPS only (headers, CSP and cookie flags shared with every environment are in
# the security block of base.py) -------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The proxy in front (nginx) tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS: one year, subdomains included.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Cookies only over HTTPS; the session cookie is out of reach of scripts (HttpOnly, base.py),
# both are SameSite=Lax (base.py).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# --- End of security block -------------------------------------------------------------------

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached for a year by browsers) and pre-compressed gzip/brotli copies.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Emails and exports wait in PostgreSQL for the worker (`make worker`, docs/deploy.md).
TASKS = tasks_from_env("database")
# Persistent database connections (with health checks, base.py) unless set otherwise.
DATABASES = databases_from_env(conn_max_age=60)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 30)
DISCUSSION_CACHE_SECONDS = env_int("DISCUSSION_CACHE_SECONDS", 60)
