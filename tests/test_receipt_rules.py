"""One rule set, two implementations: every receipt of the committed corpus
(and two too large to commit) goes through `kb receipts`' Python checks and
through assets/kb/receipts.js in Chromium; the verdicts and the cohort must be
identical, and match tests/receipts/expected.json."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from kb.lms.receipts import RULES, cohort, verdict
from conftest import FIXED_TODAY

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).parent / "receipts"
TODAY = date.fromisoformat(FIXED_TODAY)


def corpus_files() -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted((CORPUS / "corpus").glob("*.json"))}
    files["nested-100000.json"] = b"[" * 100_000 + b"]" * 100_000
    files["huge-2mb.json"] = b'{"kind": "retention-kb-receipt", "pad": "' + b"x" * 2_000_000 + b'"}'
    return files


def python_side(files: dict[str, bytes], catalogue: dict) -> tuple[dict, list]:
    verdicts, accepted = {}, []
    for name, raw in files.items():
        codes, data = verdict(raw, catalogue, TODAY)
        verdicts[name] = codes
        if data is not None:
            accepted.append((name, data))
    return verdicts, [dataclasses.asdict(row) for row in cohort(accepted)]


JS_SIDE = """([rules, catalogue, files, today]) => {
  const verdicts = {}, accepted = [];
  for (const [name, b64] of Object.entries(files)) {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    const result = kbReceipts.verdict(rules, catalogue, bytes, today);
    verdicts[name] = result.codes;
    if (result.data) accepted.push({file: name, data: result.data});
  }
  return [verdicts, kbReceipts.cohort(accepted)];
}"""


def test_python_and_the_browser_give_the_same_verdicts(page, site_url):
    import base64

    catalogue = json.loads((CORPUS / "catalogue.json").read_text(encoding="utf-8"))
    files = corpus_files()
    page.goto(f"{site_url}/trainers/")
    encoded = {name: base64.b64encode(raw).decode("ascii") for name, raw in files.items()}
    js_verdicts, js_rows = page.evaluate(JS_SIDE, [RULES, catalogue, encoded, TODAY.isoformat()])
    py_verdicts, py_rows = python_side(files, catalogue)
    assert js_verdicts == py_verdicts
    assert js_rows == py_rows
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    expected.update({"nested-100000.json": ["too-large"], "huge-2mb.json": ["too-large"]})
    assert py_verdicts == expected
    assert len(py_rows) == 5 and sum(1 for codes in py_verdicts.values() if codes) == len(files) - 8
