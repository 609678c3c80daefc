"""Reuse the HTML of unchanged pages between `mkdocs serve` rebuilds.

A save in `mkdocs serve` rebuilds every page of all four languages. Most of
that time is Python-Markdown converting pages whose Markdown did not change,
and mkdocs-quiz converting the same quizzes again. Both conversions are pure
functions of their inputs, so during `serve` their results are kept, keyed on
every input they read:

- a page: its final Markdown (after every plugin's `on_page_markdown`), its
  source path and address, the site's file list, and the Markdown settings;
- a quiz: its source, number, options, language and catalogue, its page's
  address, the file list and the Markdown settings;
- a page's templated HTML: everything its templates can read
  (plugin/template_reuse.py);
- mkdocs-quiz's translation catalogue (a `.po` file): its bytes. mkdocs-quiz
  parses it again for every quiz, before any of the above is looked up;
- what the kb plugin does to a page's HTML afterwards: the sanitiser's output
  (a function of the HTML alone), and the glossary tooltips and a search
  section's keywords, which also read the glossary: every term and the
  everyday search words are digested once per loaded project.

Warnings logged while converting (a broken link, say) are recorded and logged
again when the result is reused, so `serve` keeps reporting them. Results not
used by the latest full rebuild are dropped, so memory stays at one site's worth.

The results live in a `RenderReuse` the kb plugin owns while it serves (one
per `serve` session: MkDocs keeps the plugin instance across rebuilds). The
wrappers go on MkDocs' and mkdocs-quiz's classes once per process, and each
call finds the store through the `config` it is given; without a kb plugin
that keeps one (`mkdocs build`, `kb build`, `reuse_renders: false`) the
original conversion runs, so each build starts from scratch.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

from kb.compat.mkdocs import render_title, restore_render_title, wrap_page_render
from kb.compat.mkdocs_quiz import wrap_parse_po_file, wrap_process_quiz

# The plugin's name in mkdocs.yml (its entry point in pyproject.toml).
PLUGIN_NAME = "kb"
_Key = tuple[Any, ...]  # every input of one conversion
_K = TypeVar("_K")
_V = TypeVar("_V")


@dataclass(frozen=True)
class _PageRender:
    content: str
    toc: Any
    title: str | None
    anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None
    records: tuple[logging.LogRecord, ...]


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _Kept(Generic[_K, _V]):
    """One kind of result, by key; a new rebuild keeps only what the previous one used."""

    def __init__(self, kind: str, reused: Counter[str]) -> None:
        self.kind, self.reused = kind, reused
        self._results: dict[_K, _V] = {}
        self._used: set[_K] = set()

    def get(self, key: _K, make: Callable[[], _V]) -> tuple[_V, bool]:
        """The result for `key` (made now if missing), and whether it was kept from before."""
        self._used.add(key)
        if key in self._results:
            self.reused[self.kind] += 1
            return self._results[key], True
        result = self._results[key] = make()
        return result, False

    def new_rebuild(self) -> None:
        self._results = {key: self._results[key] for key in self._used if key in self._results}
        self._used.clear()


class RenderReuse:
    """The page and quiz results of one `serve` session, keyed on all their inputs."""

    def __init__(self) -> None:
        self.reused: Counter[str] = Counter()  # results handed out again, by kind: for tests and curiosity
        self._pages: _Kept[_Key, _PageRender] = _Kept("pages", self.reused)
        self._quizzes: _Kept[_Key, str] = _Kept("quizzes", self.reused)
        self._templates: _Kept[str, str] = _Kept("templates", self.reused)
        self._catalogues: _Kept[tuple[str, bytes], dict[str, str]] = _Kept("catalogues", self.reused)
        self._catalogue_bytes: dict[str, bytes] = {}  # read once per rebuild, not once per quiz
        self._sanitized: _Kept[str, str] = _Kept("sanitized", self.reused)
        self._tooltips: _Kept[_Key, str] = _Kept("tooltips", self.reused)
        self._keywords: _Kept[_Key, str] = _Kept("keywords", self.reused)
        self._tokens: dict[str, tuple[Any, str]] = {}  # last object seen and its token, per kind

    def new_rebuild(self) -> None:
        """Start a full rebuild: keep only what the previous one used."""
        for kept in (self._pages, self._quizzes, self._templates, self._catalogues,
                     self._sanitized, self._tooltips, self._keywords):
            kept.new_rebuild()
        self._catalogue_bytes.clear()

    def render_page(self, render: Callable[..., None], page: Any, config: Any, files: Any) -> None:
        key = (page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url,
               self._files_token(files), self._config_token(config))
        result, kept = self._pages.get(key, lambda: _render_and_record(render, page, config, files))
        if kept:
            _restore(page, result, files)

    def process_quiz(self, process: Callable[..., str], plugin: Any, quiz_content: str, quiz_id: int,
                     options: dict[str, bool], t: Any, config: Any, page: Any, files: Any) -> str:
        key = (quiz_content, quiz_id, tuple(sorted(options.items())), t.language,
               tuple(sorted(t.translations.items())), page.file.src_uri, page.url,
               self._files_token(files), self._config_token(config))
        return self._quizzes.get(key, lambda: process(plugin, quiz_content, quiz_id, options, t, config, page, files))[0]

    def render_template(self, render: Callable[[], str], key: str) -> str:
        """A page's templated HTML; `key` digests every input (plugin/template_reuse.py)."""
        return self._templates.get(key, render)[0]

    def parse_catalogue(self, parse: Callable[[Any, Any], dict[str, str]], manager: Any, path: Any) -> dict[str, str]:
        """A `.po` catalogue, parsed once per version of its bytes (a fresh copy each time: the caller updates it)."""
        name = str(path)
        if name not in self._catalogue_bytes:
            try:
                self._catalogue_bytes[name] = Path(path).read_bytes()
            except OSError:
                return parse(manager, path)  # mkdocs-quiz reports a missing file itself
        parsed, _ = self._catalogues.get((name, self._catalogue_bytes[name]), lambda: parse(manager, path))
        return dict(parsed)

    def sanitize(self, clean: Callable[[str], str], html: str) -> str:
        """The sanitiser's output for `html`, which is all it reads."""
        return self._sanitized.get(html, lambda: clean(html))[0]

    def add_tooltips(self, add: Callable[..., str], html: str, project: Any, lang: str, urls: Any, page_url: str) -> str:
        """`add(html, project, lang, urls, page_url)`, which reads only the glossary from the project."""
        key = (html, glossary_token(project), lang, urls, page_url)
        return self._tooltips.get(key, lambda: add(html, project, lang, urls, page_url))[0]

    def section_keywords(self, find: Callable[..., str], project: Any, lang: str, kind: str, anchor: str,
                         text: str, matcher: Any) -> str:
        """`find(project, lang, kind, anchor, text, matcher)`: glossary forms found in a search section.

        The matcher is compiled from the glossary, so the glossary's digest stands for it."""
        key = (text, glossary_token(project), lang, kind, anchor)
        return self._keywords.get(key, lambda: find(project, lang, kind, anchor, text, matcher))[0]

    def _token(self, kind: str, obj: Any, describe: Callable[[Any], object]) -> str:
        """A digest of `describe(obj)`, computed once per object (one per language build)."""
        last = self._tokens.get(kind)
        if last is None or last[0] is not obj:
            last = (obj, hashlib.sha256(repr(describe(obj)).encode("utf-8")).hexdigest())
            self._tokens[kind] = last
        return last[1]

    def _files_token(self, files: Any) -> str:
        return self._token("files", files, lambda fs: [(f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in fs])

    def _config_token(self, config: Any) -> str:
        return self._token("config", config, lambda c: (
            c["markdown_extensions"], sorted((k, repr(v)) for k, v in (c["mdx_configs"] or {}).items()),
            c["use_directory_urls"], repr(c["validation"]), c["theme"].get("language")))


def glossary_token(project: Any) -> str:
    """A digest of every glossary term and the everyday search words: all a
    tooltip or a search keyword reads from the project (once per loaded project)."""
    token = project.__dict__.get("_reuse_glossary_token")
    if token is None:
        terms = sorted((term_id, loaded.item.model_dump(mode="json")) for term_id, loaded in project.terms.items())
        token = hashlib.sha256(repr((terms, project.search_words)).encode("utf-8")).hexdigest()
        project.__dict__["_reuse_glossary_token"] = token
    return str(token)


def store_of(config: Any) -> RenderReuse | None:
    """The store of the kb plugin building with `config`, if it keeps one (only while serving)."""
    plugin = config["plugins"].get(PLUGIN_NAME)
    store = getattr(plugin, "render_reuse", None)
    return store if isinstance(store, RenderReuse) else None


def _replay(records: tuple[logging.LogRecord, ...]) -> None:
    for record in records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


def reuse_page_renders() -> None:
    """Wrap MkDocs' `Page.render` with the page cache of the kb plugin (once per process)."""
    def wrap(render: Callable[..., None]) -> Callable[..., None]:
        def render_or_reuse(self: Any, config: Any, files: Any) -> None:
            store = store_of(config)
            if store is None:
                render(self, config, files)
            else:
                store.render_page(render, self, config, files)
        return render_or_reuse

    wrap_page_render(wrap)


def _render_and_record(render: Callable[..., None], page: Any, config: Any, files: Any) -> _PageRender:
    recorder = _Recorder()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(recorder)
    try:
        render(page, config, files)
    finally:
        mkdocs_log.removeHandler(recorder)
    links = page.links_to_anchors
    return _PageRender(
        page.content, copy.deepcopy(page.toc), render_title(page), frozenset(page.present_anchor_ids or ()),
        None if links is None else {f.src_uri: dict(v) for f, v in links.items()}, tuple(recorder.records))


def _restore(page: Any, cached: _PageRender, files: Any) -> None:
    page.content = cached.content
    # Plugins may change a page's table of contents; each page gets its own copy.
    page.toc = copy.deepcopy(cached.toc)
    restore_render_title(page, cached.title)
    page.present_anchor_ids = set(cached.anchor_ids)
    if cached.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in cached.links_to_anchors.items()}
    _replay(cached.records)


