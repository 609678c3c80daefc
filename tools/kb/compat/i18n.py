"""mkdocs-static-i18n internals used by kb. Verified against mkdocs-static-i18n 1.3.1.

`kb build` splits the languages between two processes (build/language_split.py).
mkdocs-static-i18n builds the default language, then calls MkDocs' `build`
(imported into its plugin module) once per other language, and offers no
option to build some languages in one process and the rest in another:

- its plugin module's global `build` is wrapped, so a process skips the
  languages it was not given;
- its plugin's `current_language` is set before the first build, so a process
  can start with a language other than the default one.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from kb.compat import wrap_once

VERIFIED = {"mkdocs-static-i18n": "1.3.1"}

SIGNATURES = {
    "mkdocs_static_i18n.plugin:build": "(config: 'MkDocsConfig', *, serve_url: 'str | None' = None, dirty: 'bool' = False) -> 'None'",
}


def wrap_language_builds(wrap: Callable[[Callable[..., None]], Callable[..., None]]) -> None:
    """Wrap the `build` mkdocs-static-i18n calls for each non-default language (once per process)."""
    wrap_once(_plugin_module(), "build", wrap)


def _plugin_module() -> Any:
    try:
        return importlib.import_module("mkdocs_static_i18n.plugin")
    except ImportError:
        return None


def current_language(i18n: Any) -> str | None:
    language: str | None = i18n.current_language
    return language


def start_with_language(i18n: Any, language: str) -> None:
    i18n.current_language = language
