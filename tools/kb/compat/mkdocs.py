"""MkDocs internals used by kb. Verified against mkdocs 1.6.1.

- `Page.render` is wrapped during `mkdocs serve` so an unchanged page reuses
  its HTML (plugin/render_reuse.py: a serve rebuild after a glossary edit
  took 2.4 s of CPU instead of 4.2 s). MkDocs has no event to skip a page's
  Markdown conversion, and `mkdocs serve --dirty` rebuilds only changed files,
  which is wrong here: a glossary edit changes tooltips on every page.
- `Page._title_from_render` is the title found while rendering; a reused
  render must restore it with the HTML.
"""

from __future__ import annotations

from typing import Any, Callable

from kb.compat import optional, wrap_once

VERIFIED = {"mkdocs": "1.6.1"}

# Qualified name → signature, as inspect.signature prints it for the verified version.
SIGNATURES = {
    "mkdocs.structure.pages:Page.render": "(self, config: 'MkDocsConfig', files: 'Files') -> 'None'",
}


def wrap_page_render(wrap: Callable[[Callable[..., None]], Callable[..., None]]) -> None:
    wrap_once(optional("mkdocs.structure.pages", "Page"), "render", wrap)


def render_title(page: Any) -> str | None:
    title: str | None = page._title_from_render
    return title


def restore_render_title(page: Any, title: str | None) -> None:
    page._title_from_render = title
