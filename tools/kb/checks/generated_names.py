"""File names the build makes from content IDs: short enough, and never the same twice.

Each quiz module becomes three pages (`<id>.md`, `<id>-sheet.md`,
`<id>-key.md`) and each playbook one, written through a `.tmp` file and, in
the offline site, published as `.html`. A file name may be at most 255
bytes on every common file system, and a module whose ID is another's plus
`-key` would overwrite that module's answer key page (or the other way round).
"""

from __future__ import annotations

from kb.content.quiz import QUIZ_PAGE_SUFFIXES

MAX_NAME_BYTES = 255
# The longest names made from a page's stem: the temporary file it is written
# through (generate.write_if_changed) and its page in the offline site.
_STEM_ENDINGS = (".md.tmp", ".html")
# Index pages the build writes next to the generated ones.
RESERVED_STEMS = frozenset({"index"})


def quiz_page_stems(module_id: str) -> list[str]:
    return [module_id + suffix for suffix in QUIZ_PAGE_SUFFIXES]


def longest_name(stems: list[str]) -> str:
    return max((stem + ending for stem in stems for ending in _STEM_ENDINGS), key=lambda n: len(n.encode("utf-8")))


def name_problem(item_id: str, stems: list[str]) -> str | None:
    """Why the pages made from `item_id` cannot be written, or None."""
    if any(stem in RESERVED_STEMS for stem in stems):
        return f"ID '{item_id}' is the name of the section's index page: choose another ID"
    longest = longest_name(stems)
    size = len(longest.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        spare = size - len(item_id.encode("utf-8"))
        return (f"ID is {len(item_id)} characters: the generated file '{longest[:20]}…' would be {size} bytes, "
                f"more than the {MAX_NAME_BYTES} a file name may have; shorten the ID to at most "
                f"{MAX_NAME_BYTES - spare} characters")
    return None


def colliding_quiz_ids(module_ids: list[str]) -> dict[str, str]:
    """Module ID → the other module ID one of whose pages has the same name."""
    owner: dict[str, str] = {}
    clashes: dict[str, str] = {}
    for module_id in sorted(module_ids):
        for stem in quiz_page_stems(module_id):
            if stem in owner and owner[stem] != module_id:
                clashes[module_id] = owner[stem]
            owner.setdefault(stem, module_id)
    return clashes
