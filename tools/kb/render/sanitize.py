"""The one allow-list between content and page.

Content comes from many editors (trainers, translators), so every piece of
HTML that content produces (articles, YAML texts, interface strings, company
values) is treated as untrusted: the plugin passes the content part of every
page through nh3 (the Ammonia sanitiser) with this allow-list before the
theme wraps it. The theme's own chrome and mkdocs-quiz's scripts are code,
not content, and are not touched.

The allow-list is what the built site uses in its content area (collected
from a real build: tags, attributes, URL schemes), nothing more. `findings`
names what `clean` would remove, so `kb check` can report it at its source
line instead of it disappearing silently (kb.checks.html_safety).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

TAGS = frozenset({
    "a", "article", "blockquote", "br", "button", "code", "del", "details", "div", "em", "fieldset", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "input", "label", "li", "nav", "ol", "p", "pre", "section", "span",
    "strong", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
    "dl", "dt", "dd",  # the learner's receipt summary
    # The home pages' card icons (Material's emoji extension): a static shape, nothing
    # that runs or links (no script, animate, use, foreignObject, a or event handlers).
    "svg", "path",
})

# Every tag may carry a class and an ID (headings, anchors, quiz elements, styling).
_GLOBAL = frozenset({"class", "id"})
_PROGRESS = frozenset({"data-progress-not-started", "data-progress-in-progress", "data-progress-passed", "data-progress-failed"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": _GLOBAL,
    "a": frozenset({"href", "title", "hreflang", "aria-label", "data-term",  # data-term: glossary tooltips
                    "download", "type"}),  # LMS exports on the trainers' page are downloads
    "button": frozenset({"type", "title", "aria-label", "data-kb-link", "data-clipboard-text"}),
    "details": frozenset({"open"}),
    # mkdocs-quiz: one div per question with its settings, and the answer inputs.
    "div": frozenset({"aria-label", "hidden", "data-show-correct", "data-auto-submit", "data-disable-after-submit",
                      "data-quiz-type", "data-answers",  # data-answers: accepted fill-in answers, for kb.js
                      "data-json"}),  # data for receipts.js (rules, catalogue, labels of the cohort view)
    "fieldset": frozenset({"aria-labelledby"}),
    "input": frozenset({"type", "name", "value", "data-correct", "data-answer", "autocomplete", "size", "aria-label",
                        "multiple", "accept"}),  # the cohort view's file picker
    "label": frozenset({"for"}),
    "nav": frozenset({"aria-label"}),  # the glossary's letter index
    "path": frozenset({"d"}),
    "li": frozenset({"data-kb-module", "data-quiz", "data-total", "data-pass", *_PROGRESS}),
    "p": frozenset({"data-total", "data-label", "role", "aria-live"}),  # role/aria-live: status messages
    "h2": frozenset({"tabindex"}),  # the quiz result's heading takes the focus
    "h3": frozenset({"hidden"}),
    "table": frozenset({"hidden"}),
    "svg": frozenset({"xmlns", "viewBox"}),
    "section": frozenset({"hidden", "data-module", "data-version", "data-language", "data-total", "data-pass",
                          "data-passed-label", "data-failed-label",
                          # labels of the quiz result screen and the learner's receipt, for kb.js
                          "data-result-passed", "data-result-failed", "data-result-score", "data-passed", "data-failed",
                          "data-receipt-copied", "data-receipt-copy-failed", "data-receipt-need-name"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative URLs
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "cite", "poster", "background", "xlink:href"})

# mkdocs-quiz's answer forms must not submit; the sanitiser removes every form
# attribute (a javascript: action is never content's to set) and this fixed,
# trusted one is put back. (nh3's set_tag_attribute_values would do it too, but
# in an order that changes from run to run.)
_BARE_FORM = "<form>"
_QUIZ_FORM = '<form action="javascript:void(0);" onsubmit="return false;">'

_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,  # no rel added to links: the site's links are its own
    strip_comments=False,  # mkdocs-quiz's placeholders are comments; comments are inert
)


def clean(html: str) -> str:
    """`html` with everything outside the allow-list removed."""
    return _CLEANER.clean(html).replace(_BARE_FORM, _QUIZ_FORM)


# Browsers drop tabs and newlines anywhere in a URL and control characters and
# spaces around it before reading the scheme, so "java\rscript:" is javascript:.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read in `value`, lowercased; None for a relative URL."""
    match = _SCHEME.match(_URL_IGNORED.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                                            "\x1c\x1d\x1e\x1f "))
    return match.group(1).lower() if match else None


class Finding:
    """One thing the sanitiser removes: what it is, and text to find it by in the source."""

    def __init__(self, message: str, needles: tuple[str, ...]):
        self.message = message
        self.needles = needles

    def __repr__(self) -> str:
        return f"Finding({self.message!r})"


_SVG_ONLY = frozenset({"path"})
# Inside <svg> the parser reads other tags as SVG elements: the sanitiser drops an
# <input> there, and moves a <p> out after the icon. Icons need nothing else.
_SVG_CHILDREN = frozenset({"svg", "path", "a"})
_LOWERCASE_ATTRIBUTES = {tag: frozenset(name.lower() for name in names) for tag, names in ATTRIBUTES.items()}


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self.svg_depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        if tag == "svg":
            self.svg_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Outside <svg>, a browser (and the sanitiser) reads <path> as an unknown HTML tag.
        if tag not in TAGS or (tag in _SVG_ONLY and not self.svg_depth):
            self.found.append(Finding(f"<{tag}> is not allowed on a page", (f"<{tag}",)))
            return
        if self.svg_depth and tag not in _SVG_CHILDREN:
            self.found.append(Finding(f"<{tag}> is not allowed inside <svg>", (f"<{tag}",)))
            return
        allowed = _LOWERCASE_ATTRIBUTES.get(tag, frozenset()) | _GLOBAL  # the parser lowercases names
        in_svg = bool(self.svg_depth) or tag == "svg"
        for name, value in attrs:
            if in_svg and name.startswith("xlink:"):
                # In SVG the parser reads xlink:href as `href` in the XLink namespace, and the
                # sanitiser judges it by that local name (and, for href, by its scheme).
                name = name.removeprefix("xlink:")
            if name.startswith("on"):
                self.found.append(Finding(f"event handler '{name}' on <{tag}> is not allowed", (name,)))
            elif name == "style":
                self.found.append(Finding(f"inline style on <{tag}> is not allowed", ("style",)))
            elif name not in allowed:
                self.found.append(Finding(f"attribute '{name}' on <{tag}> is not allowed", (name,)))
            elif name in _URL_ATTRIBUTES and value is not None:
                scheme = url_scheme(value)
                if scheme is not None and scheme not in URL_SCHEMES:
                    self.found.append(Finding(
                        f"'{scheme}:' link is not allowed: use http, https, mailto, tel or a relative link",
                        (value[:12], value.split(":")[0][:6], scheme[:4])))



def findings(html: str) -> list[Finding]:
    """What `clean` would remove from `html`, in document order."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
