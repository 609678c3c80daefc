"""Placeholders that would be shown raw: `{company:…}` outside playbooks.

Company values are filled in playbook pages only (kb.render.playbooks); a
`{company:key}` in a glossary term, quiz, article, interface string or in
company.yml itself would reach the page as the literal text `{company:key}`.
"""

from __future__ import annotations

from typing import Any

import re

from kb.checks.html_safety import strings_of
from kb.content.load import Located
from kb.diagnostics import Diagnostic, error

_ANY_PLACEHOLDER = re.compile(r"\{company:[^}\n]*\}?")


def _message(found: str) -> str:
    return (f"'{found}' is filled in only in playbooks; here it would be shown as written: "
            "move the sentence to a playbook or write it without the placeholder")


def placeholder_problem(located: Located, path: str, at: tuple[Any, ...], text: str) -> Diagnostic | None:
    match = _ANY_PLACEHOLDER.search(text) if "{company:" in text else None
    if match is None:
        return None
    return error(path, *located.where(at, prefer_value=True), "company-placeholder", _message(match.group(0)))


def yaml_placeholder_problems(located: Located, path: str) -> list[Diagnostic]:
    found = [placeholder_problem(located, path, at, text)
             for at, text in strings_of(located.data, lambda text: "{company:" in text)]
    return [problem for problem in found if problem is not None]


def markdown_placeholder_problems(text: str, path: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    if "{company:" not in text:
        return problems
    for match in _ANY_PLACEHOLDER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(error(path, line, col, "company-placeholder", _message(match.group(0))))
    return problems
