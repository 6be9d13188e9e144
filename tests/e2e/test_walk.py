"""Every public template and state of the demo, in a real headless Chromium:

- axe-core (WCAG 2.0/2.1, levels A and AA) finds no violation at 1280 px, and
- nothing scrolls sideways at 320 px (WCAG 1.4.10 Reflow: 1280 px at 400 % zoom), and on
  the main pages not with the text alone enlarged to 200 % either (WCAG 1.4.4).

STATES is the list of places. An entry is a path (the page must answer 200) or a setup
function that brings the page into the state itself and checks the status it expects.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e import demo
from tests.e2e.conftest import NARROW, WIDE


@dataclass
class Visit:
    page: Page
    base: str
    settings: Any  # pytest-django's `settings`: the live server runs in this process

    def goto(self, path: str, *, status: int = 200):
        response = self.page.goto(self.base + path)
        assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
        return response

    def submit(self, button, *, status: int):
        """Clicks a submit button and waits for the page the server answers with."""
        with self.page.expect_navigation() as navigation:
            button.click()
        response = navigation.value
        assert response.status == status, f"{response.url}: HTTP {response.status} ≠ {status}"
        return response

    def log_in(self):
        user = demo.citizen()
        demo.log_in(self.page, self.base, user.email)
        return user


# --- States that need more than a GET ---------------------------------------------------


def concept_paragraph_panel_open(visit):
    """With JavaScript, "Kommentieren" opens the paragraph's discussion in place."""
    visit.goto(demo.CONCEPT)
    key = demo.paragraph_key("3.2")
    visit.page.locator(f'a[data-paragraph-toggle][aria-controls="diskussion-{key}"]').click()
    panel = visit.page.locator(f"#diskussion-{key}")
    expect(panel.locator("form[data-comment-form] textarea")).to_be_visible()


def heatmap(visit):
    visit.goto(reverse("contributions:heatmap", args=[demo.concept().pk]))


def chapter_comments(visit):
    visit.goto(reverse("contributions:chapter", args=[demo.concept().pk, 3]))


def paragraph_page(visit):
    page_id, key = demo.concept().pk, demo.paragraph_key("3.2")
    visit.goto(reverse("contributions:paragraph", args=[page_id, key]))


def thread_page(visit):
    visit.goto(demo.thread_path())


def thread_form(visit):
    visit.goto(reverse("contributions:thread_create", args=[demo.forum().pk]))


def thread_form_with_errors(visit):
    thread_form(visit)
    visit.submit(visit.page.get_by_role("button", name="Thema eröffnen"), status=400)


def login_wrong_password(visit):
    user = demo.citizen()
    visit.goto("/konto/login/")
    visit.page.locator("input[type=email]").fill(user.email)
    visit.page.locator("input[name=password]").fill("falsch-falsch-falsch")
    visit.submit(visit.page.locator("main form button[type=submit]"), status=200)
    expect(visit.page.locator("main")).to_contain_text("Passwort sind leider falsch")


def signup_with_errors(visit):
    visit.goto("/konto/signup/")
    form = visit.page.locator("main form")
    # Passes the browser's own checks (required, type=email); the server refuses it.
    form.locator("input[type=email]").fill("erika@example.org")
    form.locator("input[name=password1]").fill("kurz")
    form.locator("input[name=password2]").fill("anders")
    form.get_by_label("Öffentlicher Name").fill("erika@example.org")
    visit.submit(form.locator("button[type=submit]"), status=200)
    expect(visit.page.locator("main")).to_contain_text("ohne E-Mail-Adresse")


def signup_done(visit):
    visit.goto("/konto/signup/")
    form = visit.page.locator("main form")
    form.locator("input[type=email]").fill(f"neu-{uuid.uuid4().hex[:8]}@example.org")
    form.locator("input[name=password1]").fill(demo.PASSWORD)
    form.locator("input[name=password2]").fill(demo.PASSWORD)
    form.get_by_label("Öffentlicher Name").fill("Neu in Haldensleben")
    visit.submit(form.locator("button[type=submit]"), status=200)
    expect(visit.page.locator("h1")).to_contain_text("E-Mail")


def password_reset_done(visit):
    visit.goto("/konto/password/reset/")
    visit.page.locator("input[type=email]").fill("wer.auch.immer@example.org")
    visit.submit(visit.page.locator("main form button[type=submit]"), status=200)


