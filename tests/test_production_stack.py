"""The production stack: settings read from the environment, gunicorn's configuration, the
database task worker and the scripts that start it all."""

import os
import runpy
import stat
import subprocess
from pathlib import Path

import pytest
from asgiref.local import Local
from django.core import mail
from django.core.management import call_command, get_commands
from django.tasks import TaskResultStatus, task_backends

from cms.tasks import feedback_mail_send
from tests.cms.test_settings import GOOD_SECRET_KEY, run_python

ROOT = Path(__file__).resolve().parent.parent

PRINT_STACK = """
import json
from django.conf import settings
default = settings.DATABASES["default"]
print(json.dumps({
    "tasks": settings.TASKS["default"]["BACKEND"],
    "conn_max_age": default["CONN_MAX_AGE"],
    "health_checks": default["CONN_HEALTH_CHECKS"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "page_cache": settings.PAGE_CACHE_SECONDS,
    "discussion_cache": settings.DISCUSSION_CACHE_SECONDS,
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "read_database": settings.READ_DATABASE,
    "databases": sorted(settings.DATABASES),
    "middleware": settings.MIDDLEWARE,
}))
"""


def stack(**env) -> dict:
    import json

    result = run_python(
        ["-c", PRINT_STACK],
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(**env) -> str:
    result = run_python(
        ["-c", PRINT_STACK],
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="beteiligung.example.de",
        **env,
    )
    assert result.returncode != 0
    return result.stderr


def test_production_defaults_queue_tasks_keep_connections_and_cache_for_anonymous_readers():
    values = stack(DATABASE_URL="postgres://stadtdialog@db.example.de:5432/stadtdialog")

    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["conn_max_age"] == 60
    assert values["health_checks"] is True
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["page_cache"] == 30
    assert values["discussion_cache"] == 60
    assert values["frontend_cache"] is None  # off unless configured
    assert values["databases"] == ["default"]
    middleware = values["middleware"]
    csp = middleware.index("django.middleware.csp.ContentSecurityPolicyMiddleware")
    page_cache = middleware.index("cms.cache.AnonymousPageCacheMiddleware")
    session = middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert csp < page_cache < session
    assert page_cache < middleware.index("django.middleware.csrf.CsrfViewMiddleware")


def test_every_value_of_the_stack_comes_from_the_environment():
    values = stack(
        TASKS_BACKEND="immediate",
        DATABASE_CONN_MAX_AGE="0",
        PAGE_CACHE_SECONDS="0",
        DISCUSSION_CACHE_SECONDS="5",
        FRONTEND_CACHE_BACKEND="http",
        FRONTEND_CACHE_LOCATION="http://127.0.0.1:6081",
        DATABASE_URL="postgres://stadtdialog@db.example.de:5432/stadtdialog",
        DATABASE_REPLICA_URL="postgres://leser@replica.example.de:5432/stadtdialog",
    )

    assert values["tasks"] == "django.tasks.backends.immediate.ImmediateBackend"
    assert values["conn_max_age"] == 0
    assert values["page_cache"] == 0
    assert values["discussion_cache"] == 5
    assert values["frontend_cache"]["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    assert values["databases"] == ["default", "replica"]
    assert values["read_database"] == "replica"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be one of: immediate, database"),
        ({"FRONTEND_CACHE_BACKEND": "akamai"}, "FRONTEND_CACHE_BACKEND must be one of"),
        ({"FRONTEND_CACHE_BACKEND": "cloudflare"}, "needs its FRONTEND_CACHE_* values"),
    ],
)
def test_unknown_or_incomplete_values_stop_the_start(env, message):
    assert message in refused(**env)


def gunicorn_config(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_BIND", "PORT", "WEB_CONCURRENCY", "GUNICORN_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_takes_workers_and_address_from_the_environment(monkeypatch):
    config = gunicorn_config(
        monkeypatch, WEB_CONCURRENCY="6", GUNICORN_BIND="unix:/run/stadtdialog/web.sock"
    )

    assert config["workers"] == 6
    assert config["bind"] == "unix:/run/stadtdialog/web.sock"
    assert config["worker_class"] == "sync"
    assert config["accesslog"] is None  # no client addresses in logs


def test_gunicorn_defaults_to_two_workers_per_core_on_a_local_port(monkeypatch):
    config = gunicorn_config(monkeypatch, PORT="8123", GUNICORN_THREADS="4")

    assert config["workers"] == (os.cpu_count() or 1) * 2 + 1
    assert config["bind"] == "127.0.0.1:8123"
    assert config["worker_class"] == "gthread"


@pytest.fixture
def database_tasks(settings):
    """The database task backend in place of the immediate one, for this test only."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def reset():
        task_backends.__dict__.pop("settings", None)
        task_backends._connections = Local(task_backends.thread_critical)

    reset()
    yield
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    reset()


# The worker opens and closes its own connections: committed rows, no test transaction around
# it (migrations' rows restored afterwards).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_what_the_site_queued(database_tasks):
    assert "db_worker" in get_commands()
    result = feedback_mail_send.enqueue(
        subject="Barriere gemeldet", body="Der Kontrast ist zu gering.", recipient="a@example.de"
    )
    assert result.status == TaskResultStatus.READY
    assert mail.outbox == []  # queued, not sent in the request

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mail.outbox] == ["Barriere gemeldet"]


def test_make_worker_and_make_serve_prod_start_the_stack():
    makefile = (ROOT / "Makefile").read_text()
    script = ROOT / "scripts" / "serve-prod"

    assert "manage.py db_worker" in makefile.split("\nworker:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/serve-prod" in makefile.split("\nserve-prod:", 1)[1].split("\n\n", 1)[0]
    assert script.stat().st_mode & stat.S_IXUSR
    syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)  # noqa: S603, S607
    assert syntax.returncode == 0, syntax.stderr
    text = script.read_text()
    # Production settings, schema and static files first, then both processes, stopped together.
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in text
    steps = ("manage.py migrate", "manage.py collectstatic", "gunicorn cms.wsgi", "db_worker --")
    order = [text.index(step) for step in steps]
    assert order == sorted(order)
    assert "trap stop INT TERM EXIT" in text
