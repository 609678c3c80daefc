"""mkdocs-quiz inlines its whole stylesheet and script (about 58 KB) into every
quiz page. They are the same on every page, so they are written once as asset
files and the pages link to them: smaller pages, and the browser caches them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url
from kb.compat.mkdocs_quiz import inline_script, inline_style

CSS_PATH = "assets/kb/mkdocs-quiz.css"
JS_PATH = "assets/kb/mkdocs-quiz.js"
_STYLE_OPEN, _STYLE_CLOSE = '<style type="text/css">', "</style>"
_SCRIPT_OPEN, _SCRIPT_CLOSE = '<script type="text/javascript" defer>', "</script>"


def _inner(block: str, opening: str, closing: str) -> str | None:
    if block.startswith(opening) and block.endswith(closing):
        return block[len(opening):-len(closing)]
    return None  # a different mkdocs-quiz version: leave its pages as they are


def link_shared_assets(html: str, page_url: str) -> str:
    style, script = inline_style(), inline_script()
    if style and style in html and _inner(style, _STYLE_OPEN, _STYLE_CLOSE) is not None:
        html = html.replace(style, f'<link rel="stylesheet" href="{get_relative_url(CSS_PATH, page_url)}">', 1)
    if script and script in html and _inner(script, _SCRIPT_OPEN, _SCRIPT_CLOSE) is not None:
        # Not deferred: the inline original ran where it stood, before the page's own
        # scripts, and kb.js relies on that order (it restores a module's progress
        # before mkdocs-quiz reads it; a deferred mkdocs-quiz starts first).
        html = html.replace(script, f'<script src="{get_relative_url(JS_PATH, page_url)}"></script>', 1)
    return html


def write_shared_assets(site_dir: Path) -> None:
    for path, block, opening, closing in ((CSS_PATH, inline_style(), _STYLE_OPEN, _STYLE_CLOSE),
                                          (JS_PATH, inline_script(), _SCRIPT_OPEN, _SCRIPT_CLOSE)):
        inner = _inner(block, opening, closing)
        if inner is not None:
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(inner, encoding="utf-8")
