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
from kb.content.articles import load_article, split_front_matter
from kb.content.company import COMPANY_FILE, CompanySettings
from kb.content.files import content_files, file_problem, symlinks_leaving
from kb.content.loaded import (DOCS_DIR, GLOSSARY_DIR, PLAYBOOK_DIR, PUBLISHED_DIRS, QUIZ_DIR, Loaded, Project,
                               duplicate_id, id_mismatch, load_file, relative_path)
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.root_pages import load_root_pages
from kb.content.search_words import load_search_words
from kb.content.sources import check_sources
from kb.content.style import load_style_sheets
from kb.content.ui import load_ui_strings
from kb.diagnostics import Diagnostic, error, sort_unique
from kb.languages import LANGUAGES

# The loaded project's types are defined in kb.content.loaded; most code imports them from here.
__all__ = ["DOCS_DIR", "GLOSSARY_DIR", "PLAYBOOK_DIR", "PUBLISHED_DIRS", "QUIZ_DIR", "Loaded", "Project", "duplicate_id",
           "id_mismatch", "load_file", "load_project", "mkdocs_config_problems", "relative_path"]

M = TypeVar("M", bound=BaseModel)

def _load_articles(project: Project) -> None:
    for lang in LANGUAGES:
        paths, problems = content_files(project.root, f"{DOCS_DIR}/{lang}/articles", ".md")
        project.diagnostics += problems
        for path in paths:
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
    paths, problems = content_files(project.root, folder)
    project.diagnostics += problems
    for path in paths:
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


def mkdocs_config_problems(root: Path) -> list[Diagnostic]:
    """What in mkdocs.yml would stop MkDocs before the plugin can report it, located."""
    return _reading_order(root)[1]


def _reading_order(root: Path) -> tuple[list[str], list[Diagnostic]]:
    config = root / "mkdocs.yml"
    raw = config.read_bytes() if config.is_file() else b""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        return [], [error("mkdocs.yml", raw.count(b"\n", 0, exc.start) + 1, col, "invalid-utf8",
                          f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8")]
    return list(dict.fromkeys(re.findall(r"^\s+- articles/([a-z0-9-]+)\.md\s*$", text, re.M))), []


def unsafe_html(project: Project) -> list[Diagnostic]:
    """What the page sanitiser would remove, at its source (quiz files: in quiz_files)."""
    from kb.checks.html_safety import markdown_problems, ui_string_problems, yaml_text_problems

    problems = ui_string_problems(project.root)
    for path, text in [*((page.path, page.text) for page in project.articles.values()), *project.root_pages.items()]:
        _, body, offset = split_front_matter(text)
        problems += markdown_problems(body, path, offset + 1)
    for loaded in [*project.terms.values(), *project.playbooks.values(), project.company]:
        if loaded is not None:
            problems += yaml_text_problems(loaded.located, loaded.path)
    return problems


def load_project(root: Path, check_only: bool = False, report_unsafe_html: bool = True) -> Project:
    """Load and check everything.

    `check_only` (for `kb check`) keeps only the quiz modules' digests, not the
    modules themselves. `report_unsafe_html=False` (the site build) leaves
    unsafe HTML to the page sanitiser instead of reporting it
    (kb.checks.html_safety).
    """
    project = Project(root=root, report_unsafe_html=report_unsafe_html)
    project.diagnostics += symlinks_leaving(root, PUBLISHED_DIRS)
    project.diagnostics += check_sources(root)
    project.ui, problems = load_ui_strings(root)
    project.diagnostics += problems
    project.style, problems = load_style_sheets(root)
    project.diagnostics += problems
    _load_articles(project)
    project.root_pages, problems = load_root_pages(root)
    project.diagnostics += problems
    project.article_order, problems = _reading_order(root)
    project.diagnostics += problems
    project.terms = _load_folder(project, GLOSSARY_DIR, GlossaryTerm)
    project.playbooks = _load_folder(project, PLAYBOOK_DIR, Playbook)
    known = {"playbooks": set(project.playbooks), "articles": set(project.slugs), "glossary": set(project.terms)}
    project.search_words, problems = load_search_words(root, known)
    project.diagnostics += problems
    load_quizzes(project, keep=not check_only)
    company = root / COMPANY_FILE
    if not company.exists() and not company.is_symlink():
        project.diagnostics.append(error(COMPANY_FILE, 1, 1, "missing-file", "company.yml is missing"))
    elif (problem := file_problem(root, company)) is not None:
        project.diagnostics.append(problem)
    else:
        project.company, problems = load_file(root, company, CompanySettings, COMPANY_FILE)
        project.diagnostics += problems
    project.diagnostics += validate(project)
    if report_unsafe_html:
        project.diagnostics += unsafe_html(project)
    project.diagnostics = sort_unique(project.diagnostics)
    return project
