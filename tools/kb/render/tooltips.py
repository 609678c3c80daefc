"""Glossary tooltips: the first mention of each term on a page explains itself.

Works on the rendered HTML of a page: text inside headings, code, links,
quizzes and the build's own notes is left alone. Any inflected form listed
for a term matches (Lithuanian `išlaikymo` finds the term `išlaikymas`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from ..project import Project
from .glossary import glossary_url
from .links import relative

_TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
# Inside these, text is never annotated.
_SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a", "abbr", "script", "style", "button",
              "label", "textarea", "select", "option", "kbd", "nav", "summary"}
_SKIP_CLASSES = ("quiz", "kb-source", "admonition", "md-source-file", "headerlink")


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str]
    form_to_term: dict[str, str]


@lru_cache(maxsize=16)
def _compile(forms: tuple[tuple[str, str], ...]) -> Matcher:
    form_to_term: dict[str, str] = {}
    for form, term_id in forms:
        form_to_term.setdefault(" ".join(form.lower().split()), term_id)
    alternatives = sorted(form_to_term, key=lambda f: (-len(f), f))
    body = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in alternatives)
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return Matcher(pattern, form_to_term)


def matcher_for(project: Project, lang: str) -> Matcher | None:
    forms = tuple(
        (form, term_id)
        for term_id, loaded in sorted(project.terms.items())
        for form in loaded.item.all_forms(lang)
    )
    return _compile(forms) if forms else None


def _skips(tag: str) -> bool:
    name = _TAG_NAME.match(tag)
    if not name:
        return False
    if name.group(1).lower() in _SKIP_TAGS:
        return True
    classes = re.search(r'class="([^"]*)"', tag)
    return bool(classes and any(c in classes.group(1).split() for c in _SKIP_CLASSES))


def add_tooltips(page_html: str, project: Project, lang: str, page_url: str) -> str:
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
        out.append(_annotate_text(part, matcher, project, lang, page_url, seen))
    return "".join(out)


def _annotate_text(text: str, matcher: Matcher, project: Project, lang: str, page_url: str, seen: set[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        term_id = matcher.form_to_term.get(" ".join(html.unescape(found).lower().split()))
        if term_id is None or term_id in seen:
            return found
        seen.add(term_id)
        term = project.terms[term_id].item
        href = relative(glossary_url(lang, term_id), page_url)
        title = html.escape(f"{term.term[lang]}: {term.definition[lang]}", quote=True)
        return (f'<a class="kb-term" href="{href}" title="{title}" data-term="{term_id}">{found}</a>')

    return matcher.pattern.sub(replace, text)
