"""`kb check` re-checks only the quiz files that changed, and reports exactly what a full check reports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def kb_check(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), "check", *options],
                          capture_output=True, text=True, cwd=project)


@pytest.fixture
def project(tmp_path, root):
    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "node_modules",
                                                               ".site.*", "__pycache__", ".pytest_cache"))
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_same_as_full_check(project: Path, reused: int) -> subprocess.CompletedProcess[str]:
    again, full = kb_check(project), kb_check(project, "--no-reuse")
    assert (again.stdout, again.returncode) == (full.stdout, full.returncode)
    if reused:
        assert f"; {reused} quiz files unchanged since the last check" in again.stderr
    else:
        assert "unchanged since the last check" not in again.stderr
    return again


def test_unchanged_files_are_not_checked_again(project):
    first = kb_check(project)
    assert first.returncode == 0 and "unchanged since the last check" not in first.stderr
    assert (project / "build" / "cache" / "kb-check.json").is_file()
    assert_same_as_full_check(project, reused=6)

    # A mistake in one file: that file alone is checked again.
    edit(project / "quizzes" / "loyalty-and-communication.yml", "pass_mark:", "pass_mark: 50\npass_mark:")
    result = assert_same_as_full_check(project, reused=5)
    assert "quizzes/loyalty-and-communication.yml:" in result.stdout and "[duplicate-key]" in result.stdout

    # A cited section renamed: every quiz file is checked again, and the citations break.
    edit(project / "docs" / "lt" / "articles" / "what-is-retention.md", "{#definition}", "{#meaning}")
    result = assert_same_as_full_check(project, reused=0)
    assert ("quizzes/retention-basics.yml:82:11: error[broken-citation]: 'what-is-retention#definition': "
            "article 'what-is-retention' has no section 'definition' in lt") in result.stdout.splitlines()


def test_an_unreadable_record_means_a_full_check(project):
    kb_check(project)
    (project / "build" / "cache" / "kb-check.json").write_text("{not json", encoding="utf-8")
    result = kb_check(project)
    assert result.returncode == 0 and "unchanged since the last check" not in result.stderr
