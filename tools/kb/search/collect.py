"""Split rendered pages into searchable documents: the page and its sections.

A playbook step (`<div class="kb-step" id=...>`, titled by its
`<p class="kb-step-action">`) is a section of its own, so a search can open
and preview the step that matched instead of the whole list of steps.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

_SKIP = frozenset({"script", "style", "nav", "button", "form"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
# Text on either side of these is separate words; around inline elements
# (links, emphasis, tooltips) it is not: "<a>coupon</a>, <a>refund</a>" reads
# "coupon, refund", and a tooltip inside a word must not split it.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
     "section", "summary", "table", "td", "th", "tr", "ul"}
)


@dataclass
class _OpenSection:
    anchor: str
    title: str
    text: list[str] = field(default_factory=list)
    step: bool = False


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    text: str
    step: bool = False  # a playbook step: its "title" is the action, a sentence, not a heading


# Rendered content is machine-written, well-formed HTML, so a tag regex is
# enough; html.parser took about a second per language at 400 pages.
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][^\s/>]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = frozenset({"script", "style"})  # their content is not markup
_VOID = ("br", "img", "input", "hr")


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), "")
        found[name.lower()] = html.unescape(value) if "&" in value else value
    return found


def _text(run: str) -> str:
    return html.unescape(run) if "&" in run else run


class _Splitter:
    """Walks tags and text runs in order, keeping headings and the text under them.

    Inside skipped elements (navigation, quizzes, scripts) only tag names
    matter, so attributes are read only outside them.
    """

    def __init__(self) -> None:
        self.sections: list[_OpenSection] = [_OpenSection("", "")]
        self.skip_depth = 0
        self.heading: _OpenSection | None = None
        self.in_headerlink = False
        self.heading_tag = ""

    def feed(self, markup: str) -> None:
        position = 0
        for match in _TAG.finditer(markup):
            if match.start() < position:  # inside script or style content, already passed over
                continue
            if match.start() > position and not self.skip_depth:
                self.handle_data(_text(markup[position:match.start()]))
            position = match.end()
            closing, name, rest = match.groups()
            if name is None:  # a comment
                continue
            tag = name.lower()
            if closing:
                self.handle_endtag(tag)
                continue
            if self.skip_depth:
                if tag not in _VOID:
                    self.skip_depth += 1
            else:
                self.handle_starttag(tag, _attributes(rest) if "=" in rest else {})
            if rest.endswith("/"):
                self.handle_endtag(tag)
            elif tag in _RAW_TEXT:
                close = re.compile(rf"</{tag}\s*>", re.I).search(markup, position)
                end = close.start() if close else len(markup)
                if end > position and not self.skip_depth:
                    self.handle_data(markup[position:end])
                position = end
        if position < len(markup) and not self.skip_depth:
            self.handle_data(_text(markup[position:]))

    def handle_starttag(self, tag: str, attributes: dict[str, str]) -> None:
        css = (attributes.get("class") or "").split()
        if tag in _SKIP or "quiz" in css or "kb-receipt" in css or "kb-source" in css:
            self.skip_depth += 1 if tag not in ("br",) else 0
            return
        if tag == "a" and "headerlink" in css:
            self.in_headerlink = True
        if tag in _BLOCKS:
            self.handle_data(" ")
        if tag in _HEADINGS:
            anchor = attributes.get("id") or ""
            self.heading_tag = tag
            if tag == "h1":
                self.heading = self.sections[0]
            else:
                self.heading = _OpenSection(anchor, "")
                self.sections.append(self.heading)
        elif tag == "div" and "kb-step" in css and attributes.get("id"):
            self.sections.append(_OpenSection(attributes["id"], "", step=True))
        elif tag == "p" and "kb-step-action" in css:
            self.heading_tag = tag
            self.heading = self.sections[-1]

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth -= 1
            return
        if tag == "a":
            self.in_headerlink = False
        if tag in _BLOCKS:
            self.handle_data(" ")
        if tag == self.heading_tag:
            self.heading = None
            self.heading_tag = ""

    def handle_data(self, data: str) -> None:
        if self.in_headerlink:
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
    first = splitter.sections[0]
    return tuple(
        Section(section.anchor, " ".join(section.title.split()), _clean(section.text), section.step)
        for section in splitter.sections
        if section.anchor or section is first
    )


def _clean(text_parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(text_parts)).strip()
