"""axe-core (axe-playwright-python) in Chromium: no violations on the main page types,
in the light scheme and in the dark one (Material picks it from the operating
system's setting), and after a quiz is answered (feedback, progress)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from kb.content.project import load_project
from kb.languages import LANGUAGES, url_prefix
from test_browser_quiz import answer_correctly

pytestmark = pytest.mark.browser
PAGES = ["", "articles/retention-programs/", "playbooks/cancellation-call/", "glossary/",
         "quizzes/retention-basics/", "start/", "trainers/", "404.html"]
SCHEMES = {"light": "default", "dark": "slate"}  # operating system setting → Material's scheme


def _violations(page) -> list[tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations(page, site_url, lang, scheme):
    page.emulate_media(color_scheme=scheme)
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}/{url_prefix(lang)}{path}")
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        if violations := _violations(page):
            found[path] = violations
    assert found == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_once_a_quiz_is_answered(page, site_url, root, scheme):
    """Right and wrong feedback, a fill-in answer, the receipt, and the progress on "Start here"."""
    page.emulate_media(color_scheme=scheme)
    module_id = "retention-programs"
    module = load_project(root).quizzes[module_id].item
    page.goto(f"{site_url}/pl/quizzes/{module_id}/")
    quizzes = page.locator("div.quiz")
    for index, question in enumerate(module.questions):
        quiz = quizzes.nth(index)
        if index % 2 and question.type != "fill":
            wrong = next(i for i, option in enumerate(question.options) if not option.correct)
            quiz.locator(f"input[value='{wrong}']").check()
            quiz.locator("button[type=submit]").click()
        else:
            answer_correctly(quiz, question, "pl")
    page.locator(".quiz-feedback-item.correct").first.wait_for()
    page.locator(".quiz-feedback-item.incorrect").first.wait_for()
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    found = {"quiz": _violations(page)}
    page.goto(f"{site_url}/pl/start/")
    assert page.locator(f"[data-kb-module='{module_id}'] .kb-progress").get_attribute("data-state") == "failed"
    found["start"] = _violations(page)
    assert found == {"quiz": [], "start": []}
