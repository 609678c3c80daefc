"""Site URLs of pages, so generated Markdown can link across languages."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from ..languages import url_prefix


def article_url(lang: str, slug: str, section: str | None = None) -> str:
    url = f"{url_prefix(lang)}articles/{slug}/"
    return f"{url}#{section}" if section else url


def relative(target: str, from_page_url: str) -> str:
    """Relative link from a page (site URL like 'it/articles/x/') to a target site URL."""
    path, _, anchor = target.partition("#")
    link = get_relative_url(path or ".", from_page_url or ".")
    if path.endswith("/") and not link.endswith("/"):
        link += "/"
    return f"{link}#{anchor}" if anchor else link
