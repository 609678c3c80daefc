"""`kb receipts FOLDER`: a cohort table and chart from completion receipts.

Receipts are JSON files trainees download at the end of a quiz module. They
are self-reported (made in the trainee's browser), and the outputs say so.

The checks come from one rule set, `receipt_rules.json`, which the trainers'
page also embeds for its in-browser cohort view (assets/kb/receipts.js): the
same checks in the same order, and a test runs one corpus through both. A file
that breaks a rule is listed with the reason and left out; nothing stops the
run, and the cohort is always written. Repeated receipts of one learner and
module count once: the latest, with the number of attempts.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kb.content.quiz import QuizModule, content_version
from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES

RULES_FILE = Path(__file__).with_name("receipt_rules.json")
RULES: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
COLUMNS = ("name", "module", "language", "content_version", "score", "correct", "total", "pass_mark", "passed",
           "date", "attempts", "file")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One learner and module in the cohort: their latest valid receipt."""

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
    attempts: int
    file: str


def module_catalogue(modules: list[QuizModule]) -> dict[str, dict[str, Any]]:
    """What a receipt is checked against, per module (also embedded in the trainers' page)."""
    return {m.id: {"version": content_version(m), "total": len(m.questions), "pass_mark": m.pass_mark}
            for m in modules}


def message(code: str) -> str:
    return RULES["messages"][code].format(**{k: v for k, v in RULES.items() if isinstance(v, int)})