def logged_in_topic(visit):
    """The comment form of a registered citizen: no name, no captcha, reply notifications."""
    visit.log_in()
    visit.goto(demo.TOPIC)


def logout_confirmation(visit):
    visit.log_in()
    visit.goto("/konto/logout/")


def comment_with_errors(visit):
    """Empty text: the form page of its own, with the error summary."""
    visit.goto(demo.TOPIC)
    form = visit.page.locator("form[data-comment-form]").first
    visit.submit(form.get_by_role("button", name="Kommentar senden"), status=400)
    expect(visit.page.locator("[data-error-summary]")).to_be_visible()


def captcha_confirmation(visit):
    visit.goto(reverse("contributions:confirm_human") + "?next=" + demo.TOPIC)


def captcha_confirmation_wrong(visit):
    captcha_confirmation(visit)
    visit.page.get_by_label("Zeichen aus dem Bild").fill("FALSCH")
    visit.submit(visit.page.get_by_role("button", name="Weiter"), status=400)


def report_form(visit):
    visit.goto(reverse("contributions:report", args=["kommentar", demo.paragraph_comment().pk]))


def report_with_errors(visit):
    report_form(visit)
    visit.submit(visit.page.get_by_role("button", name="Meldung senden"), status=400)


def reply_page(visit):
    visit.goto(reverse("contributions:comment_reply", args=[demo.paragraph_comment().pk]))


def edit_page(visit):
    comment = demo.comment_by(visit.log_in())
    visit.goto(reverse("contributions:edit", args=["kommentar", comment.pk]))


def edit_with_errors(visit):
    edit_page(visit)
    visit.page.get_by_label("Text").fill("")
    visit.submit(visit.page.get_by_role("button", name="Speichern"), status=400)


def delete_confirmation(visit):
    comment = demo.comment_by(visit.log_in())
    visit.goto(reverse("contributions:delete", args=["kommentar", comment.pk]))


def not_found(visit):
    visit.goto("/diese-seite-gibt-es-nicht/", status=404)


def server_error(visit):
    """The page for a failure of our own (it is rendered without the database)."""
    visit.settings.ROOT_URLCONF = "tests.e2e.urls"
    visit.goto("/e2e-fehler/", status=500)


def csrf_failure(visit):
    """A form sent without its CSRF cookie (expired, blocked): 403."""
    visit.goto("/konto/login/")
    visit.page.context.clear_cookies(name="csrftoken")
    visit.page.locator("input[type=email]").fill("erika@example.org")
    visit.page.locator("input[name=password]").fill(demo.PASSWORD)
    visit.submit(visit.page.locator("main form button[type=submit]"), status=403)


def comment_rate_limited(visit):
    """Too many comments: the form keeps the text and explains, with status 429."""
    visit.settings.CONTRIBUTIONS_RATE_LIMITS = {"comment": [(0, 60)]}
    visit.log_in()  # no captcha in the way
    visit.goto(demo.TOPIC)
    form = visit.page.locator("form[data-comment-form]").first
    form.get_by_label("Ihr Kommentar").fill("Noch ein Gedanke zum Busverkehr.")
    visit.submit(form.get_by_role("button", name="Kommentar senden"), status=429)


def report_rate_limited(visit):
    visit.settings.CONTRIBUTIONS_RATE_LIMITS = {"report": [(0, 60)]}
    report_form(visit)
    visit.page.get_by_label("Spam").check()
    visit.submit(visit.page.get_by_role("button", name="Meldung senden"), status=429)


def signup_rate_limited(visit):
    """allauth's own throttle answers with the site's 429 page."""
    try:
        get_template("429.html")
    except TemplateDoesNotExist:
        pytest.skip("templates/429.html does not exist yet")
    visit.settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}
    for status in (200, 429):
        visit.goto("/konto/signup/")
        form = visit.page.locator("main form")
        form.locator("input[type=email]").fill("eilig@example.org")
        form.locator("input[name=password1]").fill("kurz")
        form.locator("input[name=password2]").fill("kurz")
        form.get_by_label("Öffentlicher Name").fill("Eilig")
        visit.submit(form.locator("button[type=submit]"), status=status)


def account_page(path: str):
    """Privacy pages (profile, own data, account deletion) of a logged-in citizen; they are
    being built in parallel, so the state is skipped while its URL isn't served yet."""

    def visit_account_page(visit):
        if not demo.served_by_app(path):
            pytest.skip(f"{path} is not served yet")
        visit.log_in()
        visit.goto(path)

    return visit_account_page


