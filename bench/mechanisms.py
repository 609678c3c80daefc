"""Does each speed-up mechanism earn its place? Times builds with and without it.

The mechanisms are the kb plugin's options (kb/plugin/config.py), each switched
off in mkdocs.yml of a copy of the project, so nothing is patched:

- `compile_templates_once`: one Jinja bytecode cache for the four language
  builds and every `serve` rebuild (kb/plugin/template_bytecode.py);
- `reuse_renders`: during `serve`, the HTML of pages and quizzes whose inputs
  did not change is reused, and so are finished pages whose templates' inputs did
  not change, mkdocs-quiz's parsed catalogue, and the sanitiser's output, glossary
  tooltips and search keywords of unchanged pages (kb/plugin/render_reuse.py,
  template_reuse.py);
- `content_caches`: the content check's pure functions keep their results for
  unchanged input (the YAML parse per file's bytes, the texts of a parsed file,
  style and termbase matches per text). They have no option: this script
  empties the caches before every build to measure without them.

`--preview` measures `make serve PREVIEW=lt` (one language) instead of all four.

For each size (1x is the real content, 4x three more copies of everything,
bench/synthetic.py) and mechanism, a fresh process builds the site as
`mkdocs serve` does (the first build), rebuilds once with nothing changed (the
fixed cost of every save), then saves an edit to a glossary term, a playbook and
a quiz module and rebuilds after each, as `serve` does after a save. Runs with
and without the mechanism alternate, so load from other work on the machine
falls on both alike; medians are printed. A script, not a test.

The mechanisms removed in issue 16 (language split, fork pool, check record,
quick YAML read, theme listing cache) were measured with the version of this
script in commit 199ec2a, against the code that still had them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import EDITS, MODES, with_options  # noqa: E402  (the same three saves as bench-serve)
from synthetic import make_project  # noqa: E402
from kb.build.serve_dir import serve_temp_dir  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MECHANISMS = ("compile_templates_once", "reuse_renders", "content_caches")
KB_OPTIONS = ("compile_templates_once", "reuse_renders")  # the others are switched by this script


def content_cache_clearers() -> list:  # type: ignore[type-arg]
    from kb.checks import style, termbase, texts
    from kb.content import load
    return [load._parse.cache_clear, texts._located_prose.cache_clear, style._matches.cache_clear,
            termbase._findings.cache_clear, termbase.termbase.cache_clear]


def serve_builds(project: Path, content_caches: bool = True) -> dict[str, float | list[float]]:
    """In this process: the first build and one rebuild per edit, as `mkdocs serve` runs them."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    clearers = [] if content_caches else content_cache_clearers()

    def build(config, **options):  # type: ignore[no-untyped-def]
        for clear in clearers:
            clear()
        mkdocs_build(config, **options)

    os.chdir(project)
    # Where `make serve` has MkDocs write its site (in memory when there is room).
    site = tempfile.mkdtemp(prefix="kb-bench-mechanisms-site-", dir=serve_temp_dir())

    def config():  # type: ignore[no-untyped-def]
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        loaded.site_url = "http://127.0.0.1:8000/"
        return loaded

    try:
        first = config()
        first.plugins.on_startup(command="serve", dirty=False)  # the instances stay for the rebuilds, as in serve
        start = time.perf_counter()
        build(first, serve_url="http://127.0.0.1:8000/")
        figures: dict[str, float | list[float]] = {"first": time.perf_counter() - start, "rebuilds": []}
        # The floor: a rebuild with nothing saved (serve's fixed cost per save).
        start = time.perf_counter()
        build(config(), serve_url="http://127.0.0.1:8000/")
        figures["unchanged"] = time.perf_counter() - start
        for number, (file, after, _) in enumerate(EDITS.values()):
            path = project / file
            path.write_text(path.read_text(encoding="utf-8").replace(after, f"{after}kbmark{number} ", 1),
                            encoding="utf-8")
            start = time.perf_counter()
            build(config(), serve_url="http://127.0.0.1:8000/")
            figures["rebuilds"].append(time.perf_counter() - start)  # type: ignore[union-attr]
        return figures
    finally:
        shutil.rmtree(site, ignore_errors=True)  # in memory, it would hold RAM until reboot


def measure(project: Path, options: dict[str, bool], preview: bool = False) -> dict[str, float | list[float]]:
    make_project(ROOT, project, int(project.name.removeprefix("x")))
    with_options(project, {name: value for name, value in options.items() if name in KB_OPTIONS})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **MODES["preview" if preview else "all"]}
    caches = "with-content-caches" if options.get("content_caches", True) else "without-content-caches"
    result = subprocess.run([sys.executable, __file__, "serve-builds", str(project), caches], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed ({options}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "serve-builds":
        figures = serve_builds(Path(sys.argv[2]), content_caches=sys.argv[3] == "with-content-caches")
        sys.stdout.flush()
        print(json.dumps(figures))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,4")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default=str(ROOT / "build" / "bench" / "mechanisms"))
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: reuse_renders at 1x, one round, in a temporary folder")
    parser.add_argument("--preview", action="store_true", help="one language, as `make serve PREVIEW=lt` builds")
    parser.add_argument("--mechanisms", default=",".join(MECHANISMS))
    args = parser.parse_args()
    mechanisms, sizes = tuple(args.mechanisms.split(",")), args.sizes
    if args.quick:
        mechanisms, sizes, args.rounds = ("reuse_renders",), "1", 1
        args.work = tempfile.mkdtemp(prefix="kb-bench-mechanisms-")
    try:
        report(mechanisms, sizes, args.rounds, Path(args.work), args.preview)
    finally:
        if args.quick:
            shutil.rmtree(args.work, ignore_errors=True)
    return 0


def report(mechanisms: tuple[str, ...], sizes: str, rounds: int, work: Path, preview: bool = False) -> None:
    print(f"load average at start: {os.getloadavg()[0]:.1f}; "
          f"{'one language (make serve PREVIEW=lt)' if preview else 'all four languages'}", flush=True)
    print("| size | mechanism | first build: with / without (s) | rebuild after a save: with / without (s) "
          "| saving: first / rebuild | rebuild, nothing saved: with / without (s) |")
    print("|---|---|---|---|---|---|")
    for factor in (int(s) for s in sizes.split(",")):
        project = work / f"x{factor}"
        for mechanism in mechanisms:
            runs: dict[bool, list[dict]] = {True: [], False: []}
            for _ in range(rounds):
                for enabled in (True, False):
                    runs[enabled].append(measure(project, {mechanism: enabled}, preview))
            first = {e: statistics.median(r["first"] for r in runs[e]) for e in runs}
            rebuild = {e: statistics.median(s for r in runs[e] for s in r["rebuilds"]) for e in runs}
            floor = {e: statistics.median(r["unchanged"] for r in runs[e]) for e in runs}
            print(f"| {factor}x | {mechanism} | {first[True]:.2f} / {first[False]:.2f} | {rebuild[True]:.2f} / {rebuild[False]:.2f} "
                  f"| {(first[False] - first[True]) / first[False]:+.0%} / {(rebuild[False] - rebuild[True]) / rebuild[False]:+.0%} "
                  f"| {floor[True]:.2f} / {floor[False]:.2f} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
