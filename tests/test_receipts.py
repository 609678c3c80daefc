"""`kb receipts`: cohort CSV and chart page from completion receipts."""

import csv
import json
import subprocess
import sys

from kb.lms.receipts import read_receipts


def receipt(**overrides):
    data = {"kind": "retention-kb-receipt", "format": 1, "name": "Ona Petraitytė", "module": "retention-basics",
            "content_version": "abc123", "language": "lt", "correct": 7, "total": 8, "score": 88, "pass_mark": 75,
            "passed": True, "date": "2026-11-20", "self_reported": True}
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def test_cohort_from_a_folder(tmp_path):
    folder = tmp_path / "receipts"
    folder.mkdir()
    (folder / "a.json").write_text(receipt(), encoding="utf-8")
    (folder / "b.json").write_text(receipt(name="Marco Rossi", language="it", score=50, correct=4, passed=False),
                                   encoding="utf-8")
    (folder / "c.json").write_text(receipt(module="retention-programs", name="Anna Nowak", language="pl"), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kb.cli", "receipts", str(folder), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 1  # the broken receipt is reported, the rest still counted
    assert "broken.json:1:2: error[invalid-receipt]" in result.stdout
    rows = list(csv.DictReader((tmp_path / "out" / "cohort.csv").open(encoding="utf-8")))
    assert [(r["module"], r["name"], r["score"], r["passed"]) for r in rows] == [
        ("retention-basics", "Marco Rossi", "50", "False"),
        ("retention-basics", "Ona Petraitytė", "88", "True"),
        ("retention-programs", "Anna Nowak", "88", "True"),
    ]
    page = (tmp_path / "out" / "cohort.html").read_text(encoding="utf-8")
    assert "Self-reported" in page
    assert "69% (n=2)" in page and "88% (n=1)" in page  # average per module in the chart


def test_invalid_fields_are_reported(tmp_path):
    (tmp_path / "x.json").write_text(receipt(language="en"), encoding="utf-8")
    receipts, problems = read_receipts(tmp_path)
    assert receipts == [] and [p.code for p in problems] == ["invalid-receipt"]
