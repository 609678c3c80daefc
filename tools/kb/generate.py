"""Write generated pages into docs/<lang>/ as real files.

mkdocs-static-i18n cannot handle pages created in memory, so generated pages
are files under folders that are gitignored and never edited by hand. They
are written only when their content changes, so `mkdocs serve` does not
rebuild in a loop.
"""

from __future__ import annotations

from pathlib import Path

from .languages import LANGUAGES
from .project import DOCS_DIR, Project
from .render.glossary import glossary_markdown
from .render.status import status_markdown
from .validate import today

# Folders under docs/<lang>/ that belong to the build (see .gitignore).
GENERATED_DIRS: tuple[str, ...] = ("glossary", "status")


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
    """Path under docs/ → Markdown, for every generated page."""
    pages = {}
    for lang in LANGUAGES:
        pages[f"{lang}/glossary/index.md"] = glossary_markdown(project, lang)
        pages[f"{lang}/status/index.md"] = status_markdown(project, lang, today())
    return pages


def write_generated_pages(project: Project) -> list[str]:
    """Write all generated pages; return the ones that changed."""
    changed = []
    for rel, text in sorted(generated_pages(project).items()):
        if write_if_changed(project.root / DOCS_DIR / rel, text):
            changed.append(rel)
    return changed
