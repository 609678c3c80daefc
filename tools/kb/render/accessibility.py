"""Small fixes to the theme's and mkdocs-quiz's HTML that axe-core flags."""

from __future__ import annotations

import re

_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
_SEARCH_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]*)"')
_QUIZ_RESULTS_HEADING = re.compile(r'(<div class="quiz-results-progress">\s*)<h3>(.*?)</h3>', re.S)


def fix_accessibility(html: str) -> str:
    # Material's search overlay is a dialog without a name; give it the search box's label.
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _SEARCH_DIALOG.sub(
            f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label.group(1)}">', html, count=1)
    # mkdocs-quiz puts an h3 straight under the page's h1; keep the outline in order.
    return _QUIZ_RESULTS_HEADING.sub(r'\1<h2 class="kb-results-heading">\2</h2>', html)
