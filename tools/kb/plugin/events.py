"""MkDocs plugin: event hooks only. The work is done by the core modules.

mkdocs-static-i18n runs one nested build per language, so `on_config` runs
four times per build; the project is loaded once and reused while no content
file has changed.
"""

from __future__ import annotations

from html import escape
import logging
import sys
from functools import partial
from typing import Any
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from kb.compat.material import drop_language_alternates
from kb.build.serve_dir import stop_on_sigterm_as_on_ctrl_c
from kb.compat.mkdocs import use_native_file_events
from kb.compat.mkdocs_static_i18n import swap_language_links
from kb.diagnostics import Severity, blocks_publishing, render
from kb.render.generate import GENERATED_DIRS, generated_nav, write_generated_pages
from kb.languages import LANGUAGES
from kb.content.project import Project, load_project
from kb.render.quiz_assets import link_shared_assets, write_shared_assets
from kb.render.article_notes import annotate
from kb.render.next_step import next_step_markdown
from kb.render.not_found import language_homes, not_found_strings
from kb.render.accessibility import fix_accessibility, label_permalinks
from kb.render.links import SiteUrls
from kb.render.tooltips import add_tooltips
from kb.plugin.build_languages import build_languages
from kb.plugin.config import KbConfig
from kb.plugin.template_bytecode import InMemoryBytecodeCache
from kb.plugin.template_reuse import ReusingTemplate
from kb.render.sanitize import clean
from kb.search.site import SearchCollector, point_material_at_worker, write_empty_material_index
from kb.plugin.render_reuse import (RenderReuse, catalogue_store, reuse_page_renders, reuse_quiz_catalogues,
                                    reuse_quiz_renders)
from kb.content.watch import WATCHED_DIRS, WATCHED_FILES, fingerprint

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


