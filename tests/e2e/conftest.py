"""Browser tests in headless Chromium (Debian's package; never a downloaded browser)."""

import os
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

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by the
# test itself (fixtures) are still synchronous and safe.
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
            # Serialized rollback restores what migrations created (root page, role groups)
            # after each transactional test empties the tables.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and inside it Django's
    # connection handler hands out a different connection object. That one lacks the snapshot
    # serialized_rollback restores from, if earlier (non-browser) tests opened the connection
    # first; every e2e test after the first would then start from an empty database.
    snapshot = getattr(connections["default"], "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        if snapshot is not None:
            connections["default"]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The demo content, served by a live server the browser can reach."""
    from django.core.management import call_command
    from wagtail.models import Site

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # The live server runs on 127.0.0.1:<random port>; the demo site is the default site.
    assert Site.objects.filter(is_default_site=True).exists()
    return live_server


@pytest.fixture
def axe_check():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

    return check
