"""The five source articles, kept verbatim with their SHA-256 sums."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kb.diagnostics import Diagnostic, error

SOURCES_DIR = "sources"
SUMS_FILE = "SHA256SUMS"

# Source file → language of its text (from sources/README.md).
SOURCE_LANGUAGE = {
    "000_88bb955b8ffc392c.txt": "lt",
    "001_32cc61a535f0a16f.txt": "it",
    "002_af793af92d20ddf4.txt": "pl",
    "003_7c95560c72ac2e20.txt": "fi",
    "004_5fc892776a1d17f7.txt": "lt",
}


def recorded_sums(root: Path) -> dict[str, str]:
    sums = {}
    for line in (root / SOURCES_DIR / SUMS_FILE).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            sums[name] = digest
    return sums


def check_sources(root: Path) -> list[Diagnostic]:
    """Every source is present and byte-identical to the delivered file."""
    problems = []
    sums_path = f"{SOURCES_DIR}/{SUMS_FILE}"
    if not (root / sums_path).is_file():
        return [error(sums_path, 1, 1, "missing-file",
                      f"{sums_path} is missing: restore it from the delivery (it proves the sources are verbatim)")]
    try:
        sums = recorded_sums(root)
    except UnicodeDecodeError:
        return [error(sums_path, 1, 1, "invalid-utf8", f"{sums_path} is not valid UTF-8: restore it from the delivery")]
    for lineno, name in enumerate(sums, start=1):
        path = root / SOURCES_DIR / name
        if not path.is_file():
            problems.append(error(sums_path, lineno, 1, "missing-source", f"source file {name} is missing"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != sums[name]:
            problems.append(error(f"{SOURCES_DIR}/{name}", 1, 1, "source-changed",
                                  "source files are kept verbatim; put editorial fixes in the article pages"))
    for name in SOURCE_LANGUAGE:
        if name not in sums:
            problems.append(error(sums_path, 1, 1, "missing-source", f"no checksum recorded for {name}"))
    return problems
