"""`kb receipts`: the cohort CSV and chart page from a folder of receipts,
with every bad or malformed file listed by name and reason, never a crash."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kb.content.project import load_project
from kb.lms.receipts import RULES, cohort_csv, module_catalogue, read_receipts, spreadsheet_safe
from kb.render.training import module_order
from conftest import FIXED_TODAY

TODAY = date.fromisoformat(FIXED_TODAY)  # the fixed clock of these tests (KB_TODAY for the command)
CORPUS = Path(__file__).parent / "receipts"
CATALOGUE = json.loads((CORPUS / "catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_catalogue(root):
    return module_catalogue(module_order(load_project(root)))


def receipt(catalogue, module="retention-basics", **overrides):
    entry = catalogue[module]
    total, correct = entry["total"], entry["total"] - 1
    data = {"kind": "retention-kb-receipt", "format": 1, "name": "Ona Petraitytė", "module": module,
            "content_version": entry["version"], "language": "lt", "correct": correct, "total": total,
            "score": (200 * correct + total) // (2 * total), "pass_mark": entry["pass_mark"],
            "passed": 100 * correct >= entry["pass_mark"] * total, "date": "2026-11-20", "self_reported": True}
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def test_the_command_lists_bad_files_and_still_writes_the_cohort(tmp_path, real_catalogue, root):
    folder = tmp_path / "receipts"
    folder.mkdir()
    (folder / "a.json").write_text(receipt(real_catalogue), encoding="utf-8")
    (folder / "b.json").write_text(receipt(real_catalogue, name="Marco Rossi", language="it", correct=1, score=13,
                                           passed=False), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "x.json").mkdir()  # a folder with a receipt's name
    (folder / "deep.json").write_bytes(b"[" * 100_000)
    (folder / "huge.json").write_bytes(b" " * 5_000_000)
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(root), "receipts", str(folder),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True,
                            env={**__import__("os").environ, "KB_TODAY": TODAY.isoformat()})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = sorted(result.stdout.splitlines())
    assert lines == sorted([
        f"{folder.as_posix()}/broken.json:1:1: error[not-json]: not valid JSON",
        f"{folder.as_posix()}/deep.json:1:1: error[too-large]: larger than {RULES['max_bytes']} bytes: not a receipt",
        f"{folder.as_posix()}/huge.json:1:1: error[too-large]: larger than {RULES['max_bytes']} bytes: not a receipt",
        f"{folder.as_posix()}/x.json:1:1: error[unreadable]: the file cannot be read (a folder, or no permission)",
    ])
    rows = list(csv.DictReader((tmp_path / "out" / "cohort.csv").open(encoding="utf-8", newline="")))
    assert [(r["name"], r["passed"], r["attempts"]) for r in rows] == [("Marco Rossi", "False", "1"),
                                                                        ("Ona Petraitytė", "True", "1")]
    page = (tmp_path / "out" / "cohort.html").read_text(encoding="utf-8")
    assert "Self-reported" in page and "SCORM" in page and "Refused files (4)" in page


def test_every_bad_receipt_of_the_corpus_is_refused_with_its_reason():
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    rows, problems = read_receipts(CORPUS / "corpus", CATALOGUE, TODAY)
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(Path(problem.path).name, []).append(problem.code)
    assert found == {name: codes for name, codes in expected.items() if codes}
    accepted = {name for name, codes in expected.items() if not codes}
    assert {r.file for r in rows} <= accepted
    # Four Ona receipts (one an exact copy, one with her name typed differently) are one learner,
    # three distinct attempts, the latest shown.
    ona = [r for r in rows if r.name.lower().startswith("ona")]
    assert [(r.file, r.score, r.attempts) for r in ona] == [("good-ona-retake.json", 100, 3)]
    assert len(rows) == 5


def test_a_learner_named_like_a_formula_stays_text_in_the_csv():
    rows, _ = read_receipts(CORPUS / "corpus", CATALOGUE, TODAY)
    text = cohort_csv(rows)
    read_back = list(csv.DictReader(io.StringIO(text, newline="")))
    names = {r["name"] for r in read_back}
    assert "'=HYPERLINK(\"http://example.invalid\",\"click\")" in names
    assert "'@SUM(A1:A9)" in names and "Łukasz Żółć" in names
    assert all(not r[c].startswith(("=", "+", "-", "@", "\t", "\r")) for r in read_back for c in r)
    assert len(read_back) == len(rows)


@pytest.mark.parametrize("value, shown", [("=1+1", "'=1+1"), ("+370 600", "'+370 600"), ("-5", "'-5"),
                                          ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
                                          ("Ona", "Ona"), (88, "88"), (True, "True")])
def test_spreadsheet_safe(value, shown):
    assert spreadsheet_safe(value) == shown


def test_the_rules_have_a_reason_in_every_language(root):
    project = load_project(root)
    for lang, strings in project.ui.items():
        for code in RULES["messages"]:
            assert strings["reason_" + code.replace("-", "_")].strip(), (lang, code)
