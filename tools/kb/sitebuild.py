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


def build_site(root: Path, site_dir: Path | None = None, extra_args: tuple[str, ...] = ()) -> int:
    site = (site_dir or root / "site").resolve()
    staging = site.with_name(f".{site.name}.staging")
    previous = site.with_name(f".{site.name}.previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Reproducible output: the sitemap dates come from this, not the clock.
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging), *extra_args]
    # No --quiet: it silences warnings before strict mode can count them.
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return result.returncode
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
