"""Does each speed-up mechanism earn its place? Times commands with and without it.

For each mechanism, the relevant command runs with it (A) and without it (B),
alternating A, B, A, B... so load from other work on the machine falls on both
alike; the medians are printed. Content: the real project (1x) and synthetic
content at 4x (bench/synthetic.py). A script, not a test: it reports.

Mechanisms without a command-line switch are switched off by patching the
plugin's or the loader's module in the measured process (`launch` below).

The mechanisms measured here were removed after this measurement (issue 16);
to repeat it, run the script against the code that still had them:

    git archive 5fa7420 | tar -x -C /tmp/kb-before
    PYTHONPATH=/tmp/kb-before/tools .venv/bin/python bench/mechanisms.py
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _noop(*args: object, **kwargs: object) -> None:
    return None


def _switch_off(mechanism: str) -> None:
    import kb.plugin.events as events

    if mechanism == "template_cache":
        events.SHARED_TEMPLATE_CACHE = None
    elif mechanism == "repeated_work":
        for name in ("cache_quiz_catalogues", "reuse_quiz_fragment_converter", "cache_theme_listing"):
            if hasattr(events, name):
                setattr(events, name, _noop)
    elif mechanism == "collector":
        import kb.cli as cli

        for module in (events, cli):
            if hasattr(module, "collect_less_often"):
                setattr(module, "collect_less_often", _noop)
    elif mechanism == "quick_yaml":
        import kb.content.load as load

        def never_quick(loader: object, path: str) -> object:
            raise load._Unusual

        load._read_quickly = never_quick
    elif mechanism != "none":
        raise SystemExit(f"unknown mechanism {mechanism}")


def launch(mechanism: str, tool: str, args: list[str]) -> int:
    """Run `mkdocs` or `kb` in this process with `mechanism` switched off."""
    _switch_off(mechanism)
    if tool == "mkdocs":
        from mkdocs.__main__ import cli

        try:
            cli.main(args=args, prog_name="mkdocs", standalone_mode=False)
        except SystemExit as stop:
            return int(stop.code or 0)
        return 0
    from kb.cli import main

    return main(args)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the command and every process it waited for.

    On a shared machine the wall time mostly measures the other work; CPU time
    is what the command itself spent (for parallel work, wall time is the point).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr.decode()[-3000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(label: str, with_it: list[str], without: list[str], cwd: Path, rounds: int) -> None:
    a, b = [], []
    for _ in range(rounds):
        a.append(timed(with_it, cwd))
        b.append(timed(without, cwd))
    wa, wb = statistics.median(x for x, _ in a), statistics.median(x for x, _ in b)
    ca, cb = statistics.median(y for _, y in a), statistics.median(y for _, y in b)
    print(f"| {label} | {wa:.2f} / {ca:.2f} | {wb:.2f} / {cb:.2f} | {(wb - wa) / wb:+.0%} / {(cb - ca) / cb:+.0%} "
          f"| {os.getloadavg()[0]:.0f} |", flush=True)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "launch":
        return launch(sys.argv[2], sys.argv[3], sys.argv[4:])
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,4")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", default="/tmp/kb-bench-mechanisms")
    parser.add_argument("--only", default="", help="comma-separated mechanisms to measure (default: all)")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    print(f"load average at start: {os.getloadavg()[0]:.1f}", flush=True)
    print("| mechanism, size: command | with: wall / CPU s (medians) | without: wall / CPU s | saving: wall / CPU | load |")
    print("|---|---|---|---|---|")
    for factor in (int(s) for s in args.sizes.split(",")):
        project = Path(args.work) / f"x{factor}"
        make_project(ROOT, project, factor)
        site = str(project / "site")
        kb = [PY, "-m", "kb.cli", "--root", str(project)]
        mkdocs = ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", site]
        me = [PY, str(Path(__file__).resolve()), "launch"]
        check = ["--root", str(project), "check", "--jobs", "1", "--no-reuse"]
        timed(me + ["none", "mkdocs", *mkdocs], project)  # warm the file cache
        cases = {
            "language_split": ("kb build --jobs 2 vs --jobs 1",
                               kb + ["build", "--jobs", "2", "--site-dir", site], kb + ["build", "--jobs", "1", "--site-dir", site]),
            "template_cache": ("mkdocs build", me + ["none", "mkdocs", *mkdocs], me + ["template_cache", "mkdocs", *mkdocs]),
            "repeated_work": ("mkdocs build", me + ["none", "mkdocs", *mkdocs], me + ["repeated_work", "mkdocs", *mkdocs]),
            "collector": ("mkdocs build", me + ["none", "mkdocs", *mkdocs], me + ["collector", "mkdocs", *mkdocs]),
            "collector_check": ("kb check --jobs 1 --no-reuse", me + ["none", "kb", *check], me + ["collector", "kb", *check]),
            "quick_yaml": ("kb check --jobs 1 --no-reuse", me + ["none", "kb", *check], me + ["quick_yaml", "kb", *check]),
            "fork_pool": ("kb check --no-reuse --jobs 2 vs --jobs 1", kb + ["check", "--no-reuse", "--jobs", "2"],
                          kb + ["check", "--no-reuse", "--jobs", "1"]),
            "check_record": ("kb check (record warm) vs --no-reuse", kb + ["check", "--jobs", "1"],
                             kb + ["check", "--jobs", "1", "--no-reuse"]),
        }
        for name, (what, with_it, without) in cases.items():
            if only and name not in only:
                continue
            compare(f"{name}, {factor}x: {what}", with_it, without, project, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
