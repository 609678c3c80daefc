"""Notes the build adds to article pages: where the text comes from.

Each page names its source file; a translation names the language it was
translated from, links to the original, and warns when the original has
changed since the translation was made.
"""

from __future__ import annotations

import html
import re

from kb.content.articles import ArticlePage
from kb.content.project import Project
from kb.content.translation import has_outdated_sections, is_fully_translated
from kb.render.links import article_url, relative
from kb.render.text import link


def annotate(markdown: str, page: ArticlePage, project: Project, page_url: str) -> str:
    ui = project.ui[page.lang]
    tr = page.meta.translation
    translated = page.translated_sections
    fully = is_fully_translated(page)
    source = html.escape(ui["source_note"].format(source=page.meta.source))
    if fully and tr is not None:
        href = relative(article_url(tr.from_, page.slug), page_url)
        head = (f'!!! note "{html.escape(ui[f"translated_from_{tr.from_}"])}"\n\n'
                f'    {source} {link(href, ui["view_original"], tr.from_)}\n')
    else:
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
            href = relative(article_url(tr.from_, page.slug, sid), page_url)
            note = html.escape(ui[f"section_translated_from_{tr.from_}"])
            out += ["", f'<p class="kb-source">{note} {link(href, ui["view_original"], tr.from_)}</p>', ""]
    return "\n".join(out)
