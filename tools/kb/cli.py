"""`kb`: command-line shell over the core. Argument parsing only."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .diagnostics import Severity, has_failures, render


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def cmd_check(args: argparse.Namespace) -> int:
    from .project import load_project

    start = time.perf_counter()
    project = load_project(_root(args))
    elapsed = time.perf_counter() - start
    if project.diagnostics:
        print(render(project.diagnostics, args.format))
    errors = sum(d.severity is Severity.ERROR for d in project.diagnostics)
    warnings = len(project.diagnostics) - errors
    counts = f"{len(project.articles)} article pages, {len(project.terms)} terms"
    print(f"kb check: {errors} error(s), {warnings} warning(s); {counts}; {elapsed:.2f} s", file=sys.stderr)
    return 1 if has_failures(project.diagnostics, args.strict) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .sitebuild import build_site

    return build_site(_root(args), Path(args.site_dir) if args.site_dir else None)


def cmd_stamp(args: argparse.Namespace) -> int:
    from .project import load_project
    from .stamp import stamp

    for path in stamp(load_project(_root(args))):
        print(f"stamped {path}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(_root(args)):
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb", description="Check and build the retention knowledge base.")
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate all content; exit 1 on errors")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--format", choices=("text", "github"), default="text", help="diagnostic format")
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="strict site build; a failed build keeps the previous site")
    build.add_argument("--site-dir", help="output folder (default: site/)")
    build.set_defaults(run=cmd_build)

    commands.add_parser("stamp", help="record original-section digests in translated pages").set_defaults(run=cmd_stamp)
    commands.add_parser("schema", help="write JSON Schemas into schemas/").set_defaults(run=cmd_schema)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
