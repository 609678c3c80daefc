"""mkdocs-quiz internals used by kb. Verified against mkdocs-quiz 1.7.1.

- `MkDocsQuizPlugin._process_quiz` converts one quiz to HTML; during
  `mkdocs serve` an unchanged quiz reuses its HTML (plugin/render_reuse.py).
- `TranslationManager._parse_po_file` reads a `.po` catalogue with polib. mkdocs-quiz
  makes a new manager, and so parses the catalogue again, for every quiz and every
  quiz page: a tenth of a `serve` rebuild at 4x content. During `serve` a
  catalogue is parsed once per version of its bytes (plugin/render_reuse.py).
- The module globals `style` and `js_script` are the stylesheet and script
  mkdocs-quiz inlines into every quiz page (about 58 KB); kb writes them once
  as asset files and links them (render/quiz_assets.py).
"""

from __future__ import annotations

from typing import Callable

from kb.compat import optional, wrap_once

VERIFIED = {"mkdocs-quiz": "1.7.1"}

SIGNATURES = {
    "mkdocs_quiz.plugin:MkDocsQuizPlugin._process_quiz":
        "(self, quiz_content: 'str', quiz_id: 'int', options: 'dict[str, bool]', t: 'TranslationManager', "
        "config: 'MkDocsConfig', page: 'Page', files: 'Files') -> 'str'",
    "mkdocs_quiz.translations:TranslationManager._parse_po_file": "(self, po_path: 'Path') -> 'dict[str, str]'",
}


def wrap_process_quiz(wrap: Callable[[Callable[..., str]], Callable[..., str]]) -> None:
    wrap_once(optional("mkdocs_quiz.plugin", "MkDocsQuizPlugin"), "_process_quiz", wrap)


def wrap_parse_po_file(wrap: Callable[[Callable[..., dict[str, str]]], Callable[..., dict[str, str]]]) -> None:
    wrap_once(optional("mkdocs_quiz.translations", "TranslationManager"), "_parse_po_file", wrap)


def inline_style() -> str:
    """The `<style>` block mkdocs-quiz puts into every quiz page ("" if it has none)."""
    return str(optional("mkdocs_quiz.plugin", "style") or "")


def inline_script() -> str:
    """The `<script>` block mkdocs-quiz puts into every quiz page ("" if it has none)."""
    return str(optional("mkdocs_quiz.plugin", "js_script") or "")
