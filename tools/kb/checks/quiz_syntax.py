"""Quiz texts that mkdocs-quiz's markup cannot express.

The build writes each question as mkdocs-quiz markup: a fill-in blank is
`[[answer]]` (the answer ends at the first `]`), and any `[[…]]` anywhere in a
question turns the whole question into a fill-in question, which prints
the options with the correct one marked. Such texts are refused here, at
the YAML line, instead of failing in (or silently changing) the build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import re

from kb.diagnostics import Diagnostic, error

# mkdocs_quiz.parsing.FILL_BLANK_REGEX
_FILL_BLANK = re.compile(r"\[\[([^\]]+)\]\]")


def quiz_text_problem(path: str, where: Callable[..., tuple[int, int]], at: tuple[Any, ...], text: str) -> Diagnostic | None:
    """The problem of one text of a quiz module at `at` (only texts with a ']' can have one)."""
    if len(at) > 2 and at[0] == "questions" and at[2] == "answers":
        return error(path, *where(at, True), "quiz-syntax",
                     f"answer '{text}' contains a square bracket, which mkdocs-quiz's fill-in "
                     "blank [[answer]] cannot hold: leave it out")
    match = _FILL_BLANK.search(text)
    if match:
        return error(path, *where(at, True), "quiz-syntax",
                     f"'{match.group(0)}' is mkdocs-quiz's fill-in blank and would turn the question "
                     "into a fill-in question: write it without double square brackets")
    return None
