"""`kb stamp`: record, in each translated page, the digest of the original
sections it was translated from. Run it after updating a translation."""

from __future__ import annotations

import re

from kb.content.project import Project


def stamp_page_text(text: str, digests: dict[str, str]) -> str:
    """Rewrite the front matter's translation.sections as 'id: digest' lines."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = re.match(r"^(\s+)sections:\s*(\[.*\])?\s*$", line)
        if match and out and any(line.startswith("translation:") for line in out):
            indent = match.group(1)
            out.append(f"{indent}sections:")
            index += 1
            # skip the old entries (a block list or mapping, more indented)
            while index < len(lines) and lines[index].startswith(indent + " ") :
                index += 1
            out += [f"{indent}  {sid}: {value}" for sid, value in digests.items()]
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def stamp(project: Project) -> list[str]:
    changed = []
    for page in project.articles.values():
        tr = page.meta.translation
        if tr is None:
            continue
        original = project.article(page.slug, tr.from_)
        if original is None:
            continue
        sections = {sid: original.section(sid) for sid in page.translated_sections}
        digests = {sid: section.digest for sid, section in sections.items() if section is not None}
        path = project.root / page.path
        text = path.read_text(encoding="utf-8")
        updated = stamp_page_text(text, digests)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            changed.append(page.path)
    return changed
