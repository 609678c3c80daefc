"""The bad-input corpus: each file in tests/bad-input/<folder>/ is dropped into
a copy of the real project's <folder>/ (glossary, playbooks, quizzes), and
`kb check` must report for it exactly the diagnostics in the paired .expected
file (empty when the input is fine).

Regenerate the expected files after a deliberate change with
KB_UPDATE_GOLDEN=1 pytest tests/test_bad_input.py, then review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_content, FIXED_TODAY
from kb.diagnostics import render
from kb.content.load import MAX_FILE_BYTES
from kb.content.project import load_project

CORPUS = Path(__file__).parent / "bad-input"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"

# Inputs too large to commit are made here.
GENERATED = {
    "glossary/oversized": lambda: b"# yaml-language-server: $schema=../schemas/glossary-term.schema.json\n"
    + b"# padding\n" * (MAX_FILE_BYTES // 10 + 1),
}
CASES = sorted([p.relative_to(CORPUS).with_suffix("").as_posix() for p in CORPUS.glob("*/*.yml")] + list(GENERATED))


def case_bytes(name: str) -> bytes:
    return GENERATED[name]() if name in GENERATED else (CORPUS / f"{name}.yml").read_bytes()


def diagnostics_for(project, rel: str) -> str:
    return render([d for d in project.diagnostics if d.path == rel])


# project_copy and pinned_today come from conftest.py.
pytestmark = [pytest.mark.usefixtures("pinned_today"), pytest.mark.corpus]


def test_corpus_is_large_enough():
    assert len([c for c in CASES if c.startswith("glossary/")]) >= 20
    assert len([c for c in CASES if c.startswith("playbooks/")]) >= 4
    assert len([c for c in CASES if c.startswith("quizzes/")]) >= 4


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory, root):
    """One copy for all corpus cases: each adds its one file and removes it again."""
    return copy_content(root, tmp_path_factory.mktemp("corpus") / "project")


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_exact_diagnostics(name, corpus_project):
    target = corpus_project / f"{name}.yml"
    target.write_bytes(case_bytes(name))
    try:
        project = load_project(corpus_project)
    finally:
        target.unlink()
    actual = diagnostics_for(project, f"{name}.yml")
    expected_file = CORPUS / f"{name}.expected"
    if UPDATE:
        expected_file.write_text(actual + "\n" if actual else "", encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8").rstrip("\n")


def test_decomposed_input_is_loaded_as_nfc(project_copy):
    target = project_copy / "glossary" / "decomposed-unicode.yml"
    target.write_bytes(case_bytes("glossary/decomposed-unicode"))
    try:
        term = load_project(project_copy).terms["decomposed-unicode"].item
    finally:
        target.unlink()
    assert term.definition.lt == "Bandomojo termino apibrėžimas."
    assert term.definition.fi == "Testitermin määritelmä."


def test_cli_reports_all_errors_without_traceback(project_copy):
    names = ["glossary/broken-citation", "glossary/duplicate-key", "glossary/missing-language",
             "playbooks/missing-step-action", "quizzes/two-correct-in-single"]
    for name in names:
        (project_copy / f"{name}.yml").write_bytes(case_bytes(name))
    try:
        result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project_copy), "check"],
                                capture_output=True, text=True, env={**os.environ, "KB_TODAY": FIXED_TODAY})
    finally:
        for name in names:
            (project_copy / f"{name}.yml").unlink()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error[" in line]
    expected = [line for n in names for line in (CORPUS / f"{n}.expected").read_text(encoding="utf-8").splitlines()]
    assert errors == expected  # every file's problems, all at once, sorted
