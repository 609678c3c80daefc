"""Quiz modules: real content, golden compiled page, sheets and keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb.languages import LANGUAGES
from kb.project import load_project
from kb.render.quizzes import quiz_page_markdown, sheet_markdown

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def test_six_modules_of_eight_questions_in_four_languages(project):
    assert len(project.quizzes) >= 6
    assert all(len(loaded.item.questions) >= 8 for loaded in project.quizzes.values())
    types = {q.type for loaded in project.quizzes.values() for q in loaded.item.questions}
    assert types == {"single", "multiple", "fill"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_quiz_page_matches_golden(project, lang):
    actual = quiz_page_markdown(project, project.quizzes["retention-basics"].item, lang)
    golden = GOLDEN / f"quiz.retention-basics.{lang}.md"
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_question_sheet_hides_answers_and_key_shows_them(project):
    module = project.quizzes["retention-programs"].item
    sheet = sheet_markdown(project, module, "pl", answers=False)
    key = sheet_markdown(project, module, "pl", answers=True)
    assert "☑" not in sheet and "kb-correct" not in sheet
    correct = sum(o.correct for q in module.questions for o in (q.options or []))
    assert key.count("☑") == correct
    for question in module.questions:
        assert question.explanation.pl.split()[0] in key
        assert question.explanation.pl not in sheet