class KnowledgeBasePlugin(BasePlugin[KbConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self._fingerprint: tuple | None = None
        self._failed_fingerprint: tuple | None = None  # content that failed while serving
        self.search = SearchCollector()
        self.command = ""
        self._alternate: tuple[Any, Any] | None = None  # the language links, while the 404 page has its own
        self.template_bytecode = InMemoryBytecodeCache()
        # Unchanged renders kept between `serve` rebuilds; None when not serving (render_reuse finds it here).
        self.render_reuse: RenderReuse | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook also makes MkDocs keep this instance across `serve`
        # rebuilds, so the project is reloaded only when its fingerprint changes.
        self.command = command
        if command == "serve":
            stop_on_sigterm_as_on_ctrl_c()

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._mute_quiz_fallback_warning(config)
        layout = build_languages(config)
        if layout.preview and not self.serving:
            raise PluginError(f"KB_PREVIEW_LANGUAGE={layout.root} builds one language, at the "
                              "site root: it is for `make serve PREVIEW=<lang>`, not for a site to publish")
        if self.serving and self.config.reuse_renders:
            self.render_reuse = self.render_reuse or RenderReuse()
            reuse_page_renders()
            reuse_quiz_renders()
            reuse_quiz_catalogues()
        else:
            self.render_reuse = None
        catalogue_store[0] = self.render_reuse
        self._use_local_worker_shim(config)
        root = self._root(config)
        current = (fingerprint(root), bool(config.use_directory_urls), layout)
        if self.project is None or current not in (self._fingerprint, self._failed_fingerprint):
            self._load(root, config, current)
        config.nav = expand_nav(config.nav, self.project)
        return config

    def _load(self, root: Path, config: MkDocsConfig, current: tuple) -> None:
        project = load_project(root, report_unsafe_html=False)  # the sanitiser cleans it (on_page_content)
        strict = bool(config.strict)
        failing = [d for d in project.diagnostics if d.severity is not Severity.NOTE] \
            if any(blocks_publishing(d, strict) for d in project.diagnostics) else []
        if not failing:
            # A one-language preview writes only its own language's pages.
            write_generated_pages(project, _site_urls(config), build_languages(config).built, config.site_url)
        if failing and self.serving and self.project is not None:
            # `mkdocs serve` after a bad save: report, and rebuild from the last good
            # content (its generated pages are still on disk), so the server keeps
            # answering instead of holding every request until the content is fixed.
            # Printed, not logged: strict mode would count a logged error and abort.
            print("content check failed; serving the last good content:\n" + render(failing), file=sys.stderr)
            self._failed_fingerprint = current  # the other languages' builds of this rebuild say nothing more
            return
        if failing:
            # BuildError subclasses stop the build with this message and no traceback.
            raise PluginError("content check failed:\n" + render(failing))
        for diagnostic in project.diagnostics:
            if diagnostic.severity is Severity.WARNING:
                # A publishing warning is logged at info level: MkDocs' --strict counts warnings.
                report = log.warning if blocks_publishing(diagnostic, strict=True) else log.info
                report(diagnostic.format())
        self.project, self._fingerprint = project, current

    def _use_local_worker_shim(self, config: MkDocsConfig) -> None:
        """Offline builds: Material's offline plugin would add a CDN script for workers
        from file://; a polyfill whose name contains "iframe-worker" replaces it."""
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        if offline is not None and offline.config.get("enabled"):
            polyfills = config.extra.setdefault("polyfills", [])
            if OFFLINE_WORKER_SHIM not in polyfills:
                polyfills.append(OFFLINE_WORKER_SHIM)

    def _mute_quiz_fallback_warning(self, config: MkDocsConfig) -> None:
        quiz = config.plugins.get("mkdocs_quiz")
        covered = set(quiz.config.get("custom_translations", {})) if quiz else set()
        quiz_log = logging.getLogger("mkdocs.plugins.mkdocs_quiz")
        # The logger lives as long as the process: one filter, muting the languages of the current config.
        ours = next((f for f in quiz_log.filters if isinstance(f, _QuizFallbackFilter)), None)
        if ours is None:
            quiz_log.addFilter(_QuizFallbackFilter(covered))
        else:
            ours.covered = covered

    def on_env(self, env, config: MkDocsConfig, files):  # type: ignore[no-untyped-def]
        if self.config.compile_templates_once:
            env.bytecode_cache = self.template_bytecode
        if self.render_reuse is not None:
            env.template_class = ReusingTemplate  # pages' templated HTML, while serving
        return env

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs once per language build: the outer (root language) build starts afresh.
        if config.theme.get("language") == build_languages(config).root:
            reuse = self.render_reuse
            self.search = SearchCollector(None if reuse is None else partial(reuse.section_keywords,
                                                                             SearchCollector.section_keywords))
            if reuse is not None:
                reuse.new_rebuild()

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        lang, folder, name = _page_kind(page)
        if lang and self.project is not None and page.content:
            self.search.add_page(self.project, lang, folder, name, page.url, page.content)
        if folder == "glossary":
            _letters_only(page.toc)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # Language alternates only made Material fetch missing sitemaps (kb.compat.material).
        output = fix_accessibility(drop_language_alternates(output))
        output = link_shared_assets(output, page.url)
        lang = page.file.src_uri.split("/")[0]
        return point_material_at_worker(output, lang) if lang in LANGUAGES else output

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):  # type: ignore[no-untyped-def]
        if template_name == NOT_FOUND_TEMPLATE and self.project is not None:
            lang = _build_language(config)
            base_url = context.get("base_url") or "/"
            context["kb_not_found"] = not_found_strings(self.project.ui[lang], base_url, lang)
            # The theme's templates are rendered before the pages, with the language
            # links mkdocs-static-i18n left from the previous language's last page;
            # a missing page's language links lead to each language's home.
            self._alternate = swap_language_links(config.extra, (language_homes(base_url),) * 2)
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Each language build renders the theme's 404 page into the site root, so the
        last language built would win for everyone: a language other than the root one
        goes to <lang>/404.html instead, and the root keeps the root language's."""
        if template_name != NOT_FOUND_TEMPLATE:
            return output
        if self._alternate is not None:
            swap_language_links(config.extra, self._alternate)
            self._alternate = None
        lang = _build_language(config)
        output = point_material_at_worker(fix_accessibility(drop_language_alternates(output)), lang)
        if lang == build_languages(config).root:
            return output
        target = Path(config.site_dir) / lang / NOT_FOUND_TEMPLATE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # MkDocs writes nothing to the root for an empty template

    def _write_search_workers(self, config: MkDocsConfig) -> None:
        if self.project is not None:  # without content no page was collected
            self.search.write_workers(Path(config.site_dir), self.project)
        write_shared_assets(Path(config.site_dir))

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the search indexes
    def _finish_site(self, config: MkDocsConfig) -> None:
        write_empty_material_index(Path(config.site_dir))
        if not config.site_url:
            # mkdocs-static-i18n's sitemap would list "None./"-style addresses.
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                Path(config.site_dir, name).unlink(missing_ok=True)

    on_post_build = CombinedEvent(_write_search_workers, _finish_site)

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        root = self._root(config)
        for name in WATCHED_DIRS + WATCHED_FILES:
            if (root / name).exists():
                server.watch(str(root / name))
        _watch_docs_without_generated_pages(server, Path(config.docs_dir))
        if self.config.native_file_events and not use_native_file_events(server):
            log.warning("the system refused native file watches (inotify limits, see "
                        "/proc/sys/fs/inotify): MkDocs polls for saves every 0.5 s instead")
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> str:  # type: ignore[no-untyped-def]
        # Our per-language search worker replaces Material's index (which mixes
        # all languages and knows no Lithuanian or Polish); skip building it.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        # A front matter title is plain text (kb.content.root_pages), and the theme
        # prints it as it is into the header and the navigation: escape it here.
        if "title" in page.meta:
            page.meta["title"] = escape(str(page.meta["title"]), quote=False)
        lang, kind, name = _page_kind(page)
        if kind == "articles" and self.project is not None:
            article = self.project.article(name, lang)
            if article is not None:
                return (annotate(markdown, article, self.project, _site_urls(config), page.url)
                        + next_step_markdown(self.project, article, _site_urls(config), page.url))
        return markdown

    def _decorate_content(self, html: str, page: Page, config: MkDocsConfig, files) -> str:  # type: ignore[no-untyped-def]
        lang, kind, _ = _page_kind(page)
        if not lang or self.project is None:
            return html
        html = label_permalinks(html, self.project.ui[lang]["permalink"], tooltip=kind != "glossary")
        if kind not in TOOLTIP_PAGES:
            return html
        if self.render_reuse is not None:
            return self.render_reuse.add_tooltips(add_tooltips, html, self.project, lang, _site_urls(config), page.url)
        return add_tooltips(html, self.project, lang, _site_urls(config), page.url)

    @event_priority(-100)  # after every plugin that adds content HTML (mkdocs-quiz renders its quizzes here)
    def _sanitize_content(self, html: str, page: Page, config: MkDocsConfig, files) -> str:  # type: ignore[no-untyped-def]
        # The content part of the page, as final as it gets before the theme wraps it.
        # mkdocs-quiz appends its own scripts after the content: code, not content.
        content, trailer = html, ""
        if _quiz_enabled(page):
            split = html.rfind(QUIZ_TRAILER)
            if split >= 0:
                content, trailer = html[:split], html[split:]
        cleaned = clean(content) if self.render_reuse is None else self.render_reuse.sanitize(clean, content)
        return cleaned + trailer

    on_page_content = CombinedEvent(_decorate_content, _sanitize_content)


OFFLINE_WORKER_SHIM = "assets/kb/iframe-worker-shim.js"
# mkdocs-quiz appends this sidebar, then its scripts, after a quiz page's content.
QUIZ_TRAILER = '<div id="quiz-progress-sidebar"'


def _quiz_enabled(page: Page) -> bool:
    """The page's front matter turns mkdocs-quiz on (only generated quiz pages do)."""
    quiz = page.meta.get("quiz")
    return isinstance(quiz, dict) and quiz.get("enabled") is True


NOT_FOUND_TEMPLATE = "404.html"


def _site_urls(config: MkDocsConfig) -> SiteUrls:
    """The URL style of this build: directory URLs, or `.html` ones for the offline copy (KB_DIRECTORY_URLS)."""
    return SiteUrls(directory_urls=bool(config.use_directory_urls), root_language=build_languages(config).root)


def _build_language(config: MkDocsConfig) -> str:
    """The language mkdocs-static-i18n is building (it sets the theme's language)."""
    lang = config.theme.get("language")
    return lang if lang in LANGUAGES else build_languages(config).root

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
                    pages = generated_nav(project, folder)
                    if not pages:  # nothing to list in the sidebar
                        continue
                    entry = {title: pages}
        expanded.append(entry)
    return expanded


def _letters_only(toc) -> None:  # type: ignore[no-untyped-def]
    """Keep the glossary's table of contents to its letters.

    Material renders the table of contents twice (sidebar and mobile drawer),
    so one entry per term made the glossary page's DOM half navigation, and
    laying it out was most of the page's main-thread time on a phone. A
    letter index is how a glossary is browsed; a term is found by search.
    """
    for title in toc:  # the page's h1; the letters are its h2s
        for letter in title.children:
            letter.children = []


def _page_kind(page: Page) -> tuple[str, str, str]:
    """(language, folder, file stem) of a page at docs/<lang>/[<folder>/]<file>.md; folder "" at the top."""
    parts = page.file.src_uri.split("/")
    if parts[0] not in LANGUAGES or len(parts) not in (2, 3):
        return "", "", ""
    return parts[0], parts[1] if len(parts) == 3 else "", Path(parts[-1]).stem


def _watch_docs_without_generated_pages(server, docs_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Watch docs/ except the folders this plugin writes.

    MkDocs watches the whole docs_dir, so a YAML edit caused two rebuilds: one
    for the edit and a second, useless one for the generated pages the first
    rewrote. A save made meanwhile waited for both. Hand-written pages are
    watched as before; a new top-level folder in docs/<lang>/ needs a restart.
    """
    server.unwatch(str(docs_dir))
    server.watch(str(docs_dir), recursive=False)
    for lang_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        server.watch(str(lang_dir), recursive=False)
        for child in sorted(lang_dir.iterdir()):
            if child.is_dir() and child.name not in GENERATED_DIRS:
                server.watch(str(child))
