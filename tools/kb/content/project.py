"""Load the whole project: article pages, glossary terms, interface strings.

`load_project` never raises for content mistakes: everything it could not
load, and everything `validate` finds across files, ends up in
`Project.diagnostics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from kb.content.articles import ArticlePage, load_article
from kb.diagnostics import Diagnostic, error, sort_unique, warning
from kb.languages import LANGUAGES
from kb.content.load import Located, load_yaml
from kb.content.company import COMPANY_FILE, CompanySettings
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.quiz import QuizModule
from kb.content.schema import schema_comment
from kb.content.sources import check_sources
from kb.content.typecheck import parse_model
from kb.content.ui import Strings, load_ui_strings

if TYPE_CHECKING:
    from kb.checks.quiz_files import QuizDigest

M = TypeVar("M", bound=BaseModel)

DOCS_DIR = "docs"
GLOSSARY_DIR = "glossary"
PLAYBOOK_DIR = "playbooks"
QUIZ_DIR = "quizzes"


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
    article_order: list[str] = field(default_factory=list)  # reading order, from mkdocs.yml's nav
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def article(self, slug: str, lang: str) -> ArticlePage | None:
        return self.articles.get((slug, lang))

    @property
    def slugs(self) -> list[str]:
        return sorted({slug for slug, _ in self.articles})


def relative_path(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


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


def id_mismatch(loaded: Loaded[Any], stem: str, folder: str) -> list[Diagnostic]:
    """An item lives in `<folder>/<id>.yml`."""
    item_id = loaded.item.id
    if item_id == stem:
        return []
    return [error(loaded.path, *loaded.located.where(("id",), True), "id-mismatch",
                  f"'{item_id}' must live in {folder}/{item_id}.yml")]


def duplicate_id(loaded: Loaded[Any], item_id: str, first_path: str) -> Diagnostic:
    """`loaded` has the ID of an item already loaded from `first_path`."""
    return error(loaded.path, *loaded.located.where(("id",), True), "duplicate-id",
                 f"ID '{item_id}' is also used by {first_path}")


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


def load_project(root: Path, check_only: bool = False, jobs: int = 1, reuse_checks: bool = False) -> Project:
    """Load and check everything.

    `check_only` (for `kb check`) checks quiz modules on `jobs` processes and
    keeps only their digests, not the modules themselves; `reuse_checks` also
    skips quiz files unchanged since the last check (check_record.py).
    """
    from kb.checks.check_record import CheckRecord
    from kb.checks.quiz_files import load_quizzes  # both import Project
    from kb.checks.validate import validate

    project = Project(root=root)
    project.diagnostics += check_sources(root)
    project.ui, problems = load_ui_strings(root)
    project.diagnostics += problems
    _load_articles(project)
    project.article_order = _reading_order(root)
    project.terms = _load_folder(project, GLOSSARY_DIR, GlossaryTerm)
    project.playbooks = _load_folder(project, PLAYBOOK_DIR, Playbook)
    record = CheckRecord(root) if check_only and reuse_checks else None
    load_quizzes(project, keep=not check_only, jobs=jobs, record=record)
    if (root / COMPANY_FILE).is_file():
        project.company, problems = load_file(root, root / COMPANY_FILE, CompanySettings, COMPANY_FILE)
        project.diagnostics += problems
    else:
        project.diagnostics.append(error(COMPANY_FILE, 1, 1, "missing-file", "company.yml is missing"))
    project.diagnostics += validate(project)
    project.diagnostics = sort_unique(project.diagnostics)
    return project
