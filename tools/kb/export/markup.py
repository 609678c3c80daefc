"""Content text (Markdown, HTML-escaped) as HTML for formats that take HTML."""

from __future__ import annotations

import html

import markdown


def inline_html(text: str) -> str:
    """One paragraph of Markdown as inline XHTML (no wrapping <p>)."""
    rendered = markdown.markdown(html.escape(text, quote=False), output_format="xhtml").strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered
