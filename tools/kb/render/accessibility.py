"""Small fixes to mkdocs-quiz's and Python-Markdown's HTML that axe-core flags.

The theme's own markup is changed by template overrides instead
(overrides/partials/search.html names the search dialog).
"""

from __future__ import annotations

import re

_PERMALINK = re.compile(r'(<a class="headerlink" href="#[^"]*") title="Permanent link">')
_QUIZ_RESULTS_HEADING = re.compile(r'(<div class="quiz-results-progress">\s*)<h3>(.*?)</h3>', re.S)


def fix_accessibility(html: str) -> str:
    # mkdocs-quiz puts an h3 straight under the page's h1; keep the outline in order.
    return _QUIZ_RESULTS_HEADING.sub(r'\1<h2 class="kb-results-heading">\2</h2>', html)


def label_permalinks(html: str, label: str, tooltip: bool = True) -> str:
    """Name the heading links (¶) in the page's language.

    Python-Markdown titles them "Permanent link" in English on every page. The
    title also becomes a Material tooltip, which the glossary's fifty-odd
    headings do without (`tooltip=False`): mounting one tooltip per heading was
    a measurable part of that page's load on a phone.
    """
    attribute = f'title="{label}"' if tooltip else f'aria-label="{label}"'
    return _PERMALINK.sub(lambda m: f"{m.group(1)} {attribute}>", html)
