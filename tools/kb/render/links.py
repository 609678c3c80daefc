"""Site URLs of pages, so generated Markdown can link across languages.

Links between languages cannot be Markdown links to .md files (each language
is built on its own, so MkDocs does not know the others' files); they are
computed here, in the URL style of the build: `x/` on a served site,
`x.html` for the offline copy opened from the file system.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from kb.languages import url_prefix

_style = {"directory_urls": True}


def use_directory_urls(enabled: bool) -> None:
    """Set by the plugin from mkdocs.yml's `use_directory_urls`."""
    _style["directory_urls"] = enabled


def page_url(lang: str, path: str, anchor: str | None = None) -> str:
    """Site URL of a page given its docs path without `.md` (e.g. `glossary/index`)."""
    path = url_prefix(lang) + path
    if _style["directory_urls"]:
        url = path[: -len("index")] if path.endswith("index") else path + "/"
    else:
        url = path + ".html"
    return f"{url}#{anchor}" if anchor else url


def article_url(lang: str, slug: str, section: str | None = None) -> str:
    return page_url(lang, f"articles/{slug}", section)


def relative(target: str, from_page_url: str) -> str:
    """Relative link from a page (its site URL) to a target site URL."""
    path, _, anchor = target.partition("#")
    link = get_relative_url(path or ".", from_page_url or ".")
    if path.endswith("/") and not link.endswith("/"):
        link += "/"
    return f"{link}#{anchor}" if anchor else link


def quiz_url(lang: str, module_id: str, page: str = "") -> str:
    suffix = f"-{page}" if page else ""
    return page_url(lang, f"quizzes/{module_id}{suffix}")
