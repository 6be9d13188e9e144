"""Deployment values come from the environment; production refuses to start without them."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parents[2]
GOOD_SECRET_KEY = secrets.token_urlsafe(48)  # 64 characters
DEPLOYMENT_VARIABLES = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "EMAIL_BACKEND",
    "DJANGO_SETTINGS_MODULE",
    # Set by tests/e2e/conftest.py for Playwright; `check --deploy` rightly warns about it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "installed_apps": settings.INSTALLED_APPS,
    "cache_backend": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "session_engine": settings.SESSION_ENGINE,
    "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS,
}))
"""


def run_python(args: list[str], **env) -> subprocess.CompletedProcess:
    """Runs Python in the project folder with a clean deployment environment plus `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in DEPLOYMENT_VARIABLES}
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_settings(**env) -> dict:
    result = run_python(
        ["-c", PRINT_SETTINGS], DJANGO_SETTINGS_MODULE="cms.settings.production", **env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- Readers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["1", "true", "True", "YES", "on", " true "])
def test_env_bool_reads_true_words(monkeypatch, word):
    monkeypatch.setenv("FEATURE", word)

    assert env_bool("FEATURE", False) is True


@pytest.mark.parametrize("word", ["0", "false", "FALSE", "no", "off", ""])
def test_env_bool_reads_false_words(monkeypatch, word):
    monkeypatch.setenv("FEATURE", word)

    assert env_bool("FEATURE", True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_falls_back_to_the_default_when_unset(monkeypatch, default):
    monkeypatch.delenv("FEATURE", raising=False)

    assert env_bool("FEATURE", default) is default


@pytest.mark.parametrize("junk", ["ja", "2", "maybe", "tru"])
def test_env_bool_rejects_anything_else(monkeypatch, junk):
    monkeypatch.setenv("FEATURE", junk)

    with pytest.raises(ImproperlyConfigured, match="FEATURE must be true or false"):
        env_bool("FEATURE", False)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " beteiligung.example.de, www.example.de,, ")

    assert env_list("HOSTS") == ["beteiligung.example.de", "www.example.de"]


def test_env_list_default_when_unset(monkeypatch):
    monkeypatch.delenv("HOSTS", raising=False)

    assert env_list("HOSTS") == []
    assert env_list("HOSTS", ["localhost"]) == ["localhost"]


def test_env_int_reads_numbers_and_rejects_words(monkeypatch):
    monkeypatch.setenv("PORT", "587")
    assert env_int("PORT", 25) == 587

    monkeypatch.setenv("PORT", "fünf")
    with pytest.raises(ImproperlyConfigured, match="PORT must be a whole number"):
        env_int("PORT", 25)


def test_env_str_strips_whitespace_and_has_a_default(monkeypatch):
    monkeypatch.setenv("NAME", "  Haldensleben ")
    monkeypatch.delenv("MISSING", raising=False)

    assert env_str("NAME") == "Haldensleben"
    assert env_str("MISSING", "Stadtdialog") == "Stadtdialog"


# --- Production settings ---------------------------------------------------------------------

IMPORT_PRODUCTION = ["-c", "import cms.settings.production"]


def test_production_refuses_to_start_without_secret_key():
    result = run_python(IMPORT_PRODUCTION, ALLOWED_HOSTS="beteiligung.example.de")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_python(
        IMPORT_PRODUCTION, SECRET_KEY="zu-kurz-1234", ALLOWED_HOSTS="beteiligung.example.de"
    )

    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_refuses_djangos_insecure_placeholder_key():
    result = run_python(
        IMPORT_PRODUCTION,
        SECRET_KEY="django-insecure-" + GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(IMPORT_PRODUCTION, SECRET_KEY=GOOD_SECRET_KEY)

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must name the host" in result.stderr


def test_production_starts_with_secret_key_and_allowed_hosts():
    result = run_python(
        IMPORT_PRODUCTION, SECRET_KEY=GOOD_SECRET_KEY, ALLOWED_HOSTS="beteiligung.example.de"
    )

    assert result.returncode == 0, result.stderr


def test_production_defaults_to_sqlite_locmem_cache_and_database_sessions():
    values = production_settings(
        SECRET_KEY=GOOD_SECRET_KEY, ALLOWED_HOSTS="beteiligung.example.de, www.example.de"
    )

    assert values["debug"] is False
    assert values["allowed_hosts"] == ["beteiligung.example.de", "www.example.de"]
    assert values["engine"] == "django.db.backends.sqlite3"
    assert "django.contrib.postgres" not in values["installed_apps"]
    assert values["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["session_engine"] == "django.contrib.sessions.backends.db"


def test_database_url_switches_to_postgresql_and_adds_the_postgres_app():
    values = production_settings(
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
        DATABASE_URL="postgres://stadtdialog:geheim@db.example.de:5432/stadtdialog",
    )

    assert values["engine"] == "django.db.backends.postgresql"
    assert "django.contrib.postgres" in values["installed_apps"]


def test_redis_url_switches_cache_and_sessions_to_redis():
    values = production_settings(
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
        REDIS_URL="redis://cache.example.de:6379/1",
    )

    assert values["cache_backend"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.example.de:6379/1"
    assert values["session_engine"] == "django.contrib.sessions.backends.cache"


def deploy_check(**env) -> subprocess.CompletedProcess:
    return run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
        **env,
    )


def test_deploy_check_passes_with_only_the_required_variables():
    result = deploy_check()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
