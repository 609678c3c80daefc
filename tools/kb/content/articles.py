"""Article pages: Markdown under docs/<lang>/articles/ with a small front matter.

An article is published in every language under the same slug. Its `##` and
`###` headings carry explicit IDs (`## Heading {#section-id}`) that are the
same in every language, so content can cite `slug#section-id` anywhere.
Translated sections record a digest of the original section they were made
from; when the original changes, the digest no longer matches.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Annotated, Literal, TypeVar

from pydantic import Field, StringConstraints

from kb.diagnostics import Diagnostic, error
from kb.content.load import Located, load_yaml
from kb.content.model import ContentModel, KebabId, forbidden_character
from kb.content.typecheck import parse_model

Language = Literal["lt", "it", "pl", "fi"]
SourceName = Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]

M = TypeVar("M", bound=ContentModel)

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_HEADING_ID = re.compile(r"^(.*?)\s*\{\s*#([^\s}]+)\s*\}$")


class Translation(ContentModel):
    """Which sections of a page are translations, and of which original."""

    from_: Language = Field(alias="from", description="Language of the original page the sections were translated from")
    sections: dict[KebabId, str] | list[KebabId] = Field(
        description="Translated section IDs; `kb stamp` turns the list into ID: digest of the original section"
    )


class ArticleMeta(ContentModel):
    article: KebabId = Field(description="Article slug, the same in every language")
    source: SourceName = Field(description="Source file in sources/ this page's text comes from")
    translation: Translation | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    level: int
    line: int
    digest: str


@dataclass
class ArticlePage:
    path: str
    lang: str
    meta: ArticleMeta
    title: str
    sections: list[Section]
    located: Located
    front_matter_lines: int
    text: str  # the whole file, as read (for checks on the raw text)

    @property
    def slug(self) -> str:
        return self.meta.article

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def translated_sections(self) -> dict[str, str | None]:
        tr = self.meta.translation
        if tr is None:
            return {}
        if isinstance(tr.sections, list):
            return {sid: None for sid in tr.sections}
        return dict(tr.sections)

    def where_meta(self, *path: object) -> tuple[int, int]:
        return self.located.where(tuple(path))  # lines of the file (parse_front_matter)


def digest(text: str) -> str:
    """Stable digest of a section's text; blank-line and spacing changes do not count."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, number of lines before the body)."""
    if not text.startswith("---\n"):
        return None, text, 0
    end = text.find("\n---\n", 3)
    if end < 0:
        return None, text, 0
    front = text[4:end + 1]
    return front, text[end + 5:], front.count("\n") + 2


def parse_sections(body: str, first_line: int, path: str) -> tuple[str, list[Section], list[Diagnostic]]:
    """The H1 title and the ID'd sections of a page body."""
    title = ""
    sections: list[Section] = []
    problems: list[Diagnostic] = []
    lines = body.split("\n")
    in_fence = False
    current: tuple[str, str, int, int] | None = None
    buffer: list[str] = []

    def close() -> None:
        if current:
            sid, heading, level, line = current
            # The heading counts: retitling a section also outdates its translations.
            sections.append(Section(sid, heading, level, line, digest(heading + "\n" + "\n".join(buffer))))

    fence_line = 0
    for index, line in enumerate(lines):
        lineno = first_line + index
        if _FENCE.match(line):
            in_fence = not in_fence
            fence_line = lineno
        match = None if in_fence else _HEADING.match(line)
        if not match:
            buffer.append(line)
            continue
        level = len(match.group(1))
        heading = match.group(2)
        with_id = _HEADING_ID.match(heading)
        if level == 1:
            if title:
                problems.append(error(path, lineno, 1, "second-title", "a page has one '# Title'; use '##' for sections"))
            title = with_id.group(1) if with_id else heading
            close()
            current, buffer = None, []
            continue
        close()
        buffer = []
        if not with_id:
            problems.append(error(path, lineno, 1, "missing-section-id",
                                  f"heading '{heading}' needs an ID so it can be cited: '{match.group(1)} {heading} {{#section-id}}'"))
            current = None
            continue
        sid = with_id.group(2)
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", sid):
            problems.append(error(path, lineno, len(match.group(1)) + 2, "invalid-id",
                                  f"section ID '{sid}' is not kebab-case"))
        if any(s.id == sid for s in sections) or (current and current[0] == sid):
            problems.append(error(path, lineno, 1, "duplicate-id", f"section ID '{sid}' is used twice on this page"))
        current = (sid, with_id.group(1), level, lineno)
    close()
    if in_fence:
        # Everything after it would be code, and its sections would look missing in every
        # other language (dozens of errors elsewhere). Report it here, and read the
        # sections as if the fence were not there.
        unfenced = lines[:fence_line - first_line] + [""] + lines[fence_line - first_line + 1:]
        title, sections, problems = parse_sections("\n".join(unfenced), first_line, path)
        return title, sections, problems + [error(
            path, fence_line, 1, "unclosed-fence",
            "this code fence is never closed, so everything after it is code: close it with a line of the same "
            "backticks or tildes")]
    if not title:
        problems.append(error(path, first_line, 1, "missing-title", "the page needs a '# Title' line"))
    return title, sections, problems


def read_page(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """A Markdown page's text with LF line ends (None if it is not UTF-8), and its control characters."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [error(path, line, 1, "invalid-utf8", "the page is not valid UTF-8")]
    # Windows editors save CRLF; lines and columns are the same once it is LF.
    text = text.replace("\r\n", "\n")
    control = []
    if not text.isprintable() and (found := forbidden_character(text)) is not None:
        offset = text.index(chr(int(found[2:], 16)))
        control.append(error(path, text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset),
                             "control-character", f"character {found} is not allowed in text (a control character): "
                             "remove it"))
    return text, control


def parse_front_matter(front: str, path: str, model: type[M]) -> tuple[M | None, Located | None, list[Diagnostic]]:
    """The front matter read as `model`, with positions and messages on the file's own lines."""
    # One empty line stands for the opening '---', so YAML counts lines as the file does.
    located, problems = load_yaml(b"\n" + front.encode("utf-8"), path)
    if located is None:
        return None, None, problems
    meta, problems = parse_model(model, located, path)
    return meta, located, problems


def load_article(raw: bytes, path: str, lang: str) -> tuple[ArticlePage | None, list[Diagnostic]]:
    text, control = read_page(raw, path)
    if text is None:
        return None, control
    front, body, offset = split_front_matter(text)
    if front is None:
        return None, [error(path, 1, 1, "missing-front-matter",
                            "an article page starts with front matter: '---', article:, source:, '---'")]
    meta, located, problems = parse_front_matter(front, path, ArticleMeta)
    if located is None:
        return None, problems
    title, sections, section_problems = parse_sections(body, offset + 1, path)
    problems += section_problems
    problems += control
    if meta is None:
        return None, problems
    return ArticlePage(path, lang, meta, title, sections, located, offset, text), problems
