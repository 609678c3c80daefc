"""In Chromium: the quiz result screen (passed or failed, what to do next) in
every language, the learner's readable receipt, and the trainers' cohort view
computed in the browser from dropped receipt files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kb.content.project import load_project
from kb.languages import LANGUAGES, url_prefix
from kb.lms.receipts import module_catalogue, read_receipts, rounded_average
from kb.render.training import module_order
from test_receipts import receipt
from conftest import FIXED_TODAY

pytestmark = pytest.mark.browser
MODULE = "retention-basics"
TODAY = date.fromisoformat(FIXED_TODAY)
CLOCK = f"{FIXED_TODAY}T10:00:00"


@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def answer_correctly(quiz, question, lang: str) -> None:
    # The canonical answer: other accepted variants are the quiz test's subject.
    if question.type == "fill":
        quiz.locator(".quiz-blank-input").fill(question.answers[lang][0])
        quiz.locator("button[type=submit], .quiz-submit, button").first.click()
        return
    for box in quiz.locator("input[data-correct='true']").all():
        box.check()
    # Single-choice answers are submitted with the button too (auto_submit: false).
    quiz.locator("button[type=submit], .quiz-submit").first.click()


def answer_wrongly(quiz, question, lang: str) -> None:
    if question.type == "fill":
        quiz.locator(".quiz-blank-input").fill("definitely wrong")
        quiz.locator("button[type=submit], .quiz-submit, button").first.click()
        return
    wrong = next(i for i, option in enumerate(question.options) if not option.correct)
    quiz.locator(f"input[value='{wrong}']").check()
    quiz.locator("button[type=submit], .quiz-submit").first.click()


def text_of(locator) -> str:
    return " ".join(locator.inner_text().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_result_screen_says_failed_then_passed_with_what_to_do_next(page, site_url, project, lang):
    ui = project.ui[lang]
    module = project.quizzes[MODULE].item
    questions = module.questions
    order = [m.id for m in module_order(project)]
    nxt = project.quizzes[order[order.index(MODULE) + 1]].item
    page.goto(f"{site_url}/{url_prefix(lang)}quizzes/{MODULE}/")
    quizzes = page.locator("div.quiz")
    result = page.locator(".kb-result")
    assert result.is_hidden()

    missed = 3  # 5 of 8 correct: below the pass mark
    for index, question in enumerate(questions):
        (answer_wrongly if index < missed else answer_correctly)(quizzes.nth(index), question, lang)
    result.wait_for(state="visible", timeout=5000)
    total, correct = len(questions), len(questions) - missed
    assert 100 * correct < module.pass_mark * total
    assert result.get_attribute("data-state") == "failed"
    assert text_of(result.locator(".kb-result-title")) == ui["result_failed"]
    score = (200 * correct + total) // (2 * total)
    assert text_of(result.locator(".kb-result-score")) == " ".join(
        ui["result_score"].format(correct=correct, total=total, score=score, **{"pass": module.pass_mark}).split())
    # The sections to re-read are those the missed questions cite, once each.
    cited = [quizzes.nth(i).locator(".kb-cite a").first.get_attribute("href") for i in range(missed)]
    reread = [a.get_attribute("href") for a in result.locator(".kb-result-reread a").all()]
    assert reread == list(dict.fromkeys(cited)) and reread
    assert result.locator(".kb-result-next").count() == 0 or result.locator(".kb-result-passed").is_hidden()
    start = result.locator(".kb-result-start")
    assert text_of(start) == ui["result_start_here"]

    result.locator(".kb-result-retry").click()
    page.wait_for_load_state()
    quizzes = page.locator("div.quiz")
    assert page.locator(".kb-result").is_hidden()
    for index, question in enumerate(questions):
        answer_correctly(quizzes.nth(index), question, lang)
    result = page.locator(".kb-result")
    result.wait_for(state="visible", timeout=5000)
    assert result.get_attribute("data-state") == "passed"
    assert text_of(result.locator(".kb-result-title")) == ui["result_passed"]
    assert result.locator(".kb-result-failed").is_hidden()
    following = result.locator(".kb-result-next")
    assert text_of(following) == " ".join(nxt.title[lang].split())
    following_url = page.evaluate("(a) => a.href", following.element_handle())
    assert following_url.endswith(f"/{url_prefix(lang)}quizzes/{nxt.id}/")
    start_url = page.evaluate("(a) => a.href", result.locator(".kb-result-start").element_handle())
    assert start_url == f"{site_url}/{url_prefix(lang)}start/"


def test_the_learner_sees_a_readable_receipt_and_a_copy_confirmation(browser, site_url, project):
    lang, name = "pl", "Łukasz Żółć"
    ui = project.ui[lang]
    module = project.quizzes[MODULE].item
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    try:
        page.goto(f"{site_url}/{url_prefix(lang)}quizzes/{MODULE}/")
        quizzes = page.locator("div.quiz")
        for index, question in enumerate(module.questions):
            answer_correctly(quizzes.nth(index), question, lang)
        panel = page.locator(".kb-receipt")
        panel.wait_for(state="visible", timeout=5000)
        # Without a name, nothing is downloaded or copied: the learner is asked for it.
        panel.locator(".kb-receipt-name").fill("")
        panel.locator(".kb-receipt-copy").click()
        assert text_of(panel.locator(".kb-receipt-status")) == ui["receipt_need_name"]
        panel.locator(".kb-receipt-name").fill(name)
        summary = panel.locator(".kb-receipt-summary")
        assert "{" not in summary.inner_text() and "content_version" not in panel.inner_text()
        labels = [text_of(dt) for dt in summary.locator("dt").all()]
        assert labels == [ui[k] for k in ("receipt_label_module", "receipt_label_name", "receipt_label_date",
                                         "receipt_label_score", "receipt_label_result", "receipt_label_version")]
        total = len(module.questions)
        assert text_of(panel.locator(".kb-receipt-show-module")) == " ".join(module.title[lang].split())
        assert text_of(summary.locator("dd.kb-receipt-show-name")) == name
        assert text_of(summary.locator("dd.kb-receipt-show-date")) == TODAY.isoformat()
        assert text_of(summary.locator("dd.kb-receipt-show-score")) == f"100 % ({total} / {total})"
        assert text_of(summary.locator("dd.kb-receipt-show-result")) == ui["passed"]
        assert ui["receipt_verified"] in text_of(panel) and "SCORM" in ui["receipt_verified"]

        panel.locator(".kb-receipt-copy").click()
        page.wait_for_function("document.querySelector('.kb-receipt-status').textContent.length > 0")
        assert text_of(panel.locator(".kb-receipt-status")) == ui["receipt_copied"]
        copied = json.loads(page.evaluate("navigator.clipboard.readText()"))
        assert (copied["name"], copied["language"], copied["passed"]) == (name, lang, True)

        with page.expect_download() as download_info:
            panel.locator(".kb-receipt-download").click()
        download = download_info.value
        assert download.suggested_filename == f"receipt-{MODULE}-{lang}-{name}-{TODAY.isoformat()}.json"
        data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
        assert data == copied
        # The downloaded receipt passes the trainers' rules.
        catalogue = module_catalogue(module_order(project))
        folder = Path(download.path()).parent / "check"
        folder.mkdir()
        (folder / download.suggested_filename).write_bytes(Path(download.path()).read_bytes())
        rows, problems = read_receipts(folder, catalogue, TODAY)
        assert problems == [] and [(r.name, r.score, r.passed) for r in rows] == [(name, 100, True)]
    finally:
        context.close()


@pytest.mark.parametrize("name, shown", [("Ona Petraitytė", "Ona Petraitytė"), ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
                                         ("Łukasz Żółć", "Łukasz Żółć")])
def test_receipt_file_names_keep_names_readable(page, site_url, name, shown):
    page.goto(f"{site_url}/trainers/")
    found = page.evaluate(f"(name) => kbReceipts.fileName(['receipt', 'm', 'lt', name, '{FIXED_TODAY}'])", name)
    assert found == f"receipt-m-lt-{shown}-{FIXED_TODAY}.json"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_trainers_drop_receipts_and_see_the_cohort_computed_in_the_browser(page, site_url, project, lang, tmp_path):
    ui = project.ui[lang]
    catalogue = module_catalogue(module_order(project))
    folder = tmp_path / "receipts"
    folder.mkdir()
    files = {
        "ona.json": receipt(catalogue),
        "ona-again.json": receipt(catalogue, date="2026-11-22", correct=catalogue[MODULE]["total"],
                                  score=100, passed=True),
        "marco.json": receipt(catalogue, name="Marco Rossi", language="it", correct=1, score=13, passed=False),
        "formula.json": receipt(catalogue, name="=HYPERLINK(\"x\")", module="retention-programs"),
        "liar.json": receipt(catalogue, name="Liar", correct=3, score=100, passed=False),
        "future.json": receipt(catalogue, name="Later", date="2099-01-01"),
        "passed-text.json": receipt(catalogue, name="Text", passed="false"),
        "broken.json": "{not json",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "huge.json").write_bytes(b" " * 3_000_000)
    rows, problems = read_receipts(folder, catalogue, TODAY)

    page.clock.set_fixed_time(CLOCK)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}/{url_prefix(lang)}trainers/")
    view = page.locator(".kb-cohort")
    assert ui["receipts_self_reported"] in text_of(view) and ui["receipts_verified"] in text_of(view)
    gift = page.locator(f"a[href$='retention-kb-{lang}.gift.txt']")
    assert gift.get_attribute("download") is not None
    loaded = len(requests)
    view.locator(".kb-cohort-input").set_input_files(sorted(folder.iterdir()))
    page.wait_for_function("document.querySelector('.kb-cohort-summary').textContent.includes('9')")
    assert requests[loaded:] == []  # nothing uploaded, nothing fetched

    headers = [text_of(th) for th in view.locator(".kb-cohort-table th").all()]
    assert headers == [ui[k] for k in ("col_learner", "col_module", "col_score", "col_correct", "col_result",
                                      "col_date", "col_attempts", "col_file")]
    shown = [(tr.get_attribute("data-module"), tr.get_attribute("data-name"), int(tr.get_attribute("data-score")),
              tr.get_attribute("data-passed") == "true", int(tr.get_attribute("data-attempts")), tr.get_attribute("data-file"))
             for tr in view.locator(".kb-cohort-table tbody tr").all()]
    assert shown == [(r.module, r.name, r.score, r.passed, r.attempts, r.file) for r in rows]
    assert ("retention-basics", "Ona Petraitytė", 100, True, 2, "ona-again.json") in shown
    refused = {li.get_attribute("data-file"): li.get_attribute("data-codes").split()
               for li in view.locator(".kb-cohort-refused li").all()}
    python_refused: dict[str, list[str]] = {}
    for problem in problems:
        python_refused.setdefault(Path(problem.path).name, []).append(problem.code)
    assert refused == python_refused
    assert refused["liar.json"] == ["wrong-score"] and refused["passed-text.json"] == ["wrong-type"]
    assert ui["reason_wrong_score"] in text_of(view.locator(".kb-cohort-refused li[data-file='liar.json']"))
    assert text_of(view.locator(".kb-cohort-summary")) == ui["cohort_summary"].format(
        learners=len(rows), files=len(files) + 1, refused=len(python_refused))
    averages = {t.get_attribute("data-module"): t.text_content() for t in view.locator(".kb-cohort-average").all()}
    for module in {r.module for r in rows}:
        scores = [r.score for r in rows if r.module == module]
        assert averages[module] == f"{rounded_average(scores)}% (n={len(scores)})"
