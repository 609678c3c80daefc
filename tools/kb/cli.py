"""`kb`: command-line shell over the core. Argument parsing only."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from kb.diagnostics import Severity, has_failures, render


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def cmd_check(args: argparse.Namespace) -> int:
    from kb.content.project import load_project

    start = time.perf_counter()
    project = load_project(_root(args), check_only=True)
    elapsed = time.perf_counter() - start
    if project.diagnostics:
        print(render(project.diagnostics, args.format))
    count = {severity: sum(d.severity is severity for d in project.diagnostics) for severity in Severity}
    content = (f"{len(project.articles)} article pages, {len(project.terms)} terms, "
               f"{len(project.playbooks)} playbooks, {len(project.quiz_digests)} quiz modules "
               f"({sum(d.questions for d in project.quiz_digests.values())} questions)")
    print(f"kb check: {count[Severity.ERROR]} error(s), {count[Severity.WARNING]} warning(s), "
          f"{count[Severity.NOTE]} note(s); {content}; {elapsed:.2f} s", file=sys.stderr)
    return 1 if has_failures(project.diagnostics, args.strict) else 0


def cmd_build(args: argparse.Namespace) -> int:
    from kb.build.sitebuild import build_site

    return build_site(_root(args), Path(args.site_dir) if args.site_dir else None)


def cmd_offline(args: argparse.Namespace) -> int:
    from kb.build.sitebuild import build_site, zip_site

    root = _root(args)
    site = root / "build" / "offline" / "site"
    code = build_site(root, site, offline=True)
    if code == 0:
        archive = Path(args.out).resolve()
        zip_site(site, archive, "retention-kb")
        print(f"wrote {archive}: unzip it and open retention-kb/index.html", file=sys.stderr)
    return code


def cmd_stamp(args: argparse.Namespace) -> int:
    from kb.content.project import load_project
    from kb.content.stamp import stamp

    for path in stamp(load_project(_root(args))):
        print(f"stamped {path}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kb.content.schema import write_schemas

    for path in write_schemas(_root(args)):
        print(f"wrote {path}")
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    from kb.clock import today
    from kb.content.project import load_project
    from kb.lms.receipts import module_catalogue, write_cohort
    from kb.render.training import module_order

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"kb receipts: {folder} is not a folder", file=sys.stderr)
        return 2
    # Receipts are checked against the modules as they are now (IDs, versions, pass marks).
    catalogue = module_catalogue(module_order(load_project(_root(args))))
    written, problems = write_cohort(folder, Path(args.out) if args.out else folder, catalogue, today())
    if problems:
        print(render(problems))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from kb.lms.gift import gift_document
    from kb.lms.qti import qti_package
    from kb.lms.scorm import VERSIONS as SCORM_VERSIONS, package_name, scorm_package
    from kb.languages import LANGUAGES
    from kb.content.project import load_project
    from kb.render.training import export_names, module_order

    project = load_project(_root(args))
    if has_failures(project.diagnostics, strict=False):
        print(render(project.diagnostics))
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    modules = module_order(project)
    for lang in LANGUAGES:
        names = export_names(lang)
        (out / names["qti"]).write_bytes(qti_package(modules, lang))
        (out / names["gift"]).write_text(gift_document(modules, lang), encoding="utf-8")
        print(f"wrote {out / names['qti']}\nwrote {out / names['gift']}")
        for module in modules:
            for version in SCORM_VERSIONS:
                path = out / package_name(lang, module.id, version)
                path.write_bytes(scorm_package(project, module, lang, version, args.site_url or None))
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

    offline = commands.add_parser("offline", help="zip of the site that works from the file system")
    offline.add_argument("--out", default="build/retention-kb-offline.zip", help="zip to write")
    offline.set_defaults(run=cmd_offline)

    commands.add_parser("stamp", help="record original-section digests in translated pages").set_defaults(run=cmd_stamp)
    commands.add_parser("schema", help="write JSON Schemas into schemas/").set_defaults(run=cmd_schema)

    receipts = commands.add_parser("receipts", help="cohort table (CSV) and chart (HTML) from a folder of receipts")
    receipts.add_argument("folder", help="folder of receipt .json files")
    receipts.add_argument("--out", help="output folder (default: the receipts folder)")
    receipts.set_defaults(run=cmd_receipts)

    export = commands.add_parser("export", help="LMS exports (QTI 2.1, Moodle GIFT, SCORM 1.2 and 2004) for every language")
    export.add_argument("--out", default="build/exports", help="output folder (default: build/exports)")
    export.add_argument("--site-url", default=os.environ.get("KB_SITE_URL"),
                        help="published site address: SCORM packages link their citations there "
                             "(default: $KB_SITE_URL; without it citations are plain text)")
    export.set_defaults(run=cmd_export)

    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
