"""Safe text for generated Markdown.

Content text may use inline Markdown, but never raw HTML: `<` and `&` are
escaped so a tag in a YAML file shows as text instead of running.
"""

from __future__ import annotations

import html


def md_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", " ").replace("|", "\\|")


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def link(href: str, text: str, hreflang: str | None = None) -> str:
    # Raw HTML links: MkDocs reports directory URLs in Markdown links as unrecognized.
    lang = f' hreflang="{hreflang}"' if hreflang else ""
    return f'<a href="{attr(href)}"{lang}>{html.escape(text, quote=False)}</a>'
