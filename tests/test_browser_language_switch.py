"""In Chromium: from the Lithuanian home to an article, then each language."""

import pytest

from kb.languages import DEFAULT_LANGUAGE, LANGUAGES, NATIVE_NAMES

pytestmark = pytest.mark.browser


def test_language_switch_keeps_the_article(page, site_url):
    page.goto(f"{site_url}/")
    assert page.get_attribute("html", "lang") == "lt"
    page.locator("article a[href*='articles/retention-programs/']").first.click()
    page.wait_for_url("**/articles/retention-programs/**")
    lt_sections = page.locator("article h2[id]").evaluate_all("els => els.map(e => e.id)")
    for lang in [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]:
        page.goto(f"{site_url}/articles/retention-programs/")
        page.locator(".md-header__option .md-select").hover()
        page.get_by_role("link", name=NATIVE_NAMES[lang], exact=True).click()
        page.wait_for_url(f"**/{lang}/articles/retention-programs/")
        assert page.get_attribute("html", "lang") == lang
        assert page.locator("article h2[id]").evaluate_all("els => els.map(e => e.id)") == lt_sections
