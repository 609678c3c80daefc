"""`make bench-serve`: how long after saving a YAML file `mkdocs serve` shows the change.

Starts `mkdocs serve` on a copy of the project, edits one glossary definition,
and polls the served glossary page until the new text appears, three times.
`--quick` (make bench-serve QUICK=1) measures one save, on a copy in a
temporary folder instead of build/bench/serve.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_project  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke run: one save, in a temporary folder")
    args = parser.parse_args()
    if args.quick:
        project = Path(tempfile.mkdtemp(prefix="kb-bench-serve-")) / "serve"
    else:
        project = ROOT / "build" / "bench" / "serve"
    make_project(ROOT, project, 1)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/glossary/"
    try:
        deadline = time.time() + 120
        while "glossary" not in fetch(url) and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # let the first build settle
        results = []
        for attempt in range(1 if args.quick else 3):
            marker = f"Redagavimo žymė {attempt} {int(time.time())}"
            term = project / "glossary" / "coupon.yml"
            text = term.read_text(encoding="utf-8")
            start_text = text.split("definition:\n  lt: ", 1)
            term.write_text(start_text[0] + "definition:\n  lt: " + marker + " " + start_text[1], encoding="utf-8")
            start = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - start > 60:
                    raise SystemExit("change did not appear within 60 s")
                time.sleep(0.05)
            results.append(time.perf_counter() - start)
            time.sleep(2)
        print("seconds from saving glossary/coupon.yml to the change being served: "
              + ", ".join(f"{r:.2f}" for r in results))
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(project.parent if args.quick else project, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
