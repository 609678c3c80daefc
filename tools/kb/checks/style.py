"""The mechanical part of each language's style sheet, applied to every text in that language."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kb.checks.texts import Prose
from kb.content.style import StyleSheet
from kb.diagnostics import Diagnostic, error


def check_style(texts: Iterable[Prose], sheets: dict[str, tuple[StyleSheet, str]]) -> list[Diagnostic]:
    """Every match of a language's style rules in that language's texts (kb.checks.texts.all_prose)."""
    rules = {lang: [(rule, re.compile(rule.pattern), rel) for rule in sheet.rules] for lang, (sheet, rel) in sheets.items()}
    problems = []
    for prose in texts:
        for rule, pattern, rel in rules.get(prose.lang, ()):
            for match in pattern.finditer(prose.text):
                line, col = prose.locate(match.group(0), match.start())
                problems.append(error(prose.path, line, col, "style",
                                      f"{rule.message} ('{match.group(0)}'; rule {rule.id} in {rel})"))
    return problems
