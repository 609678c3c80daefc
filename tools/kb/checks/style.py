"""The mechanical part of each language's style sheet, applied to every text in that language."""

from __future__ import annotations

import re
from pathlib import Path

from kb.checks.texts import all_prose
from kb.content.style import StyleSheet
from kb.diagnostics import Diagnostic, error


def check_style(root: Path, sheets: dict[str, tuple[StyleSheet, str]]) -> list[Diagnostic]:
    rules = {lang: [(rule, re.compile(rule.pattern), rel) for rule in sheet.rules] for lang, (sheet, rel) in sheets.items()}
    problems = []
    for prose in all_prose(root):
        for rule, pattern, rel in rules.get(prose.lang, ()):
            for match in pattern.finditer(prose.text):
                line, col = prose.locate(match.group(0), match.start())
                problems.append(error(prose.path, line, col, "style",
                                      f"{rule.message} ('{match.group(0)}'; rule {rule.id} in {rel})"))
    return problems
