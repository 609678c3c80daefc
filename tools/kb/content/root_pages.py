"""Hand-written pages at a language's root: docs/<lang>/*.md, the home page.

Their front matter is Material's own, and Material prints it into the page as
it is: `title` into the browser tab, the header and the navigation,
`description` into a `<meta>` attribute, `template` picks any theme template.
So these pages get a model like every other content file: the keys they use
(`title`, plain text like every content text, and `hide`), and an error for
anything else. The build escapes the title (kb.plugin.events), so even text
the model lets through reaches the page as text, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from kb.content.articles import parse_front_matter, read_page, split_front_matter
from kb.content.files import content_files
from kb.content.loaded import DOCS_DIR
from kb.content.model import ContentModel, Text
from kb.diagnostics import Diagnostic
from kb.languages import LANGUAGES


class RootPageMeta(ContentModel):
    title: Text | None = Field(None, description="Title in the browser tab and navigation; plain text")
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = Field(
        default_factory=list, description="Parts of Material's layout the page leaves out")


def load_root_pages(root: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    """Each language's root pages (path → text, as read) and what is wrong in them."""
    pages: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        paths, found = content_files(root, f"{DOCS_DIR}/{lang}", ".md")
        problems += found
        for path in paths:
            rel = path.relative_to(root).as_posix()
            text, found = read_page(path.read_bytes(), rel)
            problems += found
            if text is None:
                continue
            front, _, _ = split_front_matter(text)
            if front is not None:
                problems += parse_front_matter(front, rel, RootPageMeta)[2]
            pages[rel] = text
    return pages, problems
