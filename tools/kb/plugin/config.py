"""The kb plugin's options in mkdocs.yml (`plugins: - kb: {...}`), typed and validated by MkDocs."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class KbConfig(Config):
    reuse_renders = c.Type(bool, default=True)
    """During `mkdocs serve`, reuse the HTML of pages, quizzes and finished pages whose inputs are unchanged
    (and their sanitised HTML, tooltips and search keywords: kb/plugin/render_reuse.py)."""

    compile_templates_once = c.Type(bool, default=True)
    """Share compiled theme templates between the language builds and `serve` rebuilds."""

    native_file_events = c.Type(bool, default=True)
    """During `mkdocs serve`, hear saves from the operating system instead of polling every 0.5 s."""
