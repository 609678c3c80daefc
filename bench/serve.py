"""`make bench-serve`: seconds from saving a content file to the change in the browser.

Starts `mkdocs serve` (as `make serve` does) on a copy of the project at each
size (1x is the real content, 4x adds three copies of everything, see
bench/synthetic.py), opens the page in Chromium, saves an edit to a glossary
term, a playbook and a quiz module in turn, and times each save until the new
text is on the page in the browser: MkDocs noticing the file, rebuilding the
four languages, and the browser's live reload, all included. Three saves per
file and size; the median counts. Also prints how long MkDocs said each rebuild
took, so a slow figure shows whether the build or the waiting costs.

MkDocs writes the site it serves where `make serve` has it write it (in memory
when there is room, kb/build/serve_dir.py); `--site-on-disk` measures the usual
temporary folder instead.

Two ways of serving are measured: `make serve` (all four languages) and
`make serve PREVIEW=lt` (one language, at the site root: KB_PREVIEW_LANGUAGE).
The edits change Lithuanian text, so the preview is the Lithuanian one.

`--quick` (make bench-serve QUICK=1) measures one glossary save at 1x, in a
temporary folder instead of build/bench/serve.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_project  # noqa: E402
from kb.build.serve_dir import serve_temp_dir  # noqa: E402

CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright's own download does not work here
# What is edited: file, the text the marker goes after, and the page that shows it.
EDITS = {
    "glossary term": ("glossary/coupon.yml", "definition:\n  lt: ", "glossary/"),
    "playbook": ("playbooks/cancellation-call.yml", 'action:\n      lt: "', "playbooks/cancellation-call/"),
    "quiz module": ("quizzes/retention-basics.yml", 'intro:\n  lt: "', "quizzes/retention-basics/"),
}
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def insert_marker(path: Path, after: str, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    if after not in text:
        raise SystemExit(f"{path}: cannot find {after!r} to edit")
    path.write_text(text.replace(after, after + marker + " ", 1), encoding="utf-8")


def with_options(project: Path, options: dict[str, bool]) -> None:
    """Set the kb plugin's options in the copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = "".join(f"\n      {name}: {str(value).lower()}" for name, value in options.items())
    text = text.replace("\n  - kb\n", f"\n  - kb:{block}\n", 1)
    config.write_text(text, encoding="utf-8")


def build_seconds(log: Path) -> list[float]:
    return [float(s) for s in _BUILT.findall(log.read_text(encoding="utf-8", errors="replace"))]


# How `make serve` is run: all languages, or PREVIEW=lt (the language the edits change).
MODES = {"all": {}, "preview": {"KB_PREVIEW_LANGUAGE": "lt"}}


def measure_size(project: Path, edits: dict[str, tuple[str, str, str]], saves: int, browser,  # type: ignore[no-untyped-def]
                 mode: str = "all", site_in_memory: bool = True) -> dict[str, list[float]]:
    """Seconds from each save to the marker showing in the browser, per edit kind."""
    port = free_port()
    log = project.parent / f"{project.name}-{mode}-serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **MODES[mode]}
    if site_in_memory:  # as `make serve` does
        env["TMPDIR"] = serve_temp_dir()
    with log.open("w", encoding="utf-8") as log_file:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                                  cwd=project, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    results: dict[str, list[float]] = {}
    try:
        deadline = time.time() + 300
        while "glossary" not in fetch(base + "glossary/"):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"mkdocs serve did not start; see {log}")
            time.sleep(0.2)
        page = browser.new_page()
        for kind, (file, after, url) in edits.items():
            page.goto(base + url)
            results[kind] = []
            for attempt in range(saves):
                time.sleep(1.5)  # the previous rebuild has settled; MkDocs polls files every 0.5 s
                marker = f"kbmark{attempt}x{time.time_ns() % 10**8}"
                start = time.perf_counter()
                insert_marker(project / file, after, marker)
                page.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})",
                                       timeout=60_000, polling=10)
                results[kind].append(time.perf_counter() - start)
        page.close()
    finally:
        server.terminate()  # the kb plugin stops `serve` on SIGTERM as on Ctrl-C: MkDocs removes its site folder
        server.wait(timeout=30)
    results["(MkDocs' own rebuild time)"] = build_seconds(log)[1:]  # the first is the start-up build
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke run: one glossary save at 1x, in a temporary folder")
    parser.add_argument("--sizes", default="1,4", help="content size factors, comma-separated")
    parser.add_argument("--saves", type=int, default=3, help="saves per file and size; the median counts")
    parser.add_argument("--modes", default=",".join(MODES), help="all (make serve), preview (make serve PREVIEW=lt)")
    parser.add_argument("--without", default="", help="kb plugin options to switch off, comma-separated "
                                                       "(e.g. native_file_events), to measure what they save")
    parser.add_argument("--site-on-disk", action="store_true",
                        help="serve from the usual temporary folder, not memory (kb/build/serve_dir.py)")
    args = parser.parse_args()
    sizes, edits, saves = [int(s) for s in args.sizes.split(",")], EDITS, args.saves
    modes = args.modes.split(",")
    work = ROOT / "build" / "bench" / "serve"
    if args.quick:
        sizes, edits, saves = [1], {"glossary term": EDITS["glossary term"]}, 1
        work = Path(tempfile.mkdtemp(prefix="kb-bench-serve-"))
    from playwright.sync_api import sync_playwright

    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for size in sizes:
                project = work / f"x{size}"
                make_project(ROOT, project, size)
                if args.without:
                    with_options(project, {name: False for name in args.without.split(",")})
                for mode in modes:
                    for kind, seconds in measure_size(project, edits, saves, browser, mode,
                                                      not args.site_on_disk).items():
                        rows.append((size, mode, kind, seconds))
            browser.close()
    finally:
        if args.quick:
            shutil.rmtree(work, ignore_errors=True)
    print("Seconds from saving a file to the change in the browser (`mkdocs serve`, Chromium, live reload)"
          + (f"; kb plugin options off: {args.without}" if args.without else "")
          + ("; site on disk" if args.site_on_disk else ""))
    print("| size | served | edit | each save | median |")
    print("|---|---|---|---|---|")
    for size, mode, kind, seconds in rows:
        each = ", ".join(f"{s:.2f}" for s in seconds)
        median = f"{statistics.median(seconds):.2f}" if seconds else "-"
        served = "PREVIEW=lt" if mode == "preview" else "all languages"
        print(f"| {size}x | {served} | {kind} | {each} | {median} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
