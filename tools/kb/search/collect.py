"""Split rendered pages into searchable documents: the page and its sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "button", "form"}
_HEADINGS = {"h1", "h2", "h3"}


@dataclass
class _OpenSection:
    anchor: str
    title: str
    text: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    text: str


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_OpenSection] = [_OpenSection("", "")]
        self.skip_depth = 0
        self.heading: _OpenSection | None = None
        self.in_headerlink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        css = (attributes.get("class") or "").split()
        if tag in _SKIP or "quiz" in css or "kb-receipt" in css or "kb-source" in css:
            self.skip_depth += 1 if tag not in ("br",) else 0
            return
        if self.skip_depth:
            if tag not in ("br", "img", "input", "hr"):
                self.skip_depth += 1
            return
        if tag == "a" and "headerlink" in css:
            self.in_headerlink = True
        if tag in _HEADINGS:
            anchor = attributes.get("id") or ""
            if tag == "h1":
                self.heading = self.sections[0]
            else:
                self.heading = _OpenSection(anchor, "")
                self.sections.append(self.heading)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag not in ("br", "img", "input", "hr"):
                self.skip_depth -= 1
            return
        if tag == "a":
            self.in_headerlink = False
        if tag in _HEADINGS:
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.in_headerlink:
            return
        if self.heading is not None:
            self.heading.title += data
        else:
            self.sections[-1].text.append(data)


# `mkdocs serve` rebuilds every page on each save, but most pages come out the
# same; their sections are looked up instead of parsed again.
@lru_cache(maxsize=4096)
def split_sections(content_html: str) -> tuple[Section, ...]:
    """The page (anchor "") and each h2/h3 section with an ID, in order."""
    splitter = _Splitter()
    splitter.feed(content_html)
    splitter.close()
    first = splitter.sections[0]
    return tuple(
        Section(section.anchor, " ".join(section.title.split()), _clean(section.text))
        for section in splitter.sections
        if section.anchor or section is first
    )


def _clean(text_parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(text_parts)).strip()
