"""`make bench-lighthouse`: Lighthouse scores for the main page types in every language.

Serves the built site with gzip (as any production web server would) and runs
Lighthouse (npm, bench/node_modules) with Debian's Chromium on the home page,
an article, a playbook, the glossary and a quiz page in each language.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "article": "articles/retention-programs/", "playbook": "playbooks/cancellation-call/",
         "glossary": "glossary/", "quiz": "quizzes/retention-basics/"}
LANGUAGES = {"lt": "", "it": "it/", "pl": "pl/", "fi": "fi/"}
CATEGORIES = ("performance", "accessibility", "best-practices")


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    args = parser.parse_args()
    lighthouse = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        raise SystemExit("run `npm ci` in bench/ first (make bench-lighthouse does)")
    handler = lambda *a, **k: GzipHandler(*a, directory=args.site, **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Lighthouse ({args.preset}), scores 0–100")
    print("| page | " + " | ".join(f"{lang} perf/a11y/bp" for lang in LANGUAGES) + " |")
    print("|---|" + "---|" * len(LANGUAGES))
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            cells = []
            for lang, prefix in LANGUAGES.items():
                report = Path(tmp) / f"{name}-{lang}.json"
                command = [str(lighthouse), base + prefix + path, "--quiet", "--output=json", f"--output-path={report}",
                           "--chrome-path=/usr/bin/chromium",
                           "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
                           "--only-categories=" + ",".join(CATEGORIES)]
                if args.preset == "desktop":
                    command.append("--preset=desktop")
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                scores = json.loads(report.read_text())["categories"]
                cells.append("/".join(f"{round(100 * scores[c]['score'])}" for c in CATEGORIES))
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
