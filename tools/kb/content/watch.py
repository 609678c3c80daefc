"""What the build reads besides MkDocs' own inputs, and a cheap way to see it changed."""

from __future__ import annotations

from pathlib import Path

# Content that `mkdocs serve` must watch and the plugin must reload on change.
WATCHED_DIRS: tuple[str, ...] = ("glossary", "playbooks", "quizzes", "locales", "sources")
# Single files at the top: company settings, and mkdocs.yml for the articles' reading order.
WATCHED_FILES: tuple[str, ...] = ("company.yml", "mkdocs.yml")
# Inside docs/, only hand-written article pages feed the content model.
WATCHED_GLOBS: tuple[str, ...] = ("docs/*/articles/*.md",)


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of every content file the project is loaded from."""
    paths = [p for name in WATCHED_DIRS if (root / name).is_dir() for p in (root / name).rglob("*")]
    paths += [root / name for name in WATCHED_FILES]
    paths += [p for pattern in WATCHED_GLOBS for p in root.glob(pattern)]
    entries = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            entries.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
