"""Benchmarks (`make bench`): production-like (no DEBUG, no query log), local services."""

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret-stadtdialog-0123456789-abcdefghijklmnop"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# The exports benchmark compares with Wagtail's own form submission export (bench/exports.py).
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.forms"]  # noqa: F405
