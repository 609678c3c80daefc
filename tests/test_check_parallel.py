"""`kb check` checks quiz modules on every core and reports exactly what one process reports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kb.checks.quiz_files import PARALLEL_FROM_FILES


def kb_check(project: Path, jobs: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), "check", "--jobs", str(jobs), "--no-reuse"],
                          capture_output=True, text=True, cwd=project)


def test_all_cores_report_what_one_process_reports(tmp_path, root):
    project = tmp_path / "project"
    shutil.copytree(root, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "build", "node_modules",
                                                                  ".site.*", "__pycache__", ".pytest_cache"))
    quizzes = project / "quizzes"
    original = (quizzes / "retention-basics.yml").read_text(encoding="utf-8")
    for number in range(PARALLEL_FROM_FILES + 20):  # enough files for the parallel path
        module_id = f"retention-basics-{number}"
        text = original.replace("id: retention-basics\n", f"id: {module_id}\n", 1)
        (quizzes / f"{module_id}.yml").write_text(text, encoding="utf-8")

    def edit(module_id: str, old: str, new: str) -> None:
        path = quizzes / f"{module_id}.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    # Mistakes found in one file, and across files.
    edit("retention-basics-3", "id: retention-basics-3\n", "id: retention-basics-4\n")
    edit("retention-basics-5", "prerequisites: []", "prerequisites: [no-such-module]")
    edit("retention-basics-6", "cite: what-is-retention#definition", "cite: what-is-retention#no-such-section")
    edit("retention-basics-7", "minutes:", "minutes: 5\nminutes:")
    edit("retention-basics-150", "prerequisites: []", "prerequisites: [retention-basics-150]")

    one, every = kb_check(project, 1), kb_check(project, 2)
    assert one.returncode == every.returncode == 1
    assert one.stdout == every.stdout
    assert "Traceback" not in one.stderr + every.stderr
    found = every.stdout.splitlines()
    for expected in (
        "quizzes/retention-basics-3.yml:2:5: error[id-mismatch]: 'retention-basics-4' must live in quizzes/retention-basics-4.yml",
        "quizzes/retention-basics-4.yml:2:5: error[duplicate-id]: ID 'retention-basics-4' is also used by quizzes/retention-basics-3.yml",
        "quizzes/retention-basics-5.yml:29:17: error[unknown-reference]: quiz module 'no-such-module' does not exist",
        "quizzes/retention-basics-6.yml:82:11: error[broken-citation]: 'what-is-retention#no-such-section': "
        "article 'what-is-retention' has no section 'no-such-section' in lt",
        "quizzes/retention-basics-150.yml:29:1: error[invalid-value]: a module cannot require itself",
    ):
        assert expected in found
    assert any(line.startswith("quizzes/retention-basics-7.yml:") and "[duplicate-key]" in line for line in found)
    assert f"{6 + PARALLEL_FROM_FILES + 20 - 2} quiz modules" in every.stderr  # the duplicate and the broken file drop out
