"""Benchmarks (`make bench`): production-like (no DEBUG, no query log), local services."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import databases_from_env
from cms.settings.env import env_int

DEBUG = False
SECRET_KEY = "bench-only-not-secret-stadtdialog-0123456789-abcdefghijklmnop"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# The exports benchmark compares with Wagtail's own form submission export (bench/exports.py).
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.forms"]  # noqa: F405
# The site plus the references the benchmarks compare against (bench/urls.py).
ROOT_URLCONF = "bench.urls"
# As in production: persistent connections, shared discussion lists; the page cache is off so
# that pages are measured, not the cache (bench/read_path.py measures it separately).
DATABASES = databases_from_env(conn_max_age=60)
DISCUSSION_CACHE_SECONDS = env_int("DISCUSSION_CACHE_SECONDS", 60)
