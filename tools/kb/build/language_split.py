"""Build a subset of the languages, so separate processes can share the work.

mkdocs-static-i18n builds the default language first, then every other
language in a loop, all in one process. `kb build` runs two processes at once
(one per core), each given its languages in KB_BUILD_LANGUAGES, and merges
their output. Each process:

- starts with its first language instead of the default one, by setting the
  i18n plugin's current language before its first `on_config`;
- skips the loop's builds of languages it was not given (or already built).

The language switcher, sitemap and file layout are untouched: the i18n plugin
still knows every language, it just does not render some of them here.
tests/test_determinism.py checks the merged site is byte-identical to a
single-process build.
"""

from __future__ import annotations

import os
from typing import Any, Callable

from kb.compat.i18n import current_language, start_with_language, wrap_language_builds
from kb.languages import LANGUAGES

ENVIRONMENT_VARIABLE = "KB_BUILD_LANGUAGES"


def requested_languages() -> list[str] | None:
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return None
    languages = [lang.strip() for lang in value.split(",") if lang.strip()]
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"{ENVIRONMENT_VARIABLE}={value!r}: unknown language(s) {', '.join(unknown)}")
    return languages


def chunks(jobs: int) -> list[list[str]]:
    """Languages in build order, cut into `jobs` contiguous groups.

    Contiguous groups keep the single-process order inside each group, and the
    last group ends with the language built last, whose copies of the shared
    root files (404 page, sitemap) the single-process build also keeps.
    """
    jobs = max(1, min(jobs, len(LANGUAGES)))
    size, extra = divmod(len(LANGUAGES), jobs)
    groups, start = [], 0
    for number in range(jobs):
        end = start + size + (1 if number < extra else 0)
        groups.append(list(LANGUAGES[start:end]))
        start = end
    return groups


def restrict_i18n_builds(config: Any, languages: list[str]) -> None:
    """Make this process's mkdocs-static-i18n build only `languages`, in order."""
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "kb_languages", None) is not None:
        return
    i18n.kb_languages = languages
    if current_language(i18n) is None:  # before the first build: choose which language it is
        start_with_language(i18n, languages[0])
    built = {current_language(i18n)}

    def wrap(build_every_language: Callable[..., None]) -> Callable[..., None]:
        def build_requested_language(config: Any, **options: Any) -> None:
            language = current_language(i18n)
            if language in built or language not in languages:
                return
            built.add(language)
            build_every_language(config, **options)
        return build_requested_language

    wrap_language_builds(wrap)
