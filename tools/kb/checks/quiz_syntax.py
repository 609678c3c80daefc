"""Quiz texts that mkdocs-quiz's markup cannot express.

The build writes each question as mkdocs-quiz markup: a fill-in blank is
`[[answer]]` (the answer ends at the first `]`), and any `[[…]]` anywhere in a
question turns the whole question into a fill-in question, which prints
the options with the correct one marked. Such texts are refused here, at
the YAML line, instead of failing in (or silently changing) the build.
"""

from __future__ import annotations

import re

from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES

# mkdocs_quiz.parsing.FILL_BLANK_REGEX
_FILL_BLANK = re.compile(r"\[\[([^\]]+)\]\]")


def _texts(question) -> list[tuple[tuple, str]]:  # type: ignore[no-untyped-def]
    """(path inside the question, text) of every localized text a question shows."""
    found = []
    for field in ("question", "explanation"):
        found += [((field, lang), getattr(question, field)[lang]) for lang in LANGUAGES]
    for number, option in enumerate(question.options or []):
        for field in ("text", "feedback"):
            if getattr(option, field) is not None:
                found += [(("options", number, field, lang), getattr(option, field)[lang]) for lang in LANGUAGES]
    return found


def quiz_syntax_problems(loaded) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    """Problems of one loaded quiz module (kb.checks.validate.quiz_module_problems)."""
    problems = []
    where = loaded.located.where
    for index, question in enumerate(loaded.item.questions):
        at = ("questions", index)
        for path, text in _texts(question):
            if "[[" not in text:  # nearly every text: skip the search
                continue
            match = _FILL_BLANK.search(text)
            if match:
                problems.append(error(loaded.path, *where(at + path, True), "quiz-syntax",
                                      f"'{match.group(0)}' is mkdocs-quiz's fill-in blank and would turn the question "
                                      "into a fill-in question: write it without double square brackets"))
        for lang in LANGUAGES if question.answers is not None else ():
            for number, answer in enumerate(question.answers[lang]):
                if "]" in answer or "[[" in answer:
                    problems.append(error(loaded.path, *where(at + ("answers", lang, number), True), "quiz-syntax",
                                          f"answer '{answer}' contains a square bracket, which mkdocs-quiz's fill-in "
                                          "blank [[answer]] cannot hold: leave it out"))
    return problems
