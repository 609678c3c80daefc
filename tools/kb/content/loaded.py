"""The loaded project: every content item with the file and positions it came
from, and the diagnostics found so far.

The checks (kb.checks) read these types; loading the project and running
the checks over it is kb.content.project's job, so neither imports the other
in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from kb.content.articles import ArticlePage
from kb.content.company import CompanySettings
from kb.content.load import Located, load_yaml
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.quiz import QuizModule
from kb.content.schema import schema_comment
from kb.content.search_words import SearchWords
from kb.content.style import StyleSheet
from kb.content.typecheck import parse_model
from kb.content.ui import Strings
from kb.diagnostics import Diagnostic, error, warning

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
    root_pages: dict[str, str] = field(default_factory=dict)  # docs/<lang>/*.md (the home page) → text
    terms: dict[str, Loaded[GlossaryTerm]] = field(default_factory=dict)
    playbooks: dict[str, Loaded[Playbook]] = field(default_factory=dict)
    quizzes: dict[str, Loaded[QuizModule]] = field(default_factory=dict)  # empty after a check-only load
    quiz_digests: dict[str, QuizDigest] = field(default_factory=dict)  # by module ID
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


