"""When an original section changes, its translations are flagged as outdated:
by `kb check` (a warning; an error under --strict), on the page, and on the
content status page."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from kb.content.project import load_project
from kb.render.article_notes import annotate
from kb.render.links import SiteUrls
from kb.render.status import status_markdown
from conftest import FIXED_TODAY


@pytest.fixture
def edited_project(tmp_path, root):
    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "node_modules",
                                                               "__pycache__", ".pytest_cache", ".hypothesis"))
    original = copy / "docs" / "pl" / "articles" / "retention-management.md"
    text = original.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.endswith("{#benefits}"))
    original.write_text(text.replace(heading, heading + "\n\nNowe zdanie dodane do oryginału.", 1), encoding="utf-8")
    return copy


def kb(project, *args):
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), "check", *args],
                          capture_output=True, text=True, env={**os.environ, "KB_TODAY": FIXED_TODAY})


def test_check_warns_and_strict_fails(edited_project):
    result = kb(edited_project)
    outdated = [line for line in result.stdout.splitlines() if "outdated-translation" in line]
    assert [line.split(":")[0] for line in outdated] == [
        "docs/fi/articles/retention-management.md", "docs/it/articles/retention-management.md",
        "docs/lt/articles/retention-management.md"]
    assert all("warning[outdated-translation]: section 'benefits'" in line for line in outdated)
    assert result.returncode == 0
    assert kb(edited_project, "--strict").returncode == 1
    github = kb(edited_project, "--format", "github").stdout
    assert "::warning file=docs/it/articles/retention-management.md,line=" in github


def test_page_and_status_page_say_outdated(edited_project):
    project = load_project(edited_project)
    page = project.article("retention-management", "it")
    markdown = annotate((edited_project / page.path).read_text(encoding="utf-8"), page, project, SiteUrls(directory_urls=True),
                        "it/articles/retention-management/")
    assert f'!!! warning "{html.escape(project.ui["it"]["outdated_translation"])}"' in markdown
    status = status_markdown(project, "lt", SiteUrls(directory_urls=True), date.fromisoformat(FIXED_TODAY))
    row = next(line for line in status.splitlines() if "articles/retention-management/" in line)
    assert row.count(f"**{project.ui['lt']['status_outdated']}**") == 3