def feedback_with_errors(visit):
    visit.goto("/barrierefreiheit/rueckmeldung/?seite=" + demo.CONCEPT)
    visit.submit(visit.page.get_by_role("button", name="Rückmeldung senden"), status=400)
    expect(visit.page.locator("[data-error-summary]")).to_be_visible()


def feedback_sent(visit):
    visit.goto("/barrierefreiheit/rueckmeldung/")
    visit.page.get_by_label("Was ist Ihnen aufgefallen?").fill(
        "Die Heatmap ist mit der Bildschirmlupe schwer zu lesen."
    )
    visit.submit(visit.page.get_by_role("button", name="Rückmeldung senden"), status=200)
    expect(visit.page.locator(".messages")).to_contain_text("Danke")


# --- Surveys (the demo's ISEK survey) ---------------------------------------------------

SURVEY = demo.CONSULTATION + "umfrage-ortsteile/"


def survey_step_errors(visit):
    """Step 1 sent empty: the error summary and the messages next to the fields."""
    visit.goto(SURVEY + "schritt/1/")
    visit.submit(visit.page.get_by_role("button", name="Weiter"), status=400)
    expect(visit.page.locator("[data-error-summary]")).to_be_visible()


def survey_summary(visit):
    """Every step answered with the mouse (the keyboard journey is in test_surveys.py)."""
    page = visit.page
    visit.goto(SURVEY + "schritt/1/")
    page.locator(".survey-options input[type=radio]").first.check()
    page.locator("select").first.select_option(index=3)
    visit.submit(page.get_by_role("button", name="Weiter"), status=200)
    page.locator(".survey-options input[type=checkbox]").first.check()
    page.locator(".survey-scale input[type=radio]").nth(6).check()
    visit.submit(page.get_by_role("button", name="Weiter"), status=200)
    visit.submit(page.get_by_role("button", name="Weiter"), status=200)
    for index, select in enumerate(page.locator(".survey-ranking__list select").all(), start=1):
        select.select_option(str(index))
    visit.submit(page.get_by_role("button", name="Weiter zur Zusammenfassung"), status=200)
    expect(page.locator("h1")).to_have_text("Ihre Antworten im Überblick")


def survey_thanks(visit):
    survey_summary(visit)
    visit.page.get_by_label("Zeichen aus dem Bild").fill("PASSED")
    visit.submit(visit.page.get_by_role("button", name="Absenden"), status=200)
    expect(visit.page.locator("h1")).to_have_text("Vielen Dank für Ihre Teilnahme!")


def survey_results(visit):
    """A closed survey's public results, built here (not from the demo): every chart kind."""
    from wagtail.models import Site

    from tests.participation.surveys.responses import survey_with_results

    survey = survey_with_results(Site.objects.get(is_default_site=True).root_page)
    visit.goto(survey.url + "ergebnisse/")
    expect(visit.page.locator("figure.chart").first).to_be_visible()


def survey_results_not_yet(visit):
    """Results after the survey closes, asked for while it still runs: the notice."""
    from wagtail.models import Site

    from tests.participation.surveys.responses import survey_with_results

    survey = survey_with_results(Site.objects.get(is_default_site=True).root_page)
    survey.closes_at = survey.opens_at + timedelta(days=60)
    survey.save()
    visit.goto(survey.url + "ergebnisse/")
    expect(visit.page.locator(".notice")).to_contain_text("wenn die Umfrage beendet ist")


def official_response(visit):
    """A highlighted comment with the town's official response (moderation demo)."""
    from home.demo.moderation import OFFICIAL_RESPONSE
    from participation.contributions.models import Comment
    from participation.contributions.selectors import comment_permalink

    visit.goto(comment_permalink(Comment.objects.get(text=OFFICIAL_RESPONSE)))


def hidden_by_moderation(visit):
    from home.demo.moderation import HIDDEN_TEXT
    from participation.contributions.models import Comment
    from participation.contributions.selectors import comment_permalink

    visit.goto(comment_permalink(Comment.objects.get(text=HIDDEN_TEXT)))


