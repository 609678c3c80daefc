"""Translation status of an article page, decided here and only here.

A page lists its translated sections with a digest of each original section
(`kb stamp`). A section is outdated when its original has changed since:
the recorded digest differs from the original section's. `kb check` warns
about it (checks/validate.py), the page says so (render/article_notes.py) and
the status page shows it (render/status.py), all from these functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.content.articles import ArticlePage

if TYPE_CHECKING:
    from kb.content.project import Project

ORIGINAL, TRANSLATED, PARTLY_TRANSLATED, OUTDATED = "original", "translated", "partly_translated", "outdated"


def original_of(project: Project, page: ArticlePage) -> ArticlePage | None:
    """The page a translated page's sections were translated from."""
    tr = page.meta.translation
    return project.article(page.slug, tr.from_) if tr is not None else None


def is_outdated(original: ArticlePage | None, section_id: str, recorded: str | None) -> bool:
    """The original section has changed since the translation recorded its digest."""
    section = original.section(section_id) if original is not None else None
    return bool(section is not None and recorded and section.digest != recorded)


def is_fully_translated(page: ArticlePage) -> bool:
    return page.meta.translation is not None and set(page.translated_sections) >= {s.id for s in page.sections}


def has_outdated_sections(project: Project, page: ArticlePage) -> bool:
    original = original_of(project, page)
    return any(is_outdated(original, sid, recorded) for sid, recorded in page.translated_sections.items())


def translation_status(project: Project, page: ArticlePage) -> str:
    """ORIGINAL, TRANSLATED, PARTLY_TRANSLATED or OUTDATED."""
    if not page.translated_sections:
        return ORIGINAL
    if has_outdated_sections(project, page):
        return OUTDATED
    return TRANSLATED if is_fully_translated(page) else PARTLY_TRANSLATED
