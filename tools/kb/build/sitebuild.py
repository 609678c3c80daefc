"""A strict MkDocs build that never leaves a broken site behind.

MkDocs writes pages as it goes and aborts on strict warnings only at the
end, so a failed build in place would leave a half-written site. The build
runs into a sibling folder; only a successful build replaces the site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kb.content.project import mkdocs_config_problems
from kb.build.precompress import precompress_site
from kb.diagnostics import render
from kb.zipfiles import fixed_zip


def build_site(root: Path, site_dir: Path | None = None, offline: bool = False) -> int:
    site = (site_dir or root / "site").resolve()
    config_problems = mkdocs_config_problems(root)
    if config_problems:  # MkDocs would stop at them with a message that names no line
        print(render(config_problems), file=sys.stderr)
        return 1
    staging = site.with_name(f".{site.name}.staging")
    previous = site.with_name(f".{site.name}.previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Reproducible output: the sitemap dates come from this, not the clock.
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    if offline:
        env.update(KB_OFFLINE="true", KB_DIRECTORY_URLS="false")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)]
    # No --quiet: it silences warnings before strict mode can count them.
    code = subprocess.run(command, cwd=root, env=env).returncode
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return code
    # The offline copy is opened from the file system, where nothing negotiates
    # Content-Encoding: .gz/.br copies there would only double the zip.
    if not offline:
        precompress_site(staging)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def zip_site(site: Path, archive: Path, folder_name: str) -> None:
    """Zip a built site with fixed timestamps and sorted entries (same input, same bytes)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    archive.write_bytes(fixed_zip((f"{folder_name}/{p.relative_to(site).as_posix()}", p.read_bytes()) for p in paths))
