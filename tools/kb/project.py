"""Load the whole project: article pages, glossary terms, interface strings.

`load_project` never raises for content mistakes: everything it could not
load, and everything `validate` finds across files, ends up in
`Project.diagnostics`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .articles import ArticlePage, load_article
from .diagnostics import Diagnostic, error, sort_unique, warning
from .languages import LANGUAGES
from .load import Located, load_yaml
from .model import GlossaryTerm
from .schema import schema_comment
from .sources import check_sources
from .typecheck import parse_model
from .ui import Strings, load_ui_strings

DOCS_DIR = "docs"
GLOSSARY_DIR = "glossary"


@dataclass
class Loaded:
    """A content item with the file and positions it came from."""

    item: GlossaryTerm
    path: str
    located: Located


@dataclass
class Project:
    root: Path
    articles: dict[tuple[str, str], ArticlePage] = field(default_factory=dict)
    terms: dict[str, Loaded] = field(default_factory=dict)
    ui: Strings = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def article(self, slug: str, lang: str) -> ArticlePage | None:
        return self.articles.get((slug, lang))

    @property
    def slugs(self) -> list[str]:
        return sorted({slug for slug, _ in self.articles})


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _load_articles(project: Project) -> None:
    for lang in LANGUAGES:
        folder = project.root / DOCS_DIR / lang / "articles"
        for path in sorted(folder.glob("*.md")):
            rel = _rel(project.root, path)
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


def _load_terms(project: Project) -> None:
    for path in sorted((project.root / GLOSSARY_DIR).glob("*.yml")):
        rel = _rel(project.root, path)
        raw = path.read_bytes()
        project.diagnostics += _check_schema_comment(raw, rel, GLOSSARY_DIR)
        located, problems = load_yaml(raw, rel)
        project.diagnostics += problems
        if located is None:
            continue
        term, problems = parse_model(GlossaryTerm, located, rel)
        project.diagnostics += problems
        if term is None:
            continue
        if term.id != path.stem:
            line, col = located.where(("id",), prefer_value=True)
            project.diagnostics.append(error(rel, line, col, "id-mismatch",
                                             f"term '{term.id}' must live in {GLOSSARY_DIR}/{term.id}.yml"))
        if term.id in project.terms:
            line, col = located.where(("id",), prefer_value=True)
            first = project.terms[term.id].path
            project.diagnostics.append(error(rel, line, col, "duplicate-id", f"term ID '{term.id}' is also used by {first}"))
            continue
        project.terms[term.id] = Loaded(term, rel, located)


def load_project(root: Path) -> Project:
    from .validate import validate  # validate imports Project

    project = Project(root=root)
    project.diagnostics += check_sources(root)
    project.ui, problems = load_ui_strings(root)
    project.diagnostics += problems
    _load_articles(project)
    _load_terms(project)
    project.diagnostics += validate(project)
    project.diagnostics = sort_unique(project.diagnostics)
    return project
