"""`make bench`: build synthetic content at 1x, 4x and 16x and print a table.

For each size: pages per language, build seconds and peak memory (of the
build process), site size, mean HTML bytes per page, and the same for a plain
MkDocs build of the same Markdown with the same plugins but without the kb
plugin, run in the same session; both are one process, so our own share is
measured like for like. Also times `kb check`
on 10,000 quiz questions, checking every file and with nothing changed since
the last check. A script, not a test: it reports, it does not assert.

`--quick` (make bench QUICK=1) is a smoke run with the same table: the real
content only (1x), one build per measurement and `kb check` on 500 questions,
in a temporary folder, so the command is exercised without the full cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_project, make_quiz_project, plain_config  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def site_stats(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    html = sum(p.stat().st_size for p in pages)
    return {"pages": len(pages) / 4, "site_mb": total / 2**20, "html_kb": html / max(len(pages), 1) / 1024}


def expanded_nav(project: Path) -> str:
    """A flat nav of the same pages for the plain build (the baseline the issue measured)."""
    docs = project / "docs" / "lt"
    books = sorted(p.name for p in (docs / "playbooks").glob("*.md") if p.name != "index.md")
    modules = sorted(p.name for p in (docs / "quizzes").glob("*.md") if not p.stem.endswith(("-sheet", "-key")))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    nav = nav.replace("  - Playbooks: playbooks/index.md",
                      "  - Playbooks:\n      - playbooks/index.md\n" + "".join(f"      - playbooks/{b}\n" for b in books).rstrip("\n"))
    nav = nav.replace("  - Quizzes: quizzes/index.md",
                      "  - Quizzes:\n" + "".join(f"      - quizzes/{m}\n" for m in modules).rstrip("\n"))
    return "nav:\n" + nav + "\n\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--work", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2, help="builds per measurement; the fastest counts")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1x, one build each, 500 questions, in a temporary folder")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.questions, args.repeat = "1", 500, 1
        # Removed when the script exits, even on failure: a smoke run leaves nothing behind.
        scratch = tempfile.TemporaryDirectory(prefix="kb-bench-")
        args.work = scratch.name
    work = Path(args.work)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    python = sys.executable
    rows = []
    for factor in (int(s) for s in args.sizes.split(",")):
        project = work / f"x{factor}"
        make_project(ROOT, project, factor)
        # The fastest of several runs: other work on the machine only ever adds time.
        build = [python, "-m", "kb.cli", "--root", str(project), "build", "--site-dir", str(project / "site")]
        ours, ours_mem = min(run(build, project, env) for _ in range(args.repeat))
        stats = site_stats(project / "site")
        single = ours  # one process, like the plain build: the difference is our own work
        config = plain_config(project, expanded_nav(project))
        plain, plain_mem = min(run([python, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                                    str(project / "site-plain")], project, env) for _ in range(args.repeat))
        plain_stats = site_stats(project / "site-plain")
        rows.append((factor, stats, ours, ours_mem, single, plain_stats, plain, plain_mem))
        print(f"built {factor}x", file=sys.stderr)

    print()
    print("| size | pages/lang | build s | peak MiB | site MiB | HTML KB/page | 1-process build s | plain build s "
          "| plain HTML KB/page | ours/plain | kb share |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for factor, stats, ours, mem, single, plain_stats, plain, _ in rows:
        # Our share: what the one-process build spends beyond the plain one.
        share = max(single - plain, 0) / single
        print(f"| {factor}x | {stats['pages']:.0f} | {ours:.1f} | {mem:.0f} | {stats['site_mb']:.1f} | {stats['html_kb']:.1f} "
              f"| {single:.1f} | {plain:.1f} | {plain_stats['html_kb']:.1f} | {ours / plain:.2f} | {share:.0%} |")
    if len(rows) >= 2:
        (f1, s1, t1, *_), (f2, s2, t2, *_) = rows[-2], rows[-1]
        print(f"\ngrowth {f1}x→{f2}x: pages ×{s2['pages'] / s1['pages']:.2f}, build time ×{t2 / t1:.2f}")

    quiz_project = work / "quiz10k"
    count = make_quiz_project(ROOT, quiz_project, args.questions)
    check = [python, "-m", "kb.cli", "--root", str(quiz_project), "check"]
    seconds, mem = min(run(check, quiz_project, env) for _ in range(args.repeat))
    print(f"kb check on {count} quiz questions: {seconds:.2f} s, peak {mem:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
