"""Report, at its source line, everything the page sanitiser would remove.

The build cleans unsafe HTML silently (kb.render.sanitize); `kb check` makes
each removal an error at the line that produced it, so an editor learns
about it instead of seeing part of their text disappear. Each text is
rendered the way the site renders it (the same Markdown extensions as
mkdocs.yml) and the HTML is compared against the allow-list.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Callable

import markdown

from kb.content.load import Located, load_yaml
from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES
from kb.render.sanitize import Finding, findings
from kb.render.text import md_text

# mkdocs.yml's markdown_extensions (emoji aside: its icons are inline SVG, which
# the allow-list refuses anyway, and it needs the theme installed).
EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}

# A text with none of these renders to plain paragraphs, emphasis and lists:
# nothing the allow-list refuses. Most texts have none, so most are not rendered.
_MARKUP = ("<", "&", "](", "]:", "{")  # (also as _has_markup below)


# One converter for the whole process: building one loads every extension, and
# texts are rendered one at a time. Safe to share because `_render` resets it
# before each text (a converter keeps state between conversions: footnotes, IDs,
# references) and kb renders from one thread.
@functools.cache
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def _render(text: str) -> str:
    return str(_renderer().reset().convert(text))


def _problem(path: str, line: int, col: int, finding: Finding) -> Diagnostic:
    return error(path, line, col, "unsafe-html", f"{finding.message} (the page would show this text without it)")


def strings_of(data: Any, wanted: Callable[[str], object]) -> list[tuple[tuple[Any, ...], str]]:
    """(path, text) of every string in `data` for which `wanted(text)` is true.

    Called for every text of every content file, so it is a plain recursion that
    builds a path only for the (rare) strings wanted.
    """
    found: list[tuple[tuple[Any, ...], str]] = []
    trail: list[Any] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if wanted(value):
                found.append((tuple(trail), value))
        elif isinstance(value, dict):
            for key, item in value.items():
                trail.append(key)
                walk(item)
                trail.pop()
        elif isinstance(value, list):
            for index, item in enumerate(value):
                trail.append(index)
                walk(item)
                trail.pop()

    walk(data)
    return found


has_markup = _has_markup = re.compile(r"[<&{]|\]\(|\]:").search


def yaml_text_problems(located: Located, path: str, escaped: bool = True) -> list[Diagnostic]:
    """Every text of a YAML file, rendered as the site renders it; problems at the scalar.

    `escaped`: the build escapes '<' and '&' in the text first (content texts);
    interface strings go into pages as written.
    """
    problems = []
    for at, text in strings_of(located.data, _has_markup):
        problems += text_problems(located, path, at, text, escaped)
    return problems


def text_problems(located: Located, path: str, at: tuple[Any, ...], text: str, escaped: bool = True) -> list[Diagnostic]:
    """What the sanitiser would remove from one YAML text at `at` (with markup: see has_markup)."""
    return [_problem(path, *located.where(at, prefer_value=True), finding)
            for finding in findings(_render(md_text(text) if escaped else text))]


def _locate(source: str, finding: Finding, start: int) -> int:
    """Offset in `source` of what produced `finding` (searching from `start`, then from the top)."""
    lowered = source.lower()
    for begin in (start, 0):
        for needle in finding.needles:
            if needle:
                offset = lowered.find(needle.lower(), begin)
                if offset >= 0:
                    return offset
    return start


def markdown_problems(source: str, path: str, first_line: int = 1) -> list[Diagnostic]:
    """Problems of a Markdown page body that starts on `first_line` of its file."""
    if not any(mark in source for mark in _MARKUP):
        return []
    problems, offset = [], 0
    for finding in findings(_render(source)):
        offset = _locate(source, finding, offset)
        line = source.count("\n", 0, offset) + first_line
        col = offset - (source.rfind("\n", 0, offset) + 1) + 1
        problems.append(_problem(path, line, col, finding))
    return problems


def ui_string_problems(root: Path) -> list[Diagnostic]:
    problems = []
    for lang in LANGUAGES:
        rel = f"locales/ui/{lang}.yml"
        if (root / rel).is_file():
            located, _ = load_yaml((root / rel).read_bytes(), rel)  # reading problems are reported by kb.content.ui
            if located is not None:
                problems += yaml_text_problems(located, rel, escaped=False)
    return problems
