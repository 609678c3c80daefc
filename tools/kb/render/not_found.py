"""The "page not found" page's text and links in one language (overrides/404.html)."""

from __future__ import annotations

from kb.languages import LANGUAGES, NATIVE_NAMES, url_prefix


def not_found_strings(ui: dict[str, str], base_url: str, lang: str) -> dict[str, str]:
    """MkDocs renders the 404 page with an absolute base URL (the site's path), so
    the home link is absolute too: it works from any missing address."""
    return {
        "title": ui["not_found_title"],
        "text": ui["not_found_text"],
        "home": base_url.rstrip("/") + "/" + url_prefix(lang),
        "home_label": ui["not_found_home"],
        "search_label": ui["open_search"],
    }


def language_homes(base_url: str) -> list[dict[str, str]]:
    """Material's language links (`extra.alternate`) to each language's home page."""
    return [{"name": NATIVE_NAMES[lang], "link": base_url.rstrip("/") + "/" + url_prefix(lang), "lang": lang}
            for lang in LANGUAGES]
