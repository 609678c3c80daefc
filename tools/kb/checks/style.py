"""The mechanical part of each language's style sheet, applied to every text in that language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kb.checks.texts import Prose
from kb.content.style import StyleSheet
from kb.diagnostics import Diagnostic, error


def check_style(texts: Iterable[Prose], sheets: dict[str, tuple[StyleSheet, str]]) -> list[Diagnostic]:
    """Every match of a language's style rules in that language's texts (kb.checks.texts.all_prose)."""
    rules = {lang: (tuple(sheet.rules), tuple(rule.pattern for rule in sheet.rules), rel)
             for lang, (sheet, rel) in sheets.items()}
    problems = []
    for prose in texts:
        if prose.lang not in rules:
            continue
        sheet_rules, patterns, rel = rules[prose.lang]
        for index, start, surface in _matches(patterns, prose.text):
            rule = sheet_rules[index]
            line, col = prose.locate(surface, start)
            problems.append(error(prose.path, line, col, "style",
                                  f"{rule.message} ('{surface}'; rule {rule.id} in {rel})"))
    return problems


# A pure function of its arguments, cached: during `serve` only the texts of the
# saved file are new, so only they are matched again.
@lru_cache(maxsize=1 << 16)
def _matches(patterns: tuple[str, ...], text: str) -> tuple[tuple[int, int, str], ...]:
    """(rule index, offset, matched text) of every match, rule by rule."""
    return tuple((index, match.start(), match.group(0))
                 for index, pattern in enumerate(patterns) for match in re.finditer(pattern, text))
