"""Deterministic zip archives for LMS packages (QTI, SCORM).

Entries are sorted and carry a fixed timestamp and mode, so the same files
always give byte-identical archives, whatever the clock or the umask.
"""

from __future__ import annotations

import io
import zipfile
from typing import Mapping

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(files: Mapping[str, str | bytes]) -> bytes:
    """Path inside the archive → content (text is written as UTF-8)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            content = files[name]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
