"""An overdue review is shown loudly but does not stop the site from publishing.

The clock is set after every review's due date; the strict build must still
publish, the playbook page and the status page must say so, and
`kb check --strict` (for a team that wants reviews to block) must fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.languages import url_prefix

pytestmark = pytest.mark.build

AFTER_EVERY_DUE_DATE = "2031-01-01"


def kb(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": AFTER_EVERY_DUE_DATE}
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), *args],
                          capture_output=True, text=True, cwd=project, env=env)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from conftest import copy_project

    return copy_project(tmp_path_factory.mktemp("overdue") / "project")


def test_overdue_reviews_are_warnings_that_block_only_under_strict(project):
    relaxed = kb(project, "check")
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr
    assert "warning[review-overdue]: review was due on" in relaxed.stdout
    strict = kb(project, "check", "--strict")
    assert strict.returncode == 1
    assert "warning[review-overdue]" in strict.stdout


def test_build_publishes_and_the_pages_show_the_overdue_review(project):
    result = kb(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning[review-overdue]" in result.stderr  # reported in the build log, at info level
    site = project / "site"
    playbook = (site / url_prefix("pl") / "playbooks" / "complaint-call" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition warning">' in playbook
    assert "Wymaga przeglądu" in playbook
    status = (site / url_prefix("lt") / "status" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition warning">' in status
    assert "terminas praėjęs" in status
