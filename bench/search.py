"""`make bench-search`: search speed and size on the built site.

Per language: the worker file (index + stemmer + code) raw and gzip-compressed,
and query times in headless Chromium for the committed query set, each query
run several times through the real worker (message round trip included).
`--quick` (make bench-search QUICK=1) runs each query once.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from search_helpers import run_queries  # noqa: E402

LANGUAGES = ("lt", "it", "pl", "fi")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default=str(ROOT / "site"), help="built site (make build)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smoke run: each query once")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    site = Path(args.site)
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built site in {site}: run `make build` first")
    queries = yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # noqa: D102
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"

    from playwright.sync_api import sync_playwright

    print("| language | worker KB | gzip KB | queries | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for lang in LANGUAGES:
            worker = (site / "assets" / "kb" / f"search-{lang}.js").read_bytes()
            texts = [case["q"] for case in queries[lang]]
            # Typing produces every prefix of the query; measure those too.
            typed = [q[:n] for q in texts for n in range(3, len(q) + 1)]
            times = [r["ms"] for _ in range(args.repeat) for r in run_queries(page, url, lang, texts + typed)]
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"| {lang} | {len(worker) / 1024:.0f} | {len(gzip.compress(worker, 9)) / 1024:.0f} | {len(times)} "
                  f"| {statistics.median(times):.1f} | {p95:.1f} | {max(times):.1f} |")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
