"""Write generated pages into docs/<lang>/ as real files.

mkdocs-static-i18n cannot handle pages created in memory, so generated pages
are files under folders that are gitignored and never edited by hand. They
are written only when their content changes, so `mkdocs serve` does not
rebuild in a loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from kb.languages import LANGUAGES
from kb.content.playbook import CATEGORIES
from kb.content.project import DOCS_DIR, Project
from kb.render.glossary import glossary_markdown
from kb.render.links import SiteUrls
from kb.lms.gift import gift_document
from kb.lms.qti import qti_package
from kb.lms.scorm import VERSIONS as SCORM_VERSIONS, package_name, scorm_package
from kb.render.playbooks import playbook_index_markdown, playbook_markdown
from kb.render.quizzes import quiz_page_markdown, sheet_markdown
from kb.render.training import EXPORTS_DIR, export_names, module_order, start_here_markdown, trainers_markdown
from kb.render.status import status_markdown
from kb.clock import today

# Folders under docs/<lang>/ that belong to the build (see .gitignore).
# Up to this many quiz modules are listed in the sidebar (see generated_nav).
SIDEBAR_MODULE_LIMIT = 12
GENERATED_DIRS: tuple[str, ...] = ("glossary", "status", "playbooks", "quizzes", "start", "trainers", EXPORTS_DIR)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def generated_pages(project: Project, urls: SiteUrls, languages: Sequence[str] = LANGUAGES,
                    site_url: str | None = None) -> dict[str, str | bytes]:
    """Path under docs/ → content, for every generated page and download of `languages`.

    `urls` is the URL style of the build the pages are for (their links are
    relative site URLs). `site_url` (mkdocs.yml's, from KB_SITE_URL) lets the
    SCORM packages link their citations to the published site."""
    pages: dict[str, str | bytes] = {}
    for lang in languages:
        pages[f"{lang}/glossary/index.md"] = glossary_markdown(project, lang, urls)
        pages[f"{lang}/status/index.md"] = status_markdown(project, lang, urls, today())
        pages[f"{lang}/playbooks/index.md"] = playbook_index_markdown(project, lang)
        for book_id, loaded in project.playbooks.items():
            pages[f"{lang}/playbooks/{book_id}.md"] = playbook_markdown(project, loaded.item, lang, urls)
        pages.update(_training_pages(project, lang, urls, site_url))
    return pages


def _training_pages(project: Project, lang: str, urls: SiteUrls, site_url: str | None) -> dict[str, str | bytes]:
    modules = module_order(project)
    pages: dict[str, str | bytes] = {
        f"{lang}/start/index.md": start_here_markdown(project, lang, urls),
        f"{lang}/trainers/index.md": trainers_markdown(project, lang, urls),
    }
    for module in modules:
        pages[f"{lang}/quizzes/{module.id}.md"] = quiz_page_markdown(project, module, lang, urls)
        pages[f"{lang}/quizzes/{module.id}-sheet.md"] = sheet_markdown(project, module, lang, urls, answers=False)
        pages[f"{lang}/quizzes/{module.id}-key.md"] = sheet_markdown(project, module, lang, urls, answers=True)
    names = export_names(lang)
    pages[f"{lang}/{EXPORTS_DIR}/{names['qti']}"] = qti_package(modules, lang)
    pages[f"{lang}/{EXPORTS_DIR}/{names['gift']}"] = gift_document(modules, lang)
    for module in modules:
        for version in SCORM_VERSIONS:
            pages[f"{lang}/{EXPORTS_DIR}/{package_name(lang, module.id, version)}"] = \
                scorm_package(project, module, lang, version, site_url)
    return pages


def write_generated_pages(project: Project, urls: SiteUrls, languages: Sequence[str] = LANGUAGES,
                          site_url: str | None = None) -> list[str]:
    """Write the generated pages of `languages`, remove stale ones; return what changed.

    Each language's pages live in docs/<lang>/ only, so processes given
    different languages can write theirs at the same time.
    """
    pages = generated_pages(project, urls, languages, site_url)
    changed = []
    for rel, text in sorted(pages.items()):
        if write_if_changed(project.root / DOCS_DIR / rel, text):
            changed.append(rel)
    for lang in languages:
        for folder in GENERATED_DIRS:
            for path in sorted((project.root / DOCS_DIR / lang / folder).glob("*.*")):
                rel = path.relative_to(project.root / DOCS_DIR).as_posix()
                if rel not in pages:  # e.g. a playbook that was deleted or renamed
                    path.unlink()
                    changed.append(rel)
    return changed


def generated_nav(project: Project, folder: str) -> list[str | dict[str, list[str]]]:
    """Nav entries (paths inside docs/<lang>/) of a generated section, index first."""
    if folder == "playbooks":
        # Grouped by situation, so a pruned nav carries one group, not every playbook.
        groups: list[str | dict[str, list[str]]] = []
        for category in CATEGORIES:
            ids = sorted(b for b, loaded in project.playbooks.items() if loaded.item.category == category)
            if ids:
                groups.append({category.capitalize(): [f"playbooks/{b}.md" for b in ids]})
        return ["playbooks/index.md", *groups]
    if folder == "quizzes":
        modules = module_order(project)
        if len(modules) > SIDEBAR_MODULE_LIMIT:
            # A sidebar of dozens of modules is a wall of links, and every page of
            # the section would carry it: the "Start here" path lists them all in
            # order, with progress, and the trainers' page is the catalogue.
            return []
        return [f"quizzes/{module.id}.md" for module in modules]
    return [f"{folder}/index.md"]
