"""The site's own markup is inside the content sanitiser's allow-list.

The sanitiser (kb.render.sanitize) cleans the content part of every page. What
our generators and mkdocs-quiz write there must pass it untouched, or a screen
silently loses the attributes its script needs (this happened: the quiz result
screen's labels and the cohort view's data were stripped). A real build of the
project, with the sanitiser's own `findings` recorded for every page.
"""

from __future__ import annotations

import collections
import shutil

import pytest

pytestmark = pytest.mark.build

# mkdocs-quiz's answer forms: every form attribute is removed, then this fixed one put back.
EXPECTED = {"attribute 'action' on <form> is not allowed", "event handler 'onsubmit' on <form> is not allowed"}


def test_generated_markup_passes_the_sanitiser_untouched(root, tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import kb.plugin.events as events
    from kb.render import sanitize

    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "build", ".site.*"))
    found: collections.Counter[str] = collections.Counter()

    def recording_clean(html: str) -> str:
        found.update(finding.message for finding in sanitize.findings(html))
        return sanitize.clean(html)

    monkeypatch.setattr(events, "clean", recording_clean)
    monkeypatch.chdir(copy)
    build(load_config(str(copy / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert set(found) - EXPECTED == set(), found
    assert found  # the quiz pages were seen, so the recorder ran
