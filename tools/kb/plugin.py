"""MkDocs plugin: event hooks only. The work is done by the core modules.

mkdocs-static-i18n runs one nested build per language, so `on_config` runs
four times per build; the project is loaded once and reused while no content
file has changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from .diagnostics import Severity, has_failures, render
from .generate import generated_nav, write_generated_pages
from .languages import LANGUAGES
from .project import Project, load_project
from .render.article_notes import annotate
from .render.tooltips import add_tooltips
from .watch import WATCHED_DIRS, fingerprint

log = logging.getLogger("mkdocs.plugins.kb")


class _QuizFallbackFilter(logging.Filter):
    """Drop mkdocs-quiz's "Built-in translation for 'lt' not found" warning.

    mkdocs-quiz warns about a missing built-in catalogue before it looks at
    `custom_translations`, so the warning fires (and fails --strict) even
    for languages whose .po file we supply. Only those languages are muted.
    """

    def __init__(self, covered: set[str]):
        super().__init__()
        self.covered = covered

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(message.startswith(f"Built-in translation for '{lang}' not found") for lang in self.covered)


class KnowledgeBasePlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self._fingerprint: tuple | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._mute_quiz_fallback_warning(config)
        root = self._root(config)
        current = fingerprint(root)
        if self.project is None or current != self._fingerprint:
            self._load(root, config, current)
        config.nav = expand_nav(config.nav, self.project)
        return config

    def _load(self, root: Path, config: MkDocsConfig, current: tuple) -> None:
        project = load_project(root)
        if has_failures(project.diagnostics, strict=bool(config.strict)):
            # BuildError subclasses stop the build with this message and no traceback.
            raise PluginError("content check failed:\n" + render(project.diagnostics))
        for diagnostic in project.diagnostics:
            if diagnostic.severity is Severity.WARNING:
                log.warning(diagnostic.format())
        write_generated_pages(project)
        self.project, self._fingerprint = project, current

    def _mute_quiz_fallback_warning(self, config: MkDocsConfig) -> None:
        quiz = config.plugins.get("mkdocs_quiz")
        covered = set(quiz.config.get("custom_translations", {})) if quiz else set()
        quiz_log = logging.getLogger("mkdocs.plugins.mkdocs_quiz")
        if covered and not any(isinstance(f, _QuizFallbackFilter) for f in quiz_log.filters):
            quiz_log.addFilter(_QuizFallbackFilter(covered))

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = self._root(config)
        for name in WATCHED_DIRS:
            if (root / name).is_dir():
                server.watch(str(root / name))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> str:  # type: ignore[no-untyped-def]
        lang, kind, name = _page_kind(page)
        if kind == "articles" and self.project is not None:
            article = self.project.article(name, lang)
            if article is not None:
                return annotate(markdown, article, self.project, page.url)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files) -> str:  # type: ignore[no-untyped-def]
        lang, kind, _ = _page_kind(page)
        if kind in TOOLTIP_PAGES and self.project is not None:
            return add_tooltips(html, self.project, lang, page.url)
        return html


# Nav sections whose pages come from content (`- Title: folder/index.md` in mkdocs.yml).
EXPANDED_SECTIONS = ("playbooks", "quizzes")
# Page folders whose text gets glossary tooltips.
TOOLTIP_PAGES = ("articles", "playbooks")


def expand_nav(nav, project):  # type: ignore[no-untyped-def]
    """Replace a generated section's index entry with all of its pages.

    mkdocs.yml lists `- Playbooks: playbooks/index.md`; the pages under it
    come from the content, so the nav never goes stale.
    """
    if not nav or project is None:
        return nav
    expanded = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, value), = entry.items()
            if isinstance(value, str) and value.endswith("/index.md"):
                folder = value.split("/")[0]
                if folder in EXPANDED_SECTIONS:
                    entry = {title: generated_nav(project, folder)}
        expanded.append(entry)
    return expanded


def _page_kind(page: Page) -> tuple[str, str, str]:
    """(language, folder, file stem) of a page under docs/<lang>/<folder>/."""
    parts = page.file.src_uri.split("/")
    if len(parts) == 3 and parts[0] in LANGUAGES:
        return parts[0], parts[1], Path(parts[2]).stem
    return "", "", ""
