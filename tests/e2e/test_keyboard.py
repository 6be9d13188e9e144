"""Keyboard-only journeys: no mouse, only page.keyboard (and page.goto for the address bar)."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.e2e import demo

# What a keyboard user can reach with Tab: the browser's sequential focus order, roughly.
TABBABLE_JS = """() => [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
    )].filter((el) => !el.disabled && el.tabIndex >= 0 && !el.closest('[inert], [hidden]')
        && el.checkVisibility({visibilityProperty: true}))"""

DESCRIBE_FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        key: el.id || el.getAttribute('href') || el.name || el.outerHTML.slice(0, 120),
        html: el.outerHTML.slice(0, 160),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        inFooter: Boolean(el.closest('footer')),
        index: window.__tabbables ? window.__tabbables.indexOf(el) : -1,
    };
}"""


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector)


def tab_until(page, selector: str, *, limit: int = 300, key: str = "Tab") -> int:
    """Presses Tab until the focused element matches `selector`; returns how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if focused_matches(page, selector):
            return presses
    pytest.fail(f"{selector!r} not reached with {limit} × {key} on {page.url}")


def test_skip_link_leads_to_the_main_content(demo_site, page):
    page.goto(demo_site + demo.CONSULTATION)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt springen"
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_paragraph_anchor_link_by_keyboard(demo_site, page):
    page.goto(demo_site + demo.CONCEPT)
    tab_until(page, f'a.anchor-link[href="#absatz-{demo.paragraph_key("3.2")}"]')
    page.keyboard.press("Enter")
    target = page.locator("article.concept-paragraph:target")
    expect(target).to_have_count(1)
    assert "3.2" in target.locator("h3").inner_text()


def test_anonymous_citizen_comments_on_a_paragraph_and_votes_by_keyboard(demo_site, page):
    key = demo.paragraph_key("3.2")
    panel = f"#diskussion-{key}"
    page.goto(demo_site + demo.CONCEPT)

    # "Kommentieren" at 3.2 is a disclosure button (with JS): Enter opens the discussion.
    toggle = f'a[data-paragraph-toggle][aria-controls="diskussion-{key}"]'
    tab_until(page, toggle)
    assert page.get_attribute(toggle, "role") == "button"
    assert page.get_attribute(toggle, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    expect(page.locator(toggle)).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"{panel} textarea")).to_be_visible()
    # Focus moved into the panel (its heading), so the form is the next stop.
    assert page.evaluate("(s) => document.querySelector(s).contains(document.activeElement)", panel)
    assert tab_until(page, f"{panel} textarea", limit=3) <= 3
    text = "Tempo 20 in der Hagenstraße würde schon viel helfen."
    page.keyboard.type(text)

    # The captcha: instructions tied to the field, and the audio version reachable by Tab.
    if settings.CAPTCHA_FLITE_PATH:
        tab_until(page, f"{panel} a[data-captcha-audio]", limit=10)
        assert page.evaluate("document.activeElement.textContent.trim()").startswith(
            "Zeichen vorlesen lassen"
        )
    captcha = f'{panel} input[name$="captcha_1"]'
    tab_until(page, captcha, limit=10)
    help_id = page.get_attribute(captcha, "aria-describedby")
    expect(page.locator(f"#{help_id}")).to_contain_text(
        "Bitte geben Sie die Zeichen aus dem Bild ein"
    )
    page.keyboard.type("PASSED")  # CAPTCHA_TEST_MODE
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value.status == 200
    expect(page.locator(".messages")).to_contain_text("Danke!")
    expect(page.get_by_text(text)).to_be_visible()

    # Vote on someone else's comment with the keyboard: no reload, counted, announced.
    tab_until(page, "button.vote-button--up")
    comment_id = page.evaluate("document.activeElement.closest('li.comment').id")
    button = page.locator(f"#{comment_id} > article button.vote-button--up")
    before = int(button.locator("[data-count=up]").inner_text())
    url = page.url
    page.keyboard.press("Space")
    expect(button.locator("[data-count=up]")).to_have_text(str(before + 1))
    expect(button).to_have_attribute("aria-pressed", "true")
    live_region = page.locator(f"#{comment_id}").locator(
        "xpath=ancestor::section[contains(@class, 'discussion')]//*[@data-live-region]"
    )
    expect(live_region).to_have_attribute("aria-live", "polite")
    expect(live_region).to_have_text("Ihre Zustimmung wurde gezählt.")
    assert page.url == url  # no reload
    assert focused_matches(page, f"#{comment_id} > article button.vote-button--up")


def test_login_by_keyboard(demo_site, page):
    user = demo.citizen(name="Tastatur Nutzerin")
    page.goto(demo_site + "/konto/login/")
    tab_until(page, "input[name=login]")
    page.keyboard.type(user.email)
    tab_until(page, "input[name=password]", limit=3)
    page.keyboard.type(demo.PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".account-links")).to_contain_text("Angemeldet als Tastatur Nutzerin")


def test_every_focusable_element_shows_visible_focus(demo_site, page):
    page.goto(demo_site + demo.CONSULTATION)
    expected = page.evaluate(f"() => (window.__tabbables = ({TABBABLE_JS})()).length")
    assert expected > 20
    seen: dict[int, dict] = {}
    for _ in range(expected + 10):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS_JS)
        if focus is None or focus["index"] in seen:
            break  # past the end, or wrapped
        seen[focus["index"]] = focus
    invisible = [
        f["html"]
        for f in seen.values()
        if (f["outlineStyle"] == "none" or f["outlineWidth"] == 0) and f["boxShadow"] == "none"
    ]
    assert invisible == [], f"no visible focus indicator: {invisible}"
    missing = page.evaluate(
        """(seen) => window.__tabbables.filter((el, i) => !seen.includes(i))
            .map((el) => el.outerHTML.slice(0, 120))""",
        list(seen),
    )
    assert missing == [], f"never reached with Tab: {missing}"


def test_no_keyboard_trap_on_the_concept_page(demo_site, page):
    page.goto(demo_site + demo.CONCEPT)
    page.evaluate(f"() => {{ window.__tabbables = ({TABBABLE_JS})(); }}")
    order = []
    for _ in range(200):
        page.keyboard.press("Tab")
        order.append(page.evaluate(DESCRIBE_FOCUS_JS))
    footer_at = next((i for i, f in enumerate(order) if f and f["inFooter"]), None)
    assert footer_at is not None, "Tab never reached the footer"
    first = order[0]
    assert first["html"].startswith('<a class="skip-link"')
    wrapped = [i for i, f in enumerate(order) if i > footer_at and f and f["key"] == first["key"]]
    assert wrapped, "after the footer, Tab did not come back to the top of the page"
