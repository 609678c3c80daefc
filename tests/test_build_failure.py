"""A failed build reports located errors, no traceback, and keeps the previous site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

BAD_TERM = Path(__file__).parent / "bad-input" / "glossary" / "missing-language.yml"


@pytest.fixture
def project_copy(tmp_path, root):
    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".site.*", "__pycache__",
                                                               ".pytest_cache", ".hypothesis"))
    previous = copy / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    return copy


def kb_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), "build"],
                          capture_output=True, text=True, cwd=project)


def assert_previous_site_kept(project: Path) -> None:
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.glob(".site.*"))


def test_content_error_stops_the_build(project_copy):
    shutil.copy(BAD_TERM, project_copy / "glossary" / BAD_TERM.name)
    result = kb_build(project_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert output.count("glossary/missing-language.yml:8:1: error[missing-translation]: definition.fi is required") == 1
    assert "Traceback" not in output
    assert_previous_site_kept(project_copy)


def test_late_strict_warning_keeps_the_previous_site(project_copy):
    # A broken link is only found while pages are written, after the old
    # site would already have been wiped by an in-place build.
    page = project_copy / "docs" / "fi" / "articles" / "retention-programs.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](no-such-page.md)\n", encoding="utf-8")
    result = kb_build(project_copy)
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr
    assert_previous_site_kept(project_copy)

