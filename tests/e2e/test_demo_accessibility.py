"""The demo's public pages pass axe-core (WCAG 2.1 A/AA) in a real headless Chromium."""

import pytest

DEMO_PATHS = [
    "/",
    "/isek-2035/",
    "/isek-2035/konzept/",
    "/isek-2035/mobilitaet/",
    "/isek-2035/forum-digitalisierung/",
    "/aktuelles/",
    "/impressum/",
    "/en/isek-2035/",
    "/konto/login/",
    "/konto/signup/",
]


@pytest.mark.parametrize("path", DEMO_PATHS)
def test_demo_page_has_no_axe_violations(demo_site, page, axe_check, path):
    response = page.goto(demo_site.url + path)
    assert response.status == 200
    axe_check(page)


def test_concept_document_paragraph_link_targets_paragraph(demo_site, page):
    page.goto(demo_site.url + "/isek-2035/konzept/")
    link = page.get_by_role("link", name="Link zu Absatz 3.2")
    link.click()
    target = page.locator("article.concept-paragraph:target")
    assert target.count() == 1
    assert "3.2" in target.locator("h3").inner_text()


def test_keyboard_user_reaches_main_content_through_skip_link(demo_site, page):
    page.goto(demo_site.url + "/isek-2035/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_page_does_not_scroll_horizontally_at_320px(demo_site, browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 320, "height": 800})
    narrow = context.new_page()
    for path in ["/", "/isek-2035/", "/isek-2035/konzept/"]:
        narrow.goto(demo_site.url + path)
        overflow = narrow.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls horizontally by {overflow}px at 320px"
    context.close()
