"""Load the whole project: article pages, glossary terms, interface strings.

`load_project` never raises for content mistakes: everything it could not
load, and everything `validate` finds across files, ends up in
`Project.diagnostics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic import BaseModel

from kb.content.articles import ArticlePage, load_article, split_front_matter
from kb.diagnostics import Diagnostic, error, sort_unique, warning
from kb.languages import LANGUAGES
from kb.content.load import Located, load_yaml
from kb.content.company import COMPANY_FILE, CompanySettings
from kb.content.files import content_files, file_problem, symlinks_leaving
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.quiz import QuizModule
from kb.content.schema import schema_comment
from kb.content.sources import check_sources
from kb.content.style import StyleSheet, load_style_sheets
from kb.content.typecheck import parse_model
from kb.content.ui import Strings, load_ui_strings
from kb.content.search_words import SearchWords, load_search_words

if TYPE_CHECKING:
    from kb.checks.quiz_files import QuizDigest

M = TypeVar("M", bound=BaseModel)

DOCS_DIR = "docs"
GLOSSARY_DIR = "glossary"
PLAYBOOK_DIR = "playbooks"
QUIZ_DIR = "quizzes"
# Folders whose files reach the site or the offline zip.
PUBLISHED_DIRS = (DOCS_DIR, GLOSSARY_DIR, PLAYBOOK_DIR, QUIZ_DIR, "locales", "sources", "overrides")


@dataclass
class Loaded(Generic[M]):
    """A content item with the file and positions it came from."""

    item: M
    path: str
    located: Located


@dataclass
class Project:
    root: Path
    articles: dict[tuple[str, str], ArticlePage] = field(default_factory=dict)
    terms: dict[str, Loaded[GlossaryTerm]] = field(default_factory=dict)
    playbooks: dict[str, Loaded[Playbook]] = field(default_factory=dict)
    quizzes: dict[str, Loaded[QuizModule]] = field(default_factory=dict)  # empty after a check-only load
    quiz_digests: dict[str, QuizDigest] = field(default_factory=dict)  # by module ID
    quiz_files_reused: int = 0  # unchanged since the last `kb check`, not checked again
    company: Loaded[CompanySettings] | None = None
    ui: Strings = field(default_factory=dict)
    style: dict[str, tuple[StyleSheet, str]] = field(default_factory=dict)  # language → (sheet, path)
    article_order: list[str] = field(default_factory=list)  # reading order, from mkdocs.yml's nav
    search_words: SearchWords = field(default_factory=dict)  # lang -> page -> everyday phrasings
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Report what the page sanitiser would remove (kb check); the build cleans it silently.
    report_unsafe_html: bool = True

    def article(self, slug: str, lang: str) -> ArticlePage | None:
        return self.articles.get((slug, lang))

    @property
    def slugs(self) -> list[str]:
        return sorted({slug for slug, _ in self.articles})


def relative_path(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


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


def _check_schema_comment(raw: bytes, rel: str, folder: str) -> list[Diagnostic]:
    """Editors find the schema through the file's first line."""
    expected = schema_comment(folder)
    first = raw.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()
    if first == expected:
        return []
    return [warning(rel, 1, 1, "missing-schema-comment", f"the first line should be '{expected}'")]


def load_file(root: Path, path: Path, model: type[M], folder: str) -> tuple[Loaded[M] | None, list[Diagnostic]]:
    """One content file, parsed into `model`, with every problem found on the way."""
    rel = relative_path(root, path)
    raw = path.read_bytes()
    problems = _check_schema_comment(raw, rel, folder)
    located, found = load_yaml(raw, rel)
    problems += found
    if located is None:
        return None, problems
    item, found = parse_model(model, located, rel)
    problems += found
    return (None if item is None else Loaded(item, rel, located)), problems


def id_mismatch(loaded: Loaded, stem: str, folder: str) -> list[Diagnostic]:
    """An item lives in `<folder>/<id>.yml`."""
    item_id = loaded.item.id  # type: ignore[attr-defined]
    if item_id == stem:
        return []
    return [error(loaded.path, *loaded.located.where(("id",), True), "id-mismatch",
                  f"'{item_id}' must live in {folder}/{item_id}.yml")]


def duplicate_id(loaded: Loaded, item_id: str, first_path: str) -> Diagnostic:
    """`loaded` has the ID of an item already loaded from `first_path`."""
    return error(loaded.path, *loaded.located.where(("id",), True), "duplicate-id",
                 f"ID '{item_id}' is also used by {first_path}")


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
    for page in project.articles.values():
        _, body, offset = split_front_matter(page.text)
        problems += markdown_problems(body, page.path, offset + 1)
    for loaded in [*project.terms.values(), *project.playbooks.values(), project.company]:
        if loaded is not None:
            problems += yaml_text_problems(loaded.located, loaded.path)
    return problems


def load_project(root: Path, check_only: bool = False, jobs: int = 1, reuse_checks: bool = False,
                 report_unsafe_html: bool = True) -> Project:
    """Load and check everything.

    `check_only` (for `kb check`) checks quiz modules on `jobs` processes and
    keeps only their digests, not the modules themselves; `reuse_checks` also
    skips quiz files unchanged since the last check (check_record.py).
    `report_unsafe_html=False` (the site build) leaves unsafe HTML to the
    page sanitiser instead of reporting it (kb.checks.html_safety).
    """
    from kb.checks.check_record import CheckRecord
    from kb.checks.quiz_files import load_quizzes  # both import Project
    from kb.checks.validate import validate

    project = Project(root=root, report_unsafe_html=report_unsafe_html)
    project.diagnostics += symlinks_leaving(root, PUBLISHED_DIRS)
    project.diagnostics += check_sources(root)
    project.ui, problems = load_ui_strings(root)
    project.diagnostics += problems
    project.style, problems = load_style_sheets(root)
    project.diagnostics += problems
    _load_articles(project)
    project.article_order, problems = _reading_order(root)
    project.diagnostics += problems
    project.terms = _load_folder(project, GLOSSARY_DIR, GlossaryTerm)
    project.playbooks = _load_folder(project, PLAYBOOK_DIR, Playbook)
    known = {"playbooks": set(project.playbooks), "articles": set(project.slugs), "glossary": set(project.terms)}
    project.search_words, problems = load_search_words(root, known)
    project.diagnostics += problems
    record = CheckRecord(root) if check_only and reuse_checks else None
    load_quizzes(project, keep=not check_only, jobs=jobs, record=record)
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
