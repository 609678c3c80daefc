"""Caches for third-party work that repeats with identical inputs.

mkdocs-static-i18n runs one full MkDocs build per language, and `mkdocs serve`
repeats all of them on every save. Two steps redo the same thing each time:

- mkdocs-quiz parses its .po catalogue again for every quiz on every page
  (about 200 parses per build of the real content), and sets up a new
  Markdown converter, with every extension, for every quiz of a page;
- MkDocs lists every file of the theme directories (thousands of Material
  icons) and filters the list to find static assets, once per language build.

Both are wrapped here with caches keyed on what their output depends on, so
the output stays identical; only the repetition goes (`wrapping.wrap_once`
leaves a library alone if the function it wraps is gone).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from kb.compat import optional, wrap_once

_catalogues: dict[tuple, dict[str, str]] = {}
_theme_listings: dict[tuple, list[str]] = {}


def cache_quiz_catalogues() -> None:
    """Parse each mkdocs-quiz .po file once while it is unchanged."""
    def wrap(parse: Callable[..., dict[str, str]]) -> Callable[..., dict[str, str]]:
        def cached_parse(self: Any, po_path: Path) -> dict[str, str]:
            stat = os.stat(po_path)
            key = (str(po_path), stat.st_mtime_ns, stat.st_size)
            if key not in _catalogues:
                _catalogues[key] = parse(self, po_path)
            # The caller merges custom catalogues into the dict it gets: hand out a copy.
            return dict(_catalogues[key])
        return cached_parse

    wrap_once(optional("mkdocs_quiz.translations", "TranslationManager"), "_parse_po_file", wrap)


def reuse_quiz_fragment_converter() -> None:
    """One mkdocs-quiz fragment converter per page instead of one per quiz.

    The converter is bound to its page (for relative links), so it is reused
    only for the same page object; mkdocs-quiz resets it before every use.
    """
    def wrap(create: Callable[..., Any]) -> Callable[..., Any]:
        def create_once_per_page(self: Any, page: Any, config: Any, files: Any) -> Any:
            last = self.__dict__.get("_kb_fragment_converter")
            if last is None or last[0] is not page or last[1] is not files:
                last = (page, files, create(self, page, config, files))
                self.__dict__["_kb_fragment_converter"] = last
            return last[2]
        return create_once_per_page

    wrap_once(optional("mkdocs_quiz.plugin", "MkDocsQuizPlugin"), "_create_fragment_markdown", wrap)


def cache_theme_listing(theme: Any) -> None:
    """List the theme directories once per process for as long as they are unchanged.

    The key holds every theme directory and the (path, mtime) of each file in
    the project's own override directory, the only one edited during `serve`.
    """
    custom_dir = theme.custom_dir if hasattr(theme, "custom_dir") else None

    def wrap(make_env: Callable[[], Any]) -> Callable[[], Any]:
        def get_env() -> Any:
            env = make_env()
            # mkdocs-static-i18n adds its sitemap folder to theme.dirs again for each
            # language; a folder listed twice adds no files, so one key serves all four.
            key = (tuple(dict.fromkeys(theme.dirs)), _tree_state(custom_dir))
            if key not in _theme_listings:
                # Hidden folders (Material's ~10,000 .icons) never become site files:
                # MkDocs filters out every path with a segment starting with ".", so
                # they are dropped once here instead of on every language build.
                _theme_listings[key] = [name for name in env.loader.list_templates() if not _hidden(name)]
            listing = _theme_listings[key]
            env.loader.list_templates = lambda: list(listing)
            return env
        return get_env

    wrap_once(theme, "get_env", wrap)


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
