"""Content text (Markdown, HTML-escaped) as HTML for formats that take HTML."""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

import markdown


# One converter for all fields: building a new one per call dominated export time.
# Safe to share because `inline_html` resets it before each text (a converter
# keeps state between conversions) and kb converts from one thread.
@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(output_format="xhtml")


# Characters that can start Markdown inline syntax; text without them is plain.
_MARKUP = re.compile(r"[*_`\[\]<>&\\!]|  \n|^\s*[-+#>\d]", re.M)


@lru_cache(maxsize=65536)
def inline_html(text: str) -> str:
    """One paragraph of Markdown as inline XHTML (no wrapping <p>)."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    rendered = str(_converter().reset().convert(html.escape(text, quote=False))).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered
