"""Citations (`article#section`) rendered as links labelled in the reader's language."""

from __future__ import annotations

from kb.content.project import Project
from kb.render.links import SiteUrls, relative
from kb.render.text import link


def citation_link(project: Project, citation: str, lang: str, urls: SiteUrls, page_url: str) -> str:
    slug, _, section_id = citation.partition("#")
    page = project.article(slug, lang)
    section = page.section(section_id) if page else None
    label = f"{page.title} › {section.title}" if page and section else citation
    return link(relative(urls.article(lang, slug, section_id), page_url), label)
