"""Split rendered pages into searchable documents: the page and its sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "button", "form"}
_HEADINGS = {"h1", "h2", "h3"}


@dataclass
class Section:
    anchor: str
    title: str
    text: list[str] = field(default_factory=list)


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = [Section("", "")]
        self.skip_depth = 0
        self.heading: Section | None = None
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
                self.heading = Section(anchor, "")
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


def split_sections(content_html: str) -> list[Section]:
    """The page (anchor "") and each h2/h3 section with an ID, in order."""
    splitter = _Splitter()
    splitter.feed(content_html)
    splitter.close()
    sections = []
    for section in splitter.sections:
        section.title = " ".join(section.title.split())
        if section.anchor or section is splitter.sections[0]:
            sections.append(section)
    return sections


def clean(text_parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(text_parts)).strip()
