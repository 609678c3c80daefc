"""In Chromium: a glossary term in an article shows its definition on hover and on tap."""

import pytest

pytestmark = pytest.mark.browser


def active_tooltip(page) -> str:
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()


def test_hover_shows_definition(page, site_url):
    page.goto(f"{site_url}/pl/articles/retention-management/")
    term = page.locator("article a.kb-term").first
    title = term.get_attribute("title")
    assert title and ": " in title
    term.hover()
    assert active_tooltip(page).strip() == title.strip()


def test_tap_shows_definition_then_follows(browser, site_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        url = f"{site_url}/fi/articles/retention-programs/"
        page.goto(url)
        term = page.locator("article a.kb-term").first
        definition = term.get_attribute("title")
        term.tap()
        assert active_tooltip(page).strip() == definition.strip()
        assert page.url == url  # the first tap explains, it does not navigate
        term.tap()
        page.wait_for_url("**/fi/glossary/**")
    finally:
        context.close()
