"""Notes the build adds to article pages: where the text comes from.

An original names its source file; a translation names the original by its
title and language (a file name means nothing to its reader), links to it, and warns when the original has
changed since the translation was made.
"""

from __future__ import annotations

import html
import re

from kb.content.articles import ArticlePage
from kb.content.project import Project
from kb.content.translation import has_outdated_sections, is_fully_translated
from kb.render.links import SiteUrls, relative
from kb.render.text import link


def _original_named(project: Project, page: ArticlePage, original_lang: str) -> str:
    """The original by its title and language (the source file name means nothing to a reader)."""
    original = project.article(page.slug, original_lang)
    title = original.title if original else page.title
    ui = project.ui[page.lang]
    return ui["source_article"].format(title=title, language=ui[f"original_language_{original_lang}"])


def annotate(markdown: str, page: ArticlePage, project: Project, urls: SiteUrls, page_url: str) -> str:
    ui = project.ui[page.lang]
    tr = page.meta.translation
    translated = page.translated_sections
    fully = is_fully_translated(page)
    if fully and tr is not None:
        href = relative(urls.article(tr.from_, page.slug), page_url)
        source = html.escape(ui["source_note"].format(source=_original_named(project, page, tr.from_)))
        # kb-source: search leaves the note out, it is not what the page is about.
        head = (f'!!! note kb-source "{html.escape(ui[f"translated_from_{tr.from_}"])}"\n\n'
                f'    {source} {link(href, ui["view_original"], tr.from_)}\n')
    else:
        # The original names its source file: that is where the text is traced to.
        source = html.escape(ui["source_note"].format(source=page.meta.source))
        head = f'<p class="kb-source">{source} {html.escape(ui["original_note"])}</p>\n'
    if has_outdated_sections(project, page):
        head += f'\n!!! warning "{html.escape(ui["outdated_translation"])}"\n'

    lines = markdown.split("\n")
    out: list[str] = []
    placed = False
    for line in lines:
        out.append(line)
        if not placed and line.startswith("# "):
            out += ["", head]
            placed = True
            continue
        match = re.search(r"\{\s*#([a-z0-9-]+)\s*\}\s*$", line)
        if match and line.startswith("#") and not fully and match.group(1) in translated and tr:
            sid = match.group(1)
            href = relative(urls.article(tr.from_, page.slug, sid), page_url)
            note = html.escape(ui[f"section_translated_from_{tr.from_}"])
            out += ["", f'<p class="kb-source">{note} {link(href, ui["view_original"], tr.from_)}</p>', ""]
    return "\n".join(out)
