"""Caches for third-party work that repeats with identical inputs.

mkdocs-static-i18n runs one full MkDocs build per language, and `mkdocs serve`
repeats all of them on every save. Two steps redo the same thing each time:

- mkdocs-quiz parses its .po catalogue again for every quiz on every page
  (about 200 parses per build of the real content), and sets up a new
  Markdown converter, with every extension, for every quiz of a page;
- MkDocs lists every file of the theme directories (thousands of Material
  icons) and filters the list to find static assets, once per language build.

Both are wrapped here with caches keyed on what their output depends on, so
the output stays identical; only the repetition goes. Each wrapper checks the
attribute it replaces exists, and leaves the library alone if it does not.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

_catalogues: dict[tuple, dict[str, str]] = {}
_theme_listings: dict[tuple, list[str]] = {}


def cache_quiz_catalogues() -> None:
    """Parse each mkdocs-quiz .po file once while it is unchanged."""
    try:
        from mkdocs_quiz.translations import TranslationManager
    except ImportError:
        return
    parse = getattr(TranslationManager, "_parse_po_file", None)
    if parse is None or getattr(parse, "kb_cached", False):
        return

    def cached_parse(self: Any, po_path: Path) -> dict[str, str]:
        stat = os.stat(po_path)
        key = (str(po_path), stat.st_mtime_ns, stat.st_size)
        if key not in _catalogues:
            _catalogues[key] = parse(self, po_path)
        # The caller merges custom catalogues into the dict it gets: hand out a copy.
        return dict(_catalogues[key])

    cached_parse.kb_cached = True  # type: ignore[attr-defined]
    TranslationManager._parse_po_file = cached_parse  # type: ignore[method-assign]


def reuse_quiz_fragment_converter() -> None:
    """One mkdocs-quiz fragment converter per page instead of one per quiz.

    The converter is bound to its page (for relative links), so it is reused
    only for the same page object; mkdocs-quiz resets it before every use.
    """
    try:
        from mkdocs_quiz.plugin import MkDocsQuizPlugin
    except ImportError:
        return
    create = getattr(MkDocsQuizPlugin, "_create_fragment_markdown", None)
    if create is None or getattr(create, "kb_cached", False):
        return

    def create_once_per_page(self: Any, page: Any, config: Any, files: Any) -> Any:
        last = self.__dict__.get("_kb_fragment_converter")
        if last is None or last[0] is not page or last[1] is not files:
            last = (page, files, create(self, page, config, files))
            self.__dict__["_kb_fragment_converter"] = last
        return last[2]

    create_once_per_page.kb_cached = True  # type: ignore[attr-defined]
    MkDocsQuizPlugin._create_fragment_markdown = create_once_per_page  # type: ignore[method-assign]


def cache_theme_listing(theme: Any) -> None:
    """List the theme directories once per process for as long as they are unchanged.

    The key holds every theme directory and the (path, mtime) of each file in
    the project's own override directory, the only one edited during `serve`.
    """
    if getattr(theme.get_env, "kb_cached", False):
        return
    make_env: Callable[[], Any] = theme.get_env
    custom_dir = theme.custom_dir if hasattr(theme, "custom_dir") else None

    def get_env() -> Any:
        env = make_env()
        key = (tuple(theme.dirs), _tree_state(custom_dir))
        if key not in _theme_listings:
            # Hidden folders (Material's ~10,000 .icons) never become site files:
            # MkDocs filters out every path with a segment starting with ".", so
            # they are dropped once here instead of on every language build.
            _theme_listings[key] = [name for name in env.loader.list_templates() if not _hidden(name)]
        listing = _theme_listings[key]
        env.loader.list_templates = lambda: list(listing)
        return env

    get_env.kb_cached = True  # type: ignore[attr-defined]
    theme.get_env = get_env


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))


def _tree_state(folder: str | None) -> tuple:
    if not folder or not os.path.isdir(folder):
        return ()
    state = []
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            state.append((path, os.stat(path).st_mtime_ns))
    return tuple(sorted(state))