STATES = [
    ("home", "/"),
    ("consultation", demo.CONSULTATION),
    ("topic-with-comments", demo.TOPIC),
    ("concept-document", demo.CONCEPT),
    ("concept-paragraph-panel-open", concept_paragraph_panel_open),
    ("heatmap", heatmap),
    ("chapter-comments", chapter_comments),
    ("paragraph-discussion-page", paragraph_page),
    ("forum", demo.FORUM),
    ("thread-page", thread_page),
    ("new-thread-form", thread_form),
    ("new-thread-form-errors", thread_form_with_errors),
    ("news-index", "/aktuelles/"),
    ("news-article", "/aktuelles/online-beteiligung-isek-gestartet/"),
    ("impressum", "/impressum/"),
    ("datenschutz", "/datenschutz/"),
    ("barrierefreiheit", "/barrierefreiheit/"),
    ("leichte-sprache", "/leichte-sprache/"),
    ("en-home", "/en/"),
    ("en-consultation", "/en" + demo.CONSULTATION),
    ("login", "/konto/login/"),
    ("login-wrong-password", login_wrong_password),
    ("signup", "/konto/signup/"),
    ("signup-errors", signup_with_errors),
    ("signup-verification-sent", signup_done),
    ("password-reset", "/konto/password/reset/"),
    ("password-reset-sent", password_reset_done),
    ("topic-logged-in", logged_in_topic),
    ("logout-confirmation", logout_confirmation),
    ("comment-errors", comment_with_errors),
    ("captcha-confirmation", captcha_confirmation),
    ("captcha-confirmation-wrong", captcha_confirmation_wrong),
    ("report-form", report_form),
    ("report-errors", report_with_errors),
    ("reply-page", reply_page),
    ("edit-page", edit_page),
    ("edit-errors", edit_with_errors),
    ("delete-confirmation", delete_confirmation),
    ("accessibility-feedback", "/barrierefreiheit/rueckmeldung/"),
    ("accessibility-feedback-errors", feedback_with_errors),
    ("accessibility-feedback-sent", feedback_sent),
    ("404", not_found),
    ("403-csrf", csrf_failure),
    ("500", server_error),
    ("429-comment", comment_rate_limited),
    ("429-report", report_rate_limited),
    ("429-signup", signup_rate_limited),
    ("privacy-profile", account_page("/konto/profil/")),
    ("privacy-my-data", account_page("/konto/meine-daten/")),
    ("privacy-delete-account", account_page("/konto/loeschen/")),
    ("survey-intro", SURVEY),
    ("survey-step-1", SURVEY + "schritt/1/"),
    ("survey-step-2-matrix", SURVEY + "schritt/2/"),
    ("survey-step-3-number", SURVEY + "schritt/3/"),
    ("survey-step-4-ranking", SURVEY + "schritt/4/"),
    ("survey-step-errors", survey_step_errors),
    ("survey-summary", survey_summary),
    ("survey-thanks", survey_thanks),
    ("survey-results", survey_results),
    ("survey-results-not-yet", survey_results_not_yet),
    ("moderation-official-response", official_response),
    ("moderation-hidden-comment", hidden_by_moderation),
    ("summary", "/isek-2035/ergebnisbericht/"),
    ("en-summary", "/en/isek-2035/ergebnisbericht/"),
]


def _reach(state, page, demo_site, settings):
    visit = Visit(page=page, base=demo_site.url, settings=settings)
    if callable(state):
        state(visit)
    else:
        visit.goto(state)
    return page


@pytest.mark.parametrize("state", [s for _, s in STATES], ids=[i for i, _ in STATES])
def test_state_has_no_axe_violations(demo_site, new_page, settings, axe_check, state):
    page = _reach(state, new_page(WIDE), demo_site, settings)
    axe_check(page)


@pytest.mark.parametrize("state", [s for _, s in STATES], ids=[i for i, _ in STATES])
def test_state_does_not_scroll_horizontally_at_320px(demo_site, new_page, settings, state):
    page = _reach(state, new_page(NARROW), demo_site, settings)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        wide = page.evaluate(
            """() => [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right
                    > document.documentElement.clientWidth + 0.5)
                .slice(0, 5).map((el) => el.outerHTML.slice(0, 160))"""
        )
        pytest.fail(f"{page.url} scrolls sideways by {overflow}px at 320px: {wide}")


TEXT_ZOOM_PATHS = ["/", demo.CONSULTATION, demo.TOPIC, demo.CONCEPT, demo.FORUM, "/konto/login/"]


@pytest.mark.parametrize("path", TEXT_ZOOM_PATHS)
def test_text_at_200_percent_does_not_scroll_horizontally(demo_site, page, path):
    """Browsers' "text only" zoom: the root font size doubles, the viewport stays 1280 px."""
    page.goto(demo_site + path)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 30
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px with text at 200 %"