def reuse_quiz_renders() -> None:
    """Wrap mkdocs-quiz's per-quiz conversion with the quiz cache of the kb plugin (once per process)."""
    def wrap(process: Callable[..., str]) -> Callable[..., str]:
        def process_or_reuse(self: Any, quiz_content: str, quiz_id: int, options: dict[str, bool], t: Any,
                             config: Any, page: Any, files: Any) -> str:
            store = store_of(config)
            if store is None:
                return process(self, quiz_content, quiz_id, options, t, config, page, files)
            return store.process_quiz(process, self, quiz_content, quiz_id, options, t, config, page, files)
        return process_or_reuse

    wrap_process_quiz(wrap)


# The catalogue parser gets no config to find the serving plugin by; the kb plugin
# points this at its store while it serves, and back to None otherwise.
catalogue_store: list[RenderReuse | None] = [None]


def reuse_quiz_catalogues() -> None:
    """Wrap mkdocs-quiz's `.po` parser with the catalogue cache of the serving kb plugin (once per process)."""
    def wrap(parse: Callable[..., dict[str, str]]) -> Callable[..., dict[str, str]]:
        def parse_or_reuse(self: Any, po_path: Any) -> dict[str, str]:
            store = catalogue_store[0]
            return parse(self, po_path) if store is None else store.parse_catalogue(parse, self, po_path)
        return parse_or_reuse

    wrap_parse_po_file(wrap)
