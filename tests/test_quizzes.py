"""Quiz modules: real content, golden compiled page, sheets and keys."""

from __future__ import annotations


import pytest

from golden_files import assert_matches_golden

from kb.languages import LANGUAGES
from kb.content.project import load_project
from kb.render.links import SiteUrls
from kb.render.quizzes import quiz_page_markdown, sheet_markdown

# The served site's URL style (mkdocs.yml: use_directory_urls).
URLS = SiteUrls(directory_urls=True)



@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def test_six_modules_of_eight_questions_in_four_languages(project):
    assert len(project.quizzes) >= 6
    assert all(len(loaded.item.questions) >= 8 for loaded in project.quizzes.values())
    types = {q.type for loaded in project.quizzes.values() for q in loaded.item.questions}
    assert types == {"single", "multiple", "fill"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_quiz_page_matches_golden(small_project, lang):
    actual = quiz_page_markdown(small_project, small_project.quizzes["retention-programs"].item, lang, URLS)
    assert_matches_golden(f"quiz.retention-programs.{lang}.md", actual)


def test_question_sheet_hides_answers_and_key_shows_them(project):
    module = project.quizzes["retention-programs"].item
    sheet = sheet_markdown(project, module, "pl", URLS, answers=False)
    key = sheet_markdown(project, module, "pl", URLS, answers=True)
    assert "☑" not in sheet and "kb-correct" not in sheet
    correct = sum(o.correct for q in module.questions for o in (q.options or []))
    assert key.count("☑") == correct
    for question in module.questions:
        assert question.explanation.pl.split()[0] in key
        assert question.explanation.pl not in sheet


def test_a_question_has_at_most_26_options():
    """SCORM 1.2 names choices with one letter each: a 27th option must be a content error, not a crash."""
    import pydantic

    from kb.content.quiz import Question
    text = {lang: "x" for lang in ("lt", "it", "pl", "fi")}
    option = {"text": text, "correct": True}
    question = {"id": "q", "type": "multiple", "question": text, "explanation": text, "cite": "a#b"}
    Question.model_validate({**question, "options": [option] * 26})
    with pytest.raises(pydantic.ValidationError, match="at most 26"):
        Question.model_validate({**question, "options": [option] * 27})
