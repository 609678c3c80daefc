"""What the build depends on besides docs/, and a cheap way to see it changed."""

from __future__ import annotations

from pathlib import Path

# Content outside docs/ that `mkdocs serve` must watch and the plugin must reload.
WATCHED_DIRS: tuple[str, ...] = ("glossary", "playbooks", "quizzes", "locales", "sources", "docs")

_GENERATED_MARKER = ".generated"


def fingerprint(root: Path) -> tuple:
    """(path, mtime, size) of every content file; generated pages are left out."""
    entries = []
    for name in WATCHED_DIRS:
        folder = root / name
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and _GENERATED_MARKER not in path.name:
                stat = path.stat()
                entries.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
