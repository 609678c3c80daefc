"""Write generated pages into docs/<lang>/ as real files.

mkdocs-static-i18n cannot handle pages created in memory, so generated pages
are files (gitignored). They are written only when their content changes, so
`mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

from pathlib import Path

from .project import Project

GENERATED_SUFFIX = ".generated.md"


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def generated_pages(project: Project) -> dict[str, str]:
    """Site-relative docs path → Markdown, for every generated page."""
    return {}


def write_generated_pages(project: Project) -> list[str]:
    """Write all generated pages; return the ones that changed."""
    changed = []
    for rel, text in sorted(generated_pages(project).items()):
        if write_if_changed(project.root / "docs" / rel, text):
            changed.append(rel)
    return changed
