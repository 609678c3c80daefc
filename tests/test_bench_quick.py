"""The README's benchmark commands run, end to end, in their quick mode.

The full benchmarks are scripts that report, not tests (minutes each). Their
quick mode (`make bench QUICK=1`, ...: one small size, one page, one run) goes
through the same Make targets, scripts, builds, servers and Chromium/Lighthouse,
so a benchmark command that breaks fails here. The test reads the figures each
prints, and checks that nothing was written into the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"(\d+(?:\.\d+)?)"
# Installed or generated folders: what the quick runs must not touch is the project itself.
NOT_OURS = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis"}


def checkout_state(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file of the checkout."""
    state = {}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if d not in NOT_OURS]
        for name in files:
            path = Path(folder) / name
            info = path.lstat()
            state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return state


def run_make(target: str, site: Path) -> tuple[str, float]:
    # Without the outer `make test`'s flags (jobserver, -n, -k); no bytecode written into the checkout.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), target, "QUICK=1", f"SITE={site}"],
                            capture_output=True, text=True, env=env, timeout=300)
    seconds = time.perf_counter() - start
    assert result.returncode == 0, f"make {target} QUICK=1 exited {result.returncode}:\n{result.stdout}\n{result.stderr[-3000:]}"
    return result.stdout, seconds


def table_rows(output: str, first_cell: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")]
            for line in output.splitlines() if line.startswith(f"| {first_cell} |")]


def check_bench(output: str) -> None:
    (row,) = table_rows(output, "1x")
    pages, build_s, peak_mib, site_mib, html_kb, single_s, plain_s, plain_kb, ratio = map(float, row[1:10])
    assert pages >= 30 and build_s > 0 and peak_mib > 0 and site_mib > 0 and html_kb > 0, row
    assert single_s > 0 and plain_s > 0 and plain_kb > 0 and ratio > 0, row
    assert re.fullmatch(r"\d+%", row[10]), row
    check = re.search(rf"kb check on (\d+) quiz questions: {NUMBER} s, peak (\d+) MiB", output)
    assert check, output
    assert int(check[1]) >= 500 and all(float(check[i]) > 0 for i in (2, 3)), check[0]


def check_search(output: str) -> None:
    for lang in ("lt", "it", "pl", "fi"):
        (row,) = table_rows(output, lang)
        worker_kb, gzip_kb, queries, median, p95, longest = map(float, row[1:7])
        assert 0 < gzip_kb < worker_kb and queries > 0, row
        assert 0 <= median <= p95 <= longest, row


def check_serve(output: str) -> None:
    rows = table_rows(output, "1x")
    # `make serve` and `make serve PREVIEW=lt`, one glossary save each.
    saves = [r for r in rows if r[2] == "glossary term"]
    assert sorted(r[1] for r in saves) == ["PREVIEW=lt", "all languages"], rows
    for row in saves:
        assert 0 < float(row[3]) == float(row[4]) < 60, row  # one save: its figure is the median


def check_mechanisms(output: str) -> None:
    (row,) = table_rows(output, "1x")
    assert row[1] == "reuse_renders", row
    figures = [float(x) for cell in (row[2], row[3], row[5]) for x in cell.split(" / ")]
    assert all(0 < f < 120 for f in figures), row


def check_lighthouse(output: str) -> None:
    assert "| page | lt perf/a11y/bp |" in output, output
    # Two tables: the scores, then the metrics and bytes behind them with the budget.
    row, figures = table_rows(output, "home")
    scores = re.fullmatch(r"(\d+)/(\d+)/(\d+)", row[1])
    assert scores and all(0 <= int(s) <= 100 for s in scores.groups()), row
    assert figures[1] == "lt" and 0 <= int(figures[2]) <= 100, figures
    fcp, lcp = (float(cell.removesuffix(" s")) for cell in figures[3:5])
    first_kb, repeat_kb = float(figures[7]), float(figures[8])
    assert 0 < fcp <= lcp and 0 < repeat_kb < first_kb, figures


def test_every_benchmark_runs_in_quick_mode(built_site, browser):
    # `browser`: the project's rule for Chromium, which fails under CI=true when it is missing.
    before = checkout_state(ROOT)
    seconds = {}
    for target, check in (("bench", check_bench), ("bench-search", check_search), ("bench-serve", check_serve),
                          ("bench-mechanisms", check_mechanisms),
                          ("bench-lighthouse", check_lighthouse)):
        output, seconds[target] = run_make(target, built_site)
        check(output)
    after = checkout_state(ROOT)
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert changed == [], f"quick benchmarks wrote into the checkout: {changed[:10]}"
    print("quick benchmarks, seconds:", ", ".join(f"{t} {s:.1f}" for t, s in seconds.items()))
