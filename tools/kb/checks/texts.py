"""Every piece of prose in one language, with the position it was written at.

Terminology and style checks read the same texts: article pages and home
pages (line by line), the language's values in glossary, playbook and quiz
YAML, interface strings, and mkdocs-quiz's translated messages. A finding
inside a text is located at its own line and column where the text can be
found verbatim in the file, else at the start of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kb.content.articles import split_front_matter
from kb.content.load import Located, load_yaml
from kb.content.ui import UI_DIR
from kb.languages import LANGUAGES

YAML_FOLDERS = ("glossary", "playbooks", "quizzes")
# Fields that are not prose: the termbase's own list of variants to avoid, and the
# inflected forms search and tooltips match (never shown; avoided variants are
# searchable anyway, see GlossaryTerm.search_forms).
SKIPPED_FIELDS = frozenset({"avoid", "forms"})
_FENCE = re.compile(r"^\s*(```|~~~)")
_PO_STRING = re.compile(r'^msgstr\s+"(.*)"\s*$')
# Markup inside a Markdown text (articles and YAML texts alike) that is not prose: HTML tags, attribute lists,
# link targets and inline code. Masked with spaces so columns stay true.
_NOT_PROSE = re.compile(
    r"<(script|style)\b[^>\n]*>.*?</\1\s*>|<[^>\n]*>"  # script and style bodies, tags
    r"|\{\s*[:#.][^}\n]*\}|\{[^{}\n]*=[^{}\n]*\}"  # attribute lists
    r"|(?<=\])\([^)\n]*\)|`[^`\n]*`")  # link targets, inline code


def _mask(text: str) -> str:
    return _NOT_PROSE.sub(lambda match: " " * len(match.group(0)), text)


@dataclass(frozen=True)
class Prose:
    """One text in one language, and where it starts in its file."""

    lang: str
    path: str
    line: int
    col: int
    text: str
    source: str  # the whole file, to find a position inside the text

    def locate(self, surface: str, offset: int) -> tuple[int, int]:
        """Line and column of `surface`, found at `offset` inside the text."""
        if self.text.count("\n") == 0 and len(self.source_line()) >= self.col - 1 + len(self.text) \
                and self.source_line()[self.col - 1 + offset:].startswith(surface):
            return self.line, self.col + offset
        lines = self.source.split("\n")
        start = sum(len(line) + 1 for line in lines[: self.line - 1]) + self.col - 1
        found = self.source.find(surface, start)
        if found < 0:
            return self.line, self.col
        line = self.source.count("\n", 0, found) + 1
        return line, found - (self.source.rfind("\n", 0, found) + 1) + 1

    def source_line(self) -> str:
        lines = self.source.split("\n")
        return lines[self.line - 1] if 0 < self.line <= len(lines) else ""


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the loaders report unreadable files


def markdown_prose(root: Path, rel: str, lang: str) -> Iterator[Prose]:
    """Lines of a Markdown page after its front matter, outside code fences."""
    source = _read(root / rel)
    if source is None:
        return
    _, body, first_line = split_front_matter(source.replace("\r\n", "\n"))
    in_fence = False
    for number, text in enumerate(body.split("\n"), start=first_line + 1):
        if _FENCE.match(text):
            in_fence = not in_fence
            continue
        if not in_fence and text.strip():
            yield Prose(lang, rel, number, 1, _mask(text), source)


def _walk(data: Any, at: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIPPED_FIELDS or at:
                yield from _walk(value, at + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, at + (index,))
    elif isinstance(data, str):
        yield at, data


def yaml_prose(root: Path, rel: str, parsed: Located | None = None) -> Iterator[Prose]:
    """The values of a content YAML file that sit under a language key.

    `parsed`: the file as the project loaded it, so it is not parsed again."""
    source = _read(root / rel)
    if source is None:
        return
    located = parsed if parsed is not None else load_yaml(source.encode("utf-8"), rel)[0]
    if located is not None:
        yield from _located_prose(rel, source, located)


# A pure function of its arguments, cached: an unchanged file keeps its Located
# (kb.content.load caches the parse), so during `serve` only the saved file's
# texts are collected again.
@lru_cache(maxsize=4096)
def _located_prose(rel: str, source: str, located: Located) -> tuple[Prose, ...]:
    found = []
    for at, text in _walk(located.data, ()):
        lang = next((part for part in reversed(at) if part in LANGUAGES), None)
        if lang is not None:
            line, col = located.where(at, prefer_value=True)
            found.append(Prose(lang, rel, line, col, _mask(text), source))
    return tuple(found)


def ui_prose(root: Path, lang: str) -> Iterator[Prose]:
    rel = f"{UI_DIR}/{lang}.yml"
    source = _read(root / rel)
    if source is None:
        return
    located, _ = load_yaml(source.encode("utf-8"), rel)
    if located is None or not isinstance(located.data, dict):
        return
    for key, text in located.data.items():
        if isinstance(text, str):
            yield Prose(lang, rel, *located.where((key,), prefer_value=True), _mask(text), source)


def po_prose(root: Path, lang: str) -> Iterator[Prose]:
    rel = f"locales/mkdocs-quiz/{lang}.po"
    source = _read(root / rel)
    if source is None:
        return
    for number, text in enumerate(source.split("\n"), start=1):
        match = _PO_STRING.match(text)
        if match and match.group(1):
            yield Prose(lang, rel, number, match.start(1) + 1, match.group(1), source)


def all_prose(root: Path, parsed: Mapping[str, Located] | None = None) -> Iterator[Prose]:
    """Every text of every language, in a stable order.

    `parsed`: YAML files the project has loaded already, by path relative to `root`."""
    parsed = parsed or {}
    for lang in LANGUAGES:
        for path in sorted((root / "docs" / lang).glob("*.md")) + sorted((root / "docs" / lang / "articles").glob("*.md")):
            yield from markdown_prose(root, path.relative_to(root).as_posix(), lang)
        yield from ui_prose(root, lang)
        yield from po_prose(root, lang)
    for folder in YAML_FOLDERS:
        for path in sorted((root / folder).glob("*.yml")):
            rel = path.relative_to(root).as_posix()
            yield from yaml_prose(root, rel, parsed.get(rel))
