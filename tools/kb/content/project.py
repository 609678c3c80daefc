"""Load the whole project: article pages, glossary terms, interface strings.

`load_project` never raises for content mistakes: everything it could not
load, and everything `validate` finds across files, ends up in
`Project.diagnostics`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from kb.checks.quiz_files import load_quizzes
from kb.checks.validate import validate
from kb.content.articles import load_article
from kb.content.company import COMPANY_FILE, CompanySettings
from kb.content.loaded import (DOCS_DIR, GLOSSARY_DIR, PLAYBOOK_DIR, QUIZ_DIR, Loaded, Project, duplicate_id,
                               id_mismatch, load_file, relative_path)
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.sources import check_sources
from kb.content.ui import load_ui_strings
from kb.diagnostics import error, sort_unique
from kb.languages import LANGUAGES

# The loaded project's types are defined in kb.content.loaded; most code imports them from here.
__all__ = ["DOCS_DIR", "GLOSSARY_DIR", "PLAYBOOK_DIR", "QUIZ_DIR", "Loaded", "Project", "duplicate_id",
           "id_mismatch", "load_file", "load_project", "relative_path"]

M = TypeVar("M", bound=BaseModel)

def _load_articles(project: Project) -> None:
    for lang in LANGUAGES:
        folder = project.root / DOCS_DIR / lang / "articles"
        for path in sorted(folder.glob("*.md")):
            rel = relative_path(project.root, path)
            page, problems = load_article(path.read_bytes(), rel, lang)
            project.diagnostics += problems
            if page is None:
                continue
            if page.slug != path.stem:
                line, col = page.where_meta("article")
                project.diagnostics.append(error(rel, line, col, "slug-mismatch",
                                                 f"article '{page.slug}' must live in {page.slug}.md"))
                continue
            project.articles[(page.slug, lang)] = page


def _load_folder(project: Project, folder: str, model: type[M]) -> dict[str, Loaded[M]]:
    """One item per file, `<folder>/<id>.yml`; IDs unique."""
    items: dict[str, Loaded[M]] = {}
    for path in sorted((project.root / folder).glob("*.yml")):
        loaded, problems = load_file(project.root, path, model, folder)
        project.diagnostics += problems
        if loaded is None:
            continue
        project.diagnostics += id_mismatch(loaded, path.stem, folder)
        item_id = loaded.item.id  # type: ignore[attr-defined]
        if item_id in items:
            project.diagnostics.append(duplicate_id(loaded, item_id, items[item_id].path))
            continue
        items[item_id] = loaded
    return items


def _reading_order(root: Path) -> list[str]:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    return list(dict.fromkeys(re.findall(r"^\s+- articles/([a-z0-9-]+)\.md\s*$", text, re.M)))


def load_project(root: Path, check_only: bool = False) -> Project:
    """Load and check everything.

    `check_only` (for `kb check`) keeps only the quiz modules' digests, not the modules themselves.
    """
    project = Project(root=root)
    project.diagnostics += check_sources(root)
    project.ui, problems = load_ui_strings(root)
    project.diagnostics += problems
    _load_articles(project)
    project.article_order = _reading_order(root)
    project.terms = _load_folder(project, GLOSSARY_DIR, GlossaryTerm)
    project.playbooks = _load_folder(project, PLAYBOOK_DIR, Playbook)
    load_quizzes(project, keep=not check_only)
    if (root / COMPANY_FILE).is_file():
        project.company, problems = load_file(root, root / COMPANY_FILE, CompanySettings, COMPANY_FILE)
        project.diagnostics += problems
    else:
        project.diagnostics.append(error(COMPANY_FILE, 1, 1, "missing-file", "company.yml is missing"))
    project.diagnostics += validate(project)
    project.diagnostics = sort_unique(project.diagnostics)
    return project
