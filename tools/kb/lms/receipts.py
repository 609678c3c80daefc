"""`kb receipts FOLDER`: a cohort table and chart from completion receipts.

Receipts are JSON files trainees download at the end of a quiz module. They
are self-reported (made in the trainee's browser), and the outputs say so.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES

FIELDS = ("name", "module", "language", "content_version", "score", "correct", "total", "pass_mark", "passed", "date")


@dataclass(frozen=True)
class Receipt:
    name: str
    module: str
    language: str
    content_version: str
    score: int
    correct: int
    total: int
    pass_mark: int
    passed: bool
    date: str
    file: str


def _parse(path: Path, shown: str) -> tuple[Receipt | None, Diagnostic | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        col = getattr(exc, "colno", 1)
        return None, error(shown, line, col, "invalid-receipt", f"not a JSON receipt: {exc}")
    if not isinstance(data, dict) or data.get("kind") != "retention-kb-receipt":
        return None, error(shown, 1, 1, "invalid-receipt", "not a retention-kb receipt (kind is missing)")
    try:
        receipt = Receipt(
            name=str(data["name"]).strip() or "?", module=str(data["module"]), language=str(data["language"]),
            content_version=str(data["content_version"]), score=int(data["score"]), correct=int(data["correct"]),
            total=int(data["total"]), pass_mark=int(data["pass_mark"]), passed=bool(data["passed"]),
            date=date.fromisoformat(str(data["date"])).isoformat(), file=path.name,
        )
    except (KeyError, TypeError, ValueError) as exc:
        return None, error(shown, 1, 1, "invalid-receipt", f"missing or invalid field: {exc}")
    if receipt.language not in LANGUAGES or not 0 <= receipt.score <= 100 or receipt.correct > receipt.total:
        return None, error(shown, 1, 1, "invalid-receipt", "language, score or counts are out of range")
    return receipt, None


def read_receipts(folder: Path) -> tuple[list[Receipt], list[Diagnostic]]:
    receipts, problems = [], []
    for path in sorted(folder.glob("*.json")):
        receipt, problem = _parse(path, path.as_posix())
        if receipt:
            receipts.append(receipt)
        if problem:
            problems.append(problem)
    receipts.sort(key=lambda r: (r.module, r.name.lower(), r.date, r.language, r.file))
    return receipts, problems


def cohort_csv(receipts: list[Receipt]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS + ("file",))
    for r in receipts:
        writer.writerow([getattr(r, f) for f in FIELDS] + [r.file])
    return out.getvalue()


def _chart(receipts: list[Receipt]) -> str:
    """Horizontal bars: average score per module, with the number of receipts."""
    modules = sorted({r.module for r in receipts})
    bar_h, width, label_w = 28, 640, 260
    rows = []
    for index, module in enumerate(modules):
        scores = [r.score for r in receipts if r.module == module]
        average = sum(scores) / len(scores)
        y = index * bar_h
        length = (width - label_w - 80) * average / 100
        rows.append(
            f'<text x="0" y="{y + 19}">{html.escape(module)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{length:.1f}" height="{bar_h - 10}" fill="#3f51b5"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 19}">{average:.0f}% (n={len(scores)})</text>'
        )
    height = max(1, len(modules)) * bar_h
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Average score per module" '
            f'width="{width}" height="{height}" font-family="sans-serif" font-size="13">{"".join(rows)}</svg>')


def cohort_html(receipts: list[Receipt]) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(getattr(r, f)))}</td>" for f in FIELDS) + "</tr>" for r in receipts
    )
    head = "".join(f"<th>{f}</th>" for f in FIELDS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quiz completions</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}}
.note{{background:#fff4e5;border-left:4px solid #f0a500;padding:.6rem 1rem}}</style></head>
<body><h1>Quiz completions</h1>
<p class="note"><strong>Self-reported.</strong> Each row comes from a receipt the trainee downloaded from their own
browser. Receipts are not signed: treat them as the trainee's own statement, not as proof.</p>
<h2>Average score per module</h2>{_chart(receipts)}
<h2>All receipts ({len(receipts)})</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
</body></html>
"""


def write_cohort(folder: Path, out_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    receipts, problems = read_receipts(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = out_dir / "cohort.csv", out_dir / "cohort.html"
    csv_path.write_text(cohort_csv(receipts), encoding="utf-8")
    html_path.write_text(cohort_html(receipts), encoding="utf-8")
    return [csv_path, html_path], problems
