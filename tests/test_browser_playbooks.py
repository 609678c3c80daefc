"""In Chromium: copy buttons, print layout, phone width."""

import re

import pytest

pytestmark = pytest.mark.browser

PAGE = "/it/playbooks/positive-feedback-reply/"


def test_copy_button_puts_the_exact_template_on_the_clipboard(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        template = page.locator(".kb-template").first
        expected = template.locator(".kb-copy").get_attribute("data-clipboard-text")
        assert expected and expected.strip() == template.locator(".kb-copy-text").inner_text().strip()
        template.hover()
        template.locator(".kb-copy").click()
        assert page.evaluate("navigator.clipboard.readText()") == expected
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["", "it/", "pl/", "fi/"])
def test_print_hides_navigation_and_fits_one_a4_page(page, site_url, lang):
    books = ["cancellation-call", "complaint-call", "complaint-letter", "loyalty-enrolment", "problem-resolution",
             "proactive-communication", "positive-feedback-reply"]
    for book in books:
        page.goto(f"{site_url}/{lang}playbooks/{book}/")
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(selector).first.is_visible(), selector
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, f"{lang}{book} prints on more than one page"


@pytest.mark.parametrize("path", ["/playbooks/cancellation-call/", "/pl/playbooks/complaint-letter/",
                                  "/fi/playbooks/proactive-communication/", "/it/glossary/"])
def test_no_horizontal_scroll_at_360px(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        context.close()
