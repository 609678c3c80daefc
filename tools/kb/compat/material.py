"""mkdocs-material markup kb depends on. Verified against mkdocs-material 9.8.2.

Material has no option for any of these, so kb relies on the exact text the
theme writes. Each dependency is named here with the template line it comes
from (`TEMPLATE_MARKERS`); tests/test_compat.py fails when an installed
version's templates no longer contain them, so an upgrade cannot silently
stop one of these from applying.

- **Search worker.** Material's page config (`__config`, base.html's `config`
  block) names the lunr worker its search box talks to; kb points it at its own
  per-language worker (kb/search/worker.js speaks the same message protocol,
  which tests/test_browser_search.py exercises in Chromium).
- **Language alternates.** For each `<link rel="alternate" hreflang>`
  (base.html's `site_meta` block) Material fetches that language's
  `sitemap.xml` to re-route the language switcher. mkdocs-static-i18n's switcher
  links already point at the same page in the other language, and without a
  `site_url` there is no sitemap, so those fetches only produced 404s: the
  links are dropped.
- **Deferred scripts.** overrides/main.html adds `defer` to the theme's
  `<script src=` tags in the `scripts` block.
- **Page titles.** overrides/main.html's `htmltitle` block repeats base.html's
  rule for `<title>`, except that a page titled as the site (a language's start
  page) shows the site name once.
- **Search dialog.** overrides/partials/search.html is the theme's partial with
  one attribute added (`SEARCH_PARTIAL_CHANGE`).
"""

from __future__ import annotations

import re

VERIFIED = {"mkdocs-material": "9.8.2"}

# Template (inside material/templates) → text it must contain for the rewrites below.
TEMPLATE_MARKERS = {
    "base.html": (
        '"search": "assets/javascripts/workers/search.',
        '<link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t(\'language\')) }}">',
        "<script src=\"{{ 'assets/javascripts/bundle.",
        "<title>{{ page.meta.title }} - {{ config.site_name }}</title>",
        "{% elif page.title and not page.is_homepage %}",
        "<title>{{ page.title | striptags }} - {{ config.site_name }}</title>",
    ),
}

# overrides/partials/search.html differs from the theme's partial by this line only.
SEARCH_PARTIAL_CHANGE = (
    '<div class="md-search" data-md-component="search" role="dialog">',
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search.placeholder\') }}">',
)

_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')
# No leading \s*: on pages full of indentation it made this the slowest step of the build.
_LANGUAGE_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')


def use_search_worker(html: str, worker_path: str) -> str:
    """Point the page config's search worker at `worker_path` (relative to the site root)."""
    return _WORKER.sub(lambda m: f"{m.group(1)}{m.group(2)}{worker_path}{m.group(3)}", html, count=1)


def drop_language_alternates(html: str) -> str:
    """Remove the `<link rel="alternate" hreflang>` tags (RSS alternates stay)."""
    return _LANGUAGE_ALTERNATE.sub("", html)
