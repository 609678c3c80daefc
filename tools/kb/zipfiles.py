"""Zip archives with the same bytes for the same files (the offline site, LMS packages).

Entries are written in the order given, each stamped 1980-01-01 00:00 (the
earliest time a zip can hold) with the same permissions, so neither the clock
nor the file system leaks into the archive.
"""

from __future__ import annotations

import io
import zipfile
from typing import Iterable, Mapping

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def fixed_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, content) pairs, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def sorted_zip(files: Mapping[str, str | bytes]) -> bytes:
    """A zip of path → content (text written as UTF-8), entries sorted by path (LMS packages)."""
    return fixed_zip((name, content.encode("utf-8") if isinstance(content, str) else content)
                     for name, content in sorted(files.items()))
