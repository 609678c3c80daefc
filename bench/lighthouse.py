"""`make bench-lighthouse`: Lighthouse scores for the main page types in every language.

Serves the built site's pre-compressed copies with caching headers (as the README
tells hosts to, bench/precompressed_server.py) and runs Lighthouse (npm,
bench/node_modules) with Debian's Chromium on the home page, an article, a
playbook, the glossary, a quiz module, the start page and the trainers' page in
each language, several times each: single Lighthouse runs vary by several points,
so the median counts. Then one repeat visit with the cache of the first ones.
Prints the scores, then per page the metrics behind the performance score and the
bytes transferred, and exits 1 when a page weighs more than its type's budget.
`--quick` (make bench-lighthouse QUICK=1) measures the Lithuanian home page once.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import precompressed_server

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "article": "articles/retention-programs/", "playbook": "playbooks/cancellation-call/",
         "glossary": "glossary/", "quiz": "quizzes/retention-basics/", "start": "start/", "trainers": "trainers/"}
LANGUAGES = {"lt": "", "it": "it/", "pl": "pl/", "fi": "fi/"}
CHROMIUM = "/usr/bin/chromium"  # Debian's; Lighthouse's own download does not work here
CATEGORIES = ("performance", "accessibility", "best-practices")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def run_lighthouse(lighthouse: Path, url: str, report: Path, preset: str) -> dict:
    command = [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
               "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
               "--only-categories=" + ",".join(CATEGORIES)]
    if preset == "desktop":
        command.append("--preset=desktop")
    # Lighthouse has no flag for the browser: chrome-launcher reads CHROME_PATH, and
    # without it takes whichever Chrome or Chromium it finds first.
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return json.loads(report.read_text())


def median_score(results: list[dict], category: str) -> int:
    return round(100 * statistics.median(r["categories"][category]["score"] for r in results))


# --- Per-page-type metrics, bytes and weight budgets (issue 19) -----------------------------

# Bytes transferred (compressed, as served by precompressed_server) per page type: a first
# visit with an empty cache, and a repeat visit with the cache of the first (the theme's
# hashed files come from the cache; pages, kb.css/kb.js and the quiz assets are revalidated,
# 304). About 15% above the first visits measured on 2026-11-29 (largest of lt/it/pl/fi, in
# the comment, `--runs 1`): room for content growth, not for a new library. Lighthouse does not count
# the search index the search worker downloads (assets/kb/search-<lang>.js, 27-30 KB Brotli).
KB = 1024
BUDGETS: dict[str, tuple[int, int]] = {
    # Compressed bytes, first visit / repeat visit. Beside each: the figures of the
    # merged site (lt/it/pl/fi, the largest), Brotli as `kb build` writes it, measured on
    # 2026-11-29 and again, the same, on an idle machine on 2026-11-30 (median of 3 runs).
    "home": (72 * KB, 4 * KB),      # today 70.3 KB first visit, 1.7 KB repeat
    "article": (75 * KB, 4 * KB),   # today 72.6 KB, 1.7 KB
    "playbook": (75 * KB, 4 * KB),  # today 72.8 KB, 1.7 KB
    "glossary": (80 * KB, 4 * KB),  # today 78.0 KB, 1.7 KB
    "quiz": (88 * KB, 5 * KB),      # today 84.9 KB, 2.2 KB (mkdocs-quiz's CSS and JS revalidated too)
    "start": (72 * KB, 4 * KB),     # today 69.7 KB, 1.7 KB
    "trainers": (77 * KB, 4 * KB),  # today 73.4 KB, 1.7 KB (cohort view and SCORM list added)
}
PAGE_METRICS = (("FCP", "first-contentful-paint", 1000, "s"), ("LCP", "largest-contentful-paint", 1000, "s"),
                ("TBT", "total-blocking-time", 1, "ms"), ("CLS", "cumulative-layout-shift", 1, ""))


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure_page(lighthouse: Path, url: str, runs: int, preset: str, tmp: Path) -> tuple[list[dict], dict]:
    """`runs` first visits (Lighthouse empties the cache before each) and one repeat visit.

    One Chromium serves them all, so the repeat visit (Lighthouse told not to reset
    storage) finds the cache that the first visits filled, as a returning rep would.
    """
    port = free_port()
    profile = tmp / f"profile-{port}"
    browser = subprocess.Popen(["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                                "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
                                f"--remote-debugging-port={port}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_devtools(port)
        first = [_lighthouse_on_port(lighthouse, url, tmp / "report.json", preset, port, []) for _ in range(runs)]
        repeat = _lighthouse_on_port(lighthouse, url, tmp / "report.json", preset, port, ["--disable-storage-reset"])
    finally:
        browser.terminate()
        browser.wait()
    return first, repeat


def _wait_for_devtools(port: int) -> None:
    import time
    import urllib.request

    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("chromium did not open its DevTools port")


def _lighthouse_on_port(lighthouse: Path, url: str, report: Path, preset: str, port: int, extra: list[str]) -> dict:
    command = [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}", f"--port={port}",
               "--only-categories=" + ",".join(CATEGORIES), *extra]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads(report.read_text())


def page_figures(first: list[dict], repeat: dict) -> dict[str, float]:
    """Median score and metrics of the first visits, and the bytes of both visits."""
    figures = {"score": round(100 * statistics.median(r["categories"]["performance"]["score"] for r in first))}
    for label, audit, _, _ in PAGE_METRICS:
        figures[label] = statistics.median(r["audits"][audit]["numericValue"] for r in first)
    figures["first"] = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in first)
    figures["repeat"] = repeat["audits"]["total-byte-weight"]["numericValue"]
    return figures


def print_page_figures(measured: dict[tuple[str, str], dict[str, float]]) -> None:
    print("\n| page | lang | perf | FCP | LCP | TBT | CLS | KB first | KB repeat | budget KB first/repeat |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (name, lang), f in measured.items():
        budget = BUDGETS.get(name)
        print(f"| {name} | {lang} | {f['score']} | {f['FCP'] / 1000:.2f} s | {f['LCP'] / 1000:.2f} s | "
              f"{f['TBT']:.0f} ms | {f['CLS']:.3f} | {f['first'] / 1024:.1f} | {f['repeat'] / 1024:.1f} | "
              + (f"{budget[0] / 1024:.0f}/{budget[1] / 1024:.0f}" if budget else "none") + " |", flush=True)


def over_budget(measured: dict[tuple[str, str], dict[str, float]]) -> list[str]:
    """One line per page whose first or repeat visit weighs more than its type's budget."""
    problems = []
    for (name, lang), f in measured.items():
        if name not in BUDGETS:
            continue
        for visit, limit in zip(("first", "repeat"), BUDGETS[name]):
            if f[visit] > limit:
                problems.append(f"{name} ({lang}): {visit} visit {f[visit]:.0f} bytes > budget {limit}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--pages", default=",".join(PAGES), help="page types to score, comma-separated")
    # Lighthouse's own advice on variability: run several times, report the median.
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--metrics", action="store_true", help="also print the performance metrics behind each score")
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="languages to score, comma-separated")
    parser.add_argument("--quick", action="store_true", help="smoke run: the home page in the default language, once")
    args = parser.parse_args()
    languages = {lang: LANGUAGES[lang] for lang in args.languages.split(",")}
    if args.quick:
        args.pages, args.runs, languages = "home", 1, {"lt": LANGUAGES["lt"]}
    if not (Path(args.site) / "index.html").is_file():
        raise SystemExit(f"no built site in {args.site}: run `make build` first")
    lighthouse = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        raise SystemExit("run `npm ci` in bench/ first (make bench-lighthouse does)")
    server, base = precompressed_server.start(args.site)
    measured: dict[tuple[str, str], dict[str, float]] = {}
    print(f"Lighthouse ({args.preset}), scores 0–100, median of {args.runs} runs (performance range in brackets)")
    print("| page | " + " | ".join(f"{lang} perf/a11y/bp" for lang in languages) + " |")
    print("|---|" + "---|" * len(languages))
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.pages.split(","):
            cells = []
            for lang, prefix in languages.items():
                url = base + prefix + PAGES[name]
                results, repeat = measure_page(lighthouse, url, args.runs, args.preset, Path(tmp))
                measured[name, lang] = page_figures(results, repeat)
                performance = sorted(round(100 * r["categories"]["performance"]["score"]) for r in results)
                cells.append("/".join(str(median_score(results, c)) for c in CATEGORIES)
                             + (f" ({performance[0]}–{performance[-1]})" if args.runs > 1 else ""))
                if args.metrics:
                    for result in results:
                        print(f"  {name} {lang}: " + ", ".join(
                            f"{audit} {result['audits'][audit]['displayValue']}" for audit in METRICS), flush=True)
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    server.shutdown()
    print_page_figures(measured)
    problems = over_budget(measured)
    for problem in problems:
        print(f"over budget: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
