"""Which languages a build makes, and which one sits at the site root.

Read from mkdocs-static-i18n's documented options. Its own validation folds
`build_only_locale` into the languages' `default` and `build` flags, so a
one-language preview (`make serve PREVIEW=fi`, KB_PREVIEW_LANGUAGE) builds
only that language, at the root of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

from kb.languages import DEFAULT_LANGUAGE, LANGUAGES

I18N_PLUGIN = "i18n"


@dataclass(frozen=True)
class BuildLanguages:
    root: str  # built at the site root; the others under <lang>/
    built: tuple[str, ...]
    preview: bool  # one language only, for `serve`; never a site to publish


def build_languages(config: MkDocsConfig) -> BuildLanguages:
    i18n = config.plugins.get(I18N_PLUGIN)
    if i18n is None:
        return BuildLanguages(DEFAULT_LANGUAGE, LANGUAGES, preview=False)
    languages = i18n.config.languages
    root = next((lang.locale for lang in languages if lang.default and lang.build), DEFAULT_LANGUAGE)
    built = tuple(lang for lang in LANGUAGES if any(entry.locale == lang and entry.build for entry in languages))
    return BuildLanguages(root, built, preview=bool(i18n.config.build_only_locale))
