"""Per-language style sheets (locales/style/<lang>.yml): how each language is written.

A style sheet states the conventions a native reader expects (form of address,
numbers and per cent, quotation marks, capitalisation) for writers, and lists
the ones a pattern can check. `kb check` applies those rules to every text in
that language (checks/style.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, field_validator

from kb.content.files import read_language_file
from kb.content.model import ContentModel, KebabId, Text
from kb.content.typecheck import parse_model
from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES

STYLE_DIR = "locales/style"


class StyleRule(ContentModel):
    """A convention a regular expression can check: any match in a text is reported."""

    id: KebabId = Field(description="Stable ID, shown with each finding")
    pattern: str = Field(description="Python regular expression that matches a mistake")
    message: Text = Field(description="What is wrong and what to write instead, in English for all authors")

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return value


class StyleSheet(ContentModel):
    """How one language is written on the site."""

    address: Text = Field(description="Form of address for customers and for readers")
    numbers: Text = Field(description="Numbers, ranges and per cent")
    quotation_marks: Text = Field(description="Quotation marks, outer and inner")
    capitalisation: Text = Field(description="Capitalisation of headings, titles and terms")
    rules: list[StyleRule] = Field(default_factory=list, description="Conventions checked mechanically")


def load_style_sheets(root: Path) -> tuple[dict[str, tuple[StyleSheet, str]], list[Diagnostic]]:
    """Each language's style sheet and its path; a missing or invalid one is an error."""
    sheets: dict[str, tuple[StyleSheet, str]] = {}
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        rel = f"{STYLE_DIR}/{lang}.yml"
        located, found = read_language_file(root, rel, error(rel, 1, 1, "missing-file", f"the {lang} style sheet is missing"))
        problems += found
        if located is None:
            continue
        sheet, found = parse_model(StyleSheet, located, rel)
        problems += found
        if sheet is not None:
            sheets[lang] = (sheet, rel)
    return sheets, problems
