"""Glossary tooltips: the first mention of each term on a page explains itself.

Works on the rendered HTML of a page: text inside headings, code, links,
quizzes and the build's own notes is left alone. Any inflected form listed
for a term matches (Lithuanian `išlaikymo` finds the term `išlaikymas`).

Matching looks words up in a table of forms (by their first word), so its
cost grows with the text, not with the size of the glossary.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kb.content.project import Project
from kb.render.links import SiteUrls, relative

_TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_WORD = re.compile(r"\w+")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"})
# Inside these, text is never annotated.
_SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a", "abbr", "script", "style", "button",
                        "label", "textarea", "select", "option", "kbd", "nav", "summary"})
_SKIP_CLASSES = ("quiz", "kb-source", "admonition", "md-source-file", "headerlink")


@dataclass(frozen=True)
class Matcher:
    # first word → [(all words of the form, term ID)], longest forms first
    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term ID) of every form in a text, longest match first, no overlaps."""
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
        found, index = [], 0
        while index < len(words):
            for form, term_id in self.by_first_word.get(words[index][2], ()):
                end = index + len(form)
                if end <= len(words) and all(words[index + k][2] == form[k] for k in range(1, len(form))):
                    found.append((words[index][0], words[end - 1][1], term_id))
                    index = end
                    break
            else:
                index += 1
        return found


def _compile(forms: tuple[tuple[str, str], ...]) -> Matcher:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[tuple[str, ...]] = set()
    for form, term_id in forms:
        words = tuple(w.lower() for w in _WORD.findall(form))
        if words and words not in seen:  # the first term listing a form keeps it
            seen.add(words)
            table.setdefault(words[0], []).append((words, term_id))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return Matcher(table)


def matcher_for(project: Project, lang: str) -> Matcher | None:
    # Kept with the project it was compiled from (one per loaded project and language), not in this module.
    cache = project.__dict__.setdefault("_tooltip_matchers", {})
    if lang not in cache:
        forms = tuple(
            (form, term_id)
            for term_id, loaded in sorted(project.terms.items())
            for form in loaded.item.all_forms(lang)
        )
        cache[lang] = _compile(forms) if forms else None
    return cache[lang]


def _skips(tag: str) -> bool:
    name = _TAG_NAME.match(tag)
    if not name:
        return False
    if name.group(1).lower() in _SKIP_TAGS:
        return True
    classes = re.search(r'class="([^"]*)"', tag)
    return bool(classes and any(c in classes.group(1).split() for c in _SKIP_CLASSES))


def add_tooltips(page_html: str, project: Project, lang: str, urls: SiteUrls, page_url: str) -> str:
    matcher = matcher_for(project, lang)
    if matcher is None:
        return page_html
    seen: set[str] = set()
    stack: list[bool] = []  # for each open element: does it (or a parent) skip?
    out: list[str] = []
    for part in _TAG.split(page_html):
        if not part:
            continue
        if part.startswith("<!--"):
            out.append(part)
            continue
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            tag = name.group(1).lower() if name else ""
            if part.startswith("</"):
                if stack:
                    stack.pop()
            elif tag not in _VOID and not part.endswith("/>"):
                stack.append((stack[-1] if stack else False) or _skips(part))
            out.append(part)
            continue
        if stack and stack[-1]:
            out.append(part)
            continue
        out.append(_annotate_text(part, matcher, project, lang, urls, page_url, seen))
    return "".join(out)


def _annotate_text(text: str, matcher: Matcher, project: Project, lang: str, urls: SiteUrls, page_url: str,
                   seen: set[str]) -> str:
    if "&" in text:  # entity-escaped text is rare in prose; matching it would shift positions
        return text
    pieces, last = [], 0
    for start, end, term_id in matcher.find(text):
        if term_id in seen:
            continue
        seen.add(term_id)
        term = project.terms[term_id].item
        href = relative(urls.glossary(lang, term_id), page_url)
        title = html.escape(f"{term.term[lang]}: {term.definition[lang]}", quote=True)
        pieces += [text[last:start], f'<a class="kb-term" href="{href}" title="{title}" data-term="{term_id}">',
                   text[start:end], "</a>"]
        last = end
    return "".join(pieces) + text[last:] if pieces else text
