"""A citizen answers a three-step survey with the keyboard alone, meets a validation error
and fixes it; axe finds nothing on any step, the error state, the summary or the thanks."""

import uuid

from playwright.sync_api import expect

from participation.consultations.models import ConsultationPage
from participation.surveys.models import Response
from tests.e2e import demo
from tests.e2e.test_keyboard import focused_matches, tab_until
from tests.participation.surveys.factories import SurveyPageFactory


def three_step_survey():
    """A survey of its own in the demo consultation (every question kind, three steps)."""
    consultation = ConsultationPage.objects.get(url_path__endswith=demo.CONSULTATION)
    return SurveyPageFactory(
        parent=consultation, title="Tastaturumfrage", slug=f"tastatur-{uuid.uuid4().hex[:8]}"
    )


def press_and_wait(page, key: str = "Enter", status: int = 200):
    with page.expect_navigation() as navigation:
        page.keyboard.press(key)
    assert navigation.value.status == status, page.url
    return navigation.value


def question(survey, code):
    return survey.schema.by_code(code)


def test_citizen_completes_a_survey_by_keyboard(demo_site, page, axe_check):
    survey = three_step_survey()
    page.goto(demo_site + survey.url)
    axe_check(page)
    tab_until(page, "a.button--primary")
    press_and_wait(page)

    # Step 1: "Schritt 1 von 3", a required radio group and a dropdown.
    expect(page.locator(".survey-progress__label")).to_have_text("Schritt 1 von 3")
    axe_check(page)
    ortsteil = question(survey, "ortsteil")
    tab_until(page, f"#q-{ortsteil.key}-1")
    page.keyboard.press("ArrowDown")  # moves to and selects "Althaldensleben"
    alter = question(survey, "alter")
    tab_until(page, f"#q-{alter.key}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_until(page, "button[value=weiter]")
    press_and_wait(page)

    # Step 2: sending without the required multiple choice shows the error summary, focused.
    expect(page.locator(".survey-progress__label")).to_have_text("Schritt 2 von 3")
    verkehr = question(survey, "verkehrsmittel")
    radweg = question(survey, "radweg")
    expect(page.locator(f"#q-{radweg.key}-1")).to_be_hidden()  # shown only to cyclists
    tab_until(page, "button[value=weiter]")
    press_and_wait(page, status=400)
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("Wie kommen Sie in die Innenstadt?")
    assert focused_matches(page, "[data-error-summary]")
    axe_check(page)
    # The summary's link leads to the field; Space ticks "Fahrrad".
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused_matches(page, f"#q-{verkehr.key}-1")
    tab_until(page, f"#q-{verkehr.key}-2", limit=2)
    page.keyboard.press("Space")
    # The conditional question appears at once and is answered with the keyboard.
    expect(page.locator(f"#q-{radweg.key}-1")).to_be_visible()
    tab_until(page, f"#q-{radweg.key}-1")
    page.keyboard.press("Space")
    matrix = question(survey, "aussagen")
    tab_until(page, f"#q-{matrix.key}-r1-1")
    page.keyboard.press("Space")
    tab_until(page, "button[value=weiter]")
    press_and_wait(page)

    # Step 3: ranking without drag and drop, a number with unit, a date typed in.
    expect(page.locator(".survey-progress__label")).to_have_text("Schritt 3 von 3")
    axe_check(page)
    ranking = question(survey, "prioritaeten")
    for position in range(1, len(ranking.options) + 1):
        tab_until(page, f"#q-{ranking.key}-p{position}")
        for _ in range(4 - position):  # the last option first, and so on
            page.keyboard.press("ArrowDown")
    wege = question(survey, "wege")
    tab_until(page, f"#q-{wege.key}")
    page.keyboard.type("12")
    tab_until(page, "button[value=weiter]")
    press_and_wait(page)

    # Summary, captcha, send.
    expect(page.locator("h1")).to_have_text("Ihre Antworten im Überblick")
    expect(page.locator("main")).to_contain_text("1. Parkplätze, 2. Radwege, 3. Grünflächen")
    axe_check(page)
    tab_until(page, 'input[name$="captcha_1"]')
    page.keyboard.type("PASSED")  # CAPTCHA_TEST_MODE
    press_and_wait(page)
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Teilnahme!")
    expect(page.locator("main")).to_contain_text("Fahrrad")
    axe_check(page)
    response = Response.objects.get(survey=survey)
    assert response.answers.count() == 7
