"""The site's languages, in the order they are shown everywhere."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("lt", "it", "pl", "fi")
DEFAULT_LANGUAGE = "lt"

# How each language is named in its own language (the language switcher).
NATIVE_NAMES = {"lt": "Lietuvių", "it": "Italiano", "pl": "Polski", "fi": "Suomi"}


def url_prefix(lang: str, root_language: str = DEFAULT_LANGUAGE) -> str:
    """Site-relative folder of a language: the root language (the default one,
    or a one-language preview's) lives at the root."""
    return "" if lang == root_language else f"{lang}/"
