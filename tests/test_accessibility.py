"""axe-core (axe-playwright-python) in Chromium: no violations on the main page types."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from kb.languages import LANGUAGES, url_prefix

pytestmark = pytest.mark.browser
PAGES = ["", "articles/retention-programs/", "playbooks/cancellation-call/", "glossary/",
         "quizzes/retention-basics/", "start/", "trainers/", "404.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations(page, site_url, lang):
    axe = Axe()
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}/{url_prefix(lang)}{path}")
        violations = axe.run(page).response["violations"]
        if violations:
            found[path] = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in violations]
    assert found == {}
