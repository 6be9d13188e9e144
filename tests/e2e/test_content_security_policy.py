"""The Content-Security-Policy blocks nothing the site itself needs, in a real browser.

Chromium reports every blocked script, style, frame or request on the console; these tests
collect those reports while a visitor, a logged-in editor (with Wagtail's userbar on public
pages) and the page editor in the admin do their work.
"""

import pytest

PUBLIC_PATHS = [
    "/",
    "/isek-2035/",
    "/isek-2035/konzept/",
    "/isek-2035/mobilitaet/",
    "/isek-2035/forum-digitalisierung/",
    "/aktuelles/",
    "/en/isek-2035/",
    "/konto/login/",
    "/konto/password/reset/",
    "/beteiligung/sicherheitsabfrage/",
    "/gibt-es-nicht/",
]
ADMIN_PASSWORD = "Admin-Passwort-2035-Ohre"


@pytest.fixture
def violations(page):
    """CSP violations the browser reports on the console while the test runs."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


@pytest.fixture
def admin_user(demo_site):
    from participation.accounts.models import User

    # The browser tests share one seeded database (tests/e2e/conftest.py): create it once.
    return User.objects.filter(username="csp-admin").first() or User.objects.create_superuser(
        username="csp-admin", email="csp-admin@example.org", password=ADMIN_PASSWORD
    )


def log_in_to_admin(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", "csp-admin")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def test_public_pages_and_their_scripts_run_without_violations(demo_site, page, violations):
    for path in PUBLIC_PATHS:
        page.goto(demo_site.url + path)

    # participation.js at work: a paragraph discussion opens in place, a new captcha loads.
    page.goto(demo_site.url + "/isek-2035/konzept/")
    page.locator(".paragraph-discuss").first.click()
    page.locator(".paragraph-discussion").first.wait_for()
    page.goto(demo_site.url + "/beteiligung/sicherheitsabfrage/")
    page.locator("[data-captcha-reload]").click()
    page.wait_for_load_state("networkidle")

    assert violations == []


def test_wagtails_userbar_on_public_pages_runs_without_violations(
    demo_site, page, violations, admin_user
):
    log_in_to_admin(page, demo_site.url)

    page.goto(demo_site.url + "/isek-2035/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.evaluate(
        "document.querySelector('wagtail-userbar').shadowRoot"
        ".querySelector('[data-wagtail-userbar-trigger]').click()"
    )
    page.wait_for_timeout(500)

    assert violations == []


def test_the_page_editor_runs_under_the_admin_policy(demo_site, page, violations, admin_user):
    from participation.consultations.models import ConsultationPage

    consultation = ConsultationPage.objects.get(slug="isek-2035")
    log_in_to_admin(page, demo_site.url)

    # A new topic: StreamFields and the image chooser.
    page.goto(f"{demo_site.url}/admin/pages/add/consultations/topicpage/{consultation.pk}/")
    page.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    page.locator(".modal").first.wait_for(state="hidden")
    # The consultation: InlinePanels (phases) and the live preview in its iframe.
    page.goto(f"{demo_site.url}/admin/pages/{consultation.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").first.click()
    page.frame_locator("iframe[title]").first.locator("main").wait_for()
    page.goto(demo_site.url + "/admin/images/")
    page.wait_for_load_state("networkidle")

    assert violations == []
