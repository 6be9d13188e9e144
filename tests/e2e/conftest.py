"""Browser tests in headless Chromium (Debian's package; never a downloaded browser).

The demo is seeded once for the whole package and served by one live server: seeding takes
seconds, and the walk visits dozens of pages. Tests share that database, so each works in a
fresh browser context (no cookies, no session) and creates what it changes itself (its own
users, its own comments) instead of changing the demo. Afterwards the database is put back to
what the migrations left, for the tests that run after this package.
"""

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Flags for a sandboxed machine without network: no background connections, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by the
# test itself (fixtures, setup functions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    e2e_dir = Path(__file__).parent
    reason = None
    if not CHROMIUM.exists():
        reason = (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium); browser tests skipped"
        )
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (requirements-dev.txt); browser tests skipped"
    if reason and os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"REQUIRE_BROWSER_TESTS is set, but: {reason}")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(e2e_dir):
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="package")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and inside it Django's
    # connection handler hands out a different connection object. That one lacks the snapshot
    # serialized_rollback restores from, if earlier (non-browser) tests opened the connection
    # first; transactional tests running after this package would then start from an empty
    # database.
    snapshot = getattr(connections["default"], "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        if snapshot is not None:
            connections["default"]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass(frozen=True)
class SeededDemo:
    url: str

    def __add__(self, path: str) -> str:
        return self.url + path

    def __str__(self) -> str:
        return self.url


@pytest.fixture(scope="package")
def _seeded_demo(browser, django_db_setup, django_db_blocker, tmp_path_factory):
    from django.core.management import call_command
    from django.db import connection
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Site

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("e2e-media"))
    media.enable()
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
        test_name = connection.settings_dict["TEST"].get("NAME")
        assert in_memory or name == test_name or name.startswith(TEST_DATABASE_PREFIX), (
            f"refusing to seed the demo into {name!r}: not a test database"
        )
        migrated = connection.creation.serialize_db_to_string()
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        # The live server runs on localhost:<random port>; the demo site is the default site.
        assert Site.objects.filter(is_default_site=True).exists()
        server = LiveServer("localhost")
        try:
            yield SeededDemo(server.url)
        finally:
            _wait_for_open_requests()
            server.stop()
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(migrated)
            # This connection belongs to Playwright's context (see `browser`); left open, it
            # would keep PostgreSQL from dropping the test database at the end of the session.
            connection.close()
            media.disable()


def _wait_for_open_requests(timeout: float = 5) -> None:
    """Requests still being answered would close their (shared, in-memory SQLite) database
    connection after the server has stopped sharing it; give them a moment to finish."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def db(_seeded_demo):
    """Replaces pytest-django's `db` here: no transaction per test, every browser test uses
    the seeded demo database (the name still tells pytest-django to create a test database)."""
    return _seeded_demo


@pytest.fixture
def demo_site(db):
    """The demo content, served by a live server the browser can reach (`demo_site + path`)."""
    return db


@pytest.fixture
def _media_in_tmp():
    """The images were stored once, when the demo was seeded; keep that media folder."""


@pytest.fixture
def new_page(browser):
    """Opens pages in fresh browser contexts (no cookies) of a given viewport; German."""
    contexts = []

    def open_page(viewport=WIDE, *, java_script_enabled=True):
        context = browser.new_context(
            locale="de-DE", viewport=viewport, java_script_enabled=java_script_enabled
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page(WIDE)


@pytest.fixture
def axe_check():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check
