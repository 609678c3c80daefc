"""A strict MkDocs build that never leaves a broken site behind.

MkDocs writes pages as it goes and aborts on strict warnings only at the
end, so a failed build in place would leave a half-written site. The build
runs into a sibling folder; only a successful build replaces the site.

The languages are split between processes (one per core, at most two by
default): MkDocs builds one page at a time, and mkdocs-static-i18n one
language after the other, so a single process leaves the second core idle.
The processes start together; each checks the content and writes its own
languages' generated pages, and they agree before going on (split_handshake).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from kb.build.cores import default_jobs
from kb.build.language_split import ENVIRONMENT_VARIABLE, chunks
from kb.build.precompress import precompress_site
from kb.build.split_handshake import REPORT_FD_VARIABLE, read_report, verdicts


def build_site(root: Path, site_dir: Path | None = None, offline: bool = False, jobs: int | None = None) -> int:
    site = (site_dir or root / "site").resolve()
    staging = site.with_name(f".{site.name}.staging")
    previous = site.with_name(f".{site.name}.previous")
    groups = chunks(jobs or default_jobs())
    parts = [staging] + [staging.with_name(f"{staging.name}.{n}") for n in range(1, len(groups))]
    for leftover in (*parts, previous):
        shutil.rmtree(leftover, ignore_errors=True)

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Reproducible output: the sitemap dates come from this, not the clock.
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    if offline:
        env.update(KB_OFFLINE="true", KB_DIRECTORY_URLS="false")
    if len(groups) == 1:
        codes = [_mkdocs_build(root, staging, env).wait()]
    else:
        codes = _split_build(root, groups, parts, env)
    failed = next((code for code in codes if code != 0), 0)
    if failed:
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
        return failed
    # Later groups overwrite the shared root files (404 page, assets), as the
    # later languages do in a single-process build. The sitemap lists the pages
    # of the languages built so far, so the groups' lists are joined instead.
    sitemap = _joined_sitemap(parts)
    for part in parts[1:]:
        _merge_into(part, staging)
        shutil.rmtree(part, ignore_errors=True)
    if sitemap is not None:
        _write_sitemap(staging, *sitemap)
    # The offline copy is opened from the file system, where nothing negotiates
    # Content-Encoding: .gz/.br copies there would only double the zip.
    if not offline:
        precompress_site(staging)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def _mkdocs_build(root: Path, site: Path, env: dict[str, str], **popen: Any) -> subprocess.Popen:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)]
    # No --quiet: it silences warnings before strict mode can count them.
    return subprocess.Popen(command, cwd=root, env=env, **popen)


def _split_build(root: Path, groups: list[list[str]], parts: list[Path], env: dict[str, str]) -> list[int]:
    """One MkDocs process per group of languages, started together (see split_handshake)."""
    processes, reports = [], []
    for languages, part in zip(groups, parts):
        report, report_to_us = os.pipe()
        part_env = {**env, ENVIRONMENT_VARIABLE: ",".join(languages), REPORT_FD_VARIABLE: str(report_to_us)}
        processes.append(_mkdocs_build(root, part, part_env, stdin=subprocess.PIPE, pass_fds=(report_to_us,)))
        os.close(report_to_us)  # only the process holds the writing end, so its exit ends our read
        reports.append(report)
    for process, verdict in zip(processes, verdicts([read_report(report) for report in reports])):
        try:
            process.stdin.write(f"{verdict}\n".encode("ascii"))
            process.stdin.close()
        except BrokenPipeError:  # it has already exited
            pass
    return [process.wait() for process in processes]


def _merge_into(source: Path, target: Path) -> None:
    for entry in sorted(os.scandir(source), key=lambda e: e.name):
        destination = target / entry.name
        if entry.is_dir(follow_symlinks=False):
            if destination.is_dir():
                _merge_into(Path(entry.path), destination)
            else:
                os.rename(entry.path, destination)
        else:
            os.replace(entry.path, destination)


def _joined_sitemap(parts: list[Path]) -> tuple[str, int] | None:
    """The sitemap of all groups (their <url> entries in build order) and its gzip time."""
    texts = [(part / "sitemap.xml").read_text(encoding="utf-8") for part in parts if (part / "sitemap.xml").is_file()]
    if len(texts) < 2:
        return None
    bodies = []
    for text in texts:
        start = text.rfind("\n", 0, text.index("<url>")) + 1
        end = text.rindex("</url>") + len("</url>\n")
        bodies.append(text[start:end])
    first, last = texts[0], texts[-1]
    head = first[: first.rfind("\n", 0, first.index("<url>")) + 1]
    tail = last[last.rindex("</url>") + len("</url>\n"):]
    gz_header = (parts[-1] / "sitemap.xml.gz").read_bytes()[:8]
    return head + "".join(bodies) + tail, int.from_bytes(gz_header[4:8], "little")


def _write_sitemap(site: Path, text: str, mtime: int) -> None:
    """As MkDocs writes it: the XML, and a gzip copy stamped with the build time."""
    import gzip

    path = site / "sitemap.xml"
    path.write_bytes(text.encode("utf-8"))
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))


def zip_site(site: Path, archive: Path, folder_name: str) -> None:
    """Zip a built site with fixed timestamps and sorted entries (same input, same bytes)."""
    import zipfile

    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder_name}/{path.relative_to(site).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, path.read_bytes())
