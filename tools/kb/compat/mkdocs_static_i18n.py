"""mkdocs-static-i18n behaviour kb depends on. Verified against mkdocs-static-i18n 1.3.1.

- **Language links of the 404 page.** mkdocs-static-i18n sets Material's
  language links per page in `on_page_context`, as an *attribute* of
  `config.extra` (`config.extra.alternate = ...`) besides the item. The theme's
  404 page is rendered before the pages, with the links left over from the
  previous language's last page; kb swaps in links to each language's home for
  that one template and puts the previous ones back (`swap_language_links`).
  Jinja reads the attribute before the item, so both are swapped.

tests/test_compat.py checks that the installed version still sets the attribute
(`SOURCE_MARKERS`).
"""

from __future__ import annotations

from typing import Any

VERIFIED = {"mkdocs-static-i18n": "1.3.1"}

# Module (inside mkdocs_static_i18n) → text its source must contain.
SOURCE_MARKERS = {
    "reconfigure": ("config.extra.alternate = deepcopy(self.extra_alternate)",),
}


def swap_language_links(extra: Any, links: tuple[Any, Any]) -> tuple[Any, Any]:
    """Set the language links (item, attribute) of `config.extra`; return the ones replaced.

    An attribute value of None means "no attribute", as before the first page."""
    previous = (extra.get("alternate"), vars(extra).get("alternate"))
    extra["alternate"] = links[0]
    if "alternate" in vars(extra) or links[1] is not None:
        vars(extra)["alternate"] = links[1]
        if links[1] is None:
            del vars(extra)["alternate"]
    return previous