def _depth(text: str) -> int:
    """Deepest nesting of arrays and objects, without parsing (a parser may recurse)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _number(text: str) -> float | int:
    # Long digit strings become floats (inf past the float range), as in
    # JavaScript's JSON.parse; int() would refuse 4,301 digits or more.
    return float(text) if len(text.lstrip("-")) > 15 else int(text)


def _is_count(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and value == int(value) and 0 <= value <= RULES["max_count"])


def _calendar_date(value: str) -> date | None:
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _field_codes(data: dict[str, Any]) -> set[str]:
    codes = set()
    for field, kind in RULES["fields"].items():
        if field not in data:
            codes.add("missing-field")
            continue
        value = data[field]
        if kind == "boolean" and not isinstance(value, bool):
            codes.add("wrong-type")
        elif kind in ("string", "date") and not isinstance(value, str):
            codes.add("wrong-type")
        elif kind == "count":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                codes.add("wrong-type")
            elif not _is_count(value):
                codes.add("bad-count")
        elif kind == "date" and _calendar_date(value) is None:
            codes.add("bad-date")
    if isinstance(data.get("name"), str):
        name = data["name"].strip()
        if not name or len(name) > RULES["max_name_length"]:
            codes.add("no-name")
    if isinstance(data.get("language"), str) and data["language"] not in LANGUAGES:
        codes.add("unknown-language")
    return codes


def verdict(raw: bytes, catalogue: dict[str, dict[str, Any]], today: date) -> tuple[list[str], dict[str, Any] | None]:
    """The reasons a receipt is refused (empty when it is accepted), and its data."""
    if len(raw) > RULES["max_bytes"]:
        return ["too-large"], None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ["not-utf8"], None
    if _depth(text) > RULES["max_depth"]:
        return ["too-deep"], None
    try:
        data = json.loads(text, parse_int=_number)
    except ValueError:
        return ["not-json"], None
    if not isinstance(data, dict) or data.get("kind") != RULES["kind"] or data.get("format") != RULES["format"] \
            or isinstance(data.get("format"), bool):
        return ["not-a-receipt"], None
    codes = _field_codes(data)
    if codes:
        return sorted(codes), None
    module = catalogue.get(data["module"])
    if module is None:
        return ["unknown-module"], None
    correct, total = int(data["correct"]), int(data["total"])
    if data["content_version"] != module["version"]:
        codes.add("unknown-version")
    if total != module["total"]:
        codes.add("wrong-total")
    if correct > total:
        codes.add("bad-count")
    if data["pass_mark"] != module["pass_mark"]:
        codes.add("wrong-pass-mark")
    if total > 0 and correct <= total:
        # Rounded half up, in integers: the same in Python and JavaScript.
        if data["score"] != (200 * correct + total) // (2 * total):
            codes.add("wrong-score")
        if data["passed"] != (100 * correct >= module["pass_mark"] * total):
            codes.add("wrong-passed")
    taken = _calendar_date(data["date"])
    assert taken is not None  # checked in _field_codes
    if taken > today:
        codes.add("future-date")
    elif taken < today - timedelta(days=RULES["max_age_days"]):
        codes.add("old-date")
    return sorted(codes), (None if codes else data)


def learner_key(name: str) -> str:
    """One learner however the name was typed: case, spacing and Unicode form aside."""
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


def _attempt_key(data: dict[str, Any]) -> str:
    return json.dumps([data[f] for f in ("language", "content_version", "score", "correct", "total", "pass_mark",
                                        "passed", "date")])


def cohort(accepted: list[tuple[str, dict[str, Any]]]) -> list[Row]:
    """(file name, receipt) pairs → one row per learner and module: the latest
    receipt (by date, then file name), with the number of distinct attempts."""
    groups: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for file, data in accepted:
        groups.setdefault((data["module"], learner_key(data["name"])), []).append((file, data))
    rows = []
    for key in sorted(groups):
        file, data = max(groups[key], key=lambda pair: (pair[1]["date"], pair[0]))
        attempts = len({_attempt_key(d) for _, d in groups[key]})
        rows.append(Row(name=" ".join(data["name"].split()), module=data["module"], language=data["language"],
                        content_version=data["content_version"], score=int(data["score"]),
                        correct=int(data["correct"]), total=int(data["total"]), pass_mark=int(data["pass_mark"]),
                        passed=data["passed"], date=data["date"], attempts=attempts, file=file))
    return rows


def read_receipts(folder: Path, catalogue: dict[str, dict[str, Any]], today: date) -> tuple[list[Row], list[Diagnostic]]:
    accepted, problems = [], []
    for path in sorted(folder.glob("*.json")):
        shown = path.as_posix()
        try:
            with path.open("rb") as handle:  # never more than the limit into memory
                raw = handle.read(RULES["max_bytes"] + 1)
        except OSError:
            problems.append(error(shown, 1, 1, "unreadable", message("unreadable")))
            continue
        codes, data = verdict(raw, catalogue, today)
        for code in codes:
            problems.append(error(shown, 1, 1, code, message(code)))
        if data is not None:
            accepted.append((path.name, data))
    return cohort(accepted), problems


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR gets a `'`."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def cohort_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_safe(getattr(row, c)) for c in COLUMNS])
    return out.getvalue()


def rounded_average(scores: list[int]) -> int:
    """Half up, in integers: the same as the in-browser chart."""
    return (2 * sum(scores) + len(scores)) // (2 * len(scores))


def _chart(rows: list[Row]) -> str:
    """Horizontal bars: average score per module, with the number of learners."""
    modules = sorted({r.module for r in rows})
    bar_h, width, label_w = 28, 640, 260
    bars = []
    for index, module in enumerate(modules):
        scores = [r.score for r in rows if r.module == module]
        average = sum(scores) / len(scores)
        y = index * bar_h
        length = (width - label_w - 80) * average / 100
        bars.append(
            f'<text x="0" y="{y + 19}">{html.escape(module)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{length:.1f}" height="{bar_h - 10}" fill="#3f51b5"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 19}">{rounded_average(scores)}% (n={len(scores)})</text>'
        )
    height = max(1, len(modules)) * bar_h
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Average score per module" '
            f'width="{width}" height="{height}" font-family="sans-serif" font-size="13">{"".join(bars)}</svg>')


def cohort_html(rows: list[Row], problems: list[Diagnostic]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(getattr(r, c)))}</td>" for c in COLUMNS) + "</tr>" for r in rows
    )
    head = "".join(f"<th>{c}</th>" for c in COLUMNS)
    refused = "".join(f"<li><code>{html.escape(p.path)}</code>: {html.escape(p.message)} ({p.code})</li>"
                      for p in problems)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quiz completions</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}}
.note{{background:#fff4e5;border-left:4px solid #f0a500;padding:.6rem 1rem}}</style></head>
<body><h1>Quiz completions</h1>
<p class="note"><strong>Self-reported.</strong> Each row comes from a receipt the trainee downloaded from their own
browser. Receipts are not signed: treat them as the trainee's own statement, not as proof. For verified results,
assign the modules as SCORM packages in your LMS.</p>
<h2>Average score per module</h2>{_chart(rows)}
<h2>Learners ({len(rows)})</h2><p>One row per learner and module: the latest receipt, with the number of attempts.</p>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<h2>Refused files ({len({p.path for p in problems})})</h2><ul>{refused}</ul>
</body></html>
"""


def write_cohort(folder: Path, out_dir: Path, catalogue: dict[str, dict[str, Any]],
                 today: date) -> tuple[list[Path], list[Diagnostic]]:
    rows, problems = read_receipts(folder, catalogue, today)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = out_dir / "cohort.csv", out_dir / "cohort.html"
    csv_path.write_text(cohort_csv(rows), encoding="utf-8")
    html_path.write_text(cohort_html(rows, problems), encoding="utf-8")
    return [csv_path, html_path], problems
