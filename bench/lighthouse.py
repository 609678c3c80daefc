"""`make bench-lighthouse`: Lighthouse scores for the main page types in every language.

Serves the built site with gzip (as any production web server would) and runs
Lighthouse (npm, bench/node_modules) with Debian's Chromium on the home page,
an article, a playbook, the glossary and a quiz page in each language, several
times each: single Lighthouse runs vary by several points, so the median counts.
`--quick` (make bench-lighthouse QUICK=1) scores the Lithuanian home page once.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "article": "articles/retention-programs/", "playbook": "playbooks/cancellation-call/",
         "glossary": "glossary/", "quiz": "quizzes/retention-basics/"}
LANGUAGES = {"lt": "", "it": "it/", "pl": "pl/", "fi": "fi/"}
CHROMIUM = "/usr/bin/chromium"  # Debian's; Lighthouse's own download does not work here
CATEGORIES = ("performance", "accessibility", "best-practices")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and long cache headers for assets, like a real host."""

    def log_message(self, *args):  # noqa: D102
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        types = {".html": "text/html; charset=utf-8", ".js": "application/javascript", ".css": "text/css",
                 ".json": "application/json", ".svg": "image/svg+xml"}
        kind = types.get(path.suffix, self.guess_type(str(path)))
        compress = path.suffix in types and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000")
        self.end_headers()
        import io
        return io.BytesIO(body)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--pages", default=",".join(PAGES), help="page types to score, comma-separated")
    # Lighthouse's own advice on variability: run several times, report the median.
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--metrics", action="store_true", help="also print the performance metrics behind each score")
    parser.add_argument("--quick", action="store_true", help="smoke run: the home page in the default language, once")
    args = parser.parse_args()
    languages = LANGUAGES
    if args.quick:
        args.pages, args.runs, languages = "home", 1, {"lt": LANGUAGES["lt"]}
    if not (Path(args.site) / "index.html").is_file():
        raise SystemExit(f"no built site in {args.site}: run `make build` first")
    lighthouse = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        raise SystemExit("run `npm ci` in bench/ first (make bench-lighthouse does)")
    handler = lambda *a, **k: GzipHandler(*a, directory=args.site, **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Lighthouse ({args.preset}), scores 0–100, median of {args.runs} runs (performance range in brackets)")
    print("| page | " + " | ".join(f"{lang} perf/a11y/bp" for lang in languages) + " |")
    print("|---|" + "---|" * len(languages))
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.pages.split(","):
            cells = []
            for lang, prefix in languages.items():
                url = base + prefix + PAGES[name]
                results = [run_lighthouse(lighthouse, url, Path(tmp) / "report.json", args.preset)
                           for _ in range(args.runs)]
                performance = sorted(round(100 * r["categories"]["performance"]["score"]) for r in results)
                cells.append("/".join(str(median_score(results, c)) for c in CATEGORIES)
                             + (f" ({performance[0]}–{performance[-1]})" if args.runs > 1 else ""))
                if args.metrics:
                    for result in results:
                        print(f"  {name} {lang}: " + ", ".join(
                            f"{audit} {result['audits'][audit]['displayValue']}" for audit in METRICS), flush=True)
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
