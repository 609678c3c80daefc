"""The typed content model shared by glossary terms, playbooks and quiz modules.

Every model forbids unknown fields, so a typo is an error rather than a
silently ignored key. Localized text requires all four languages, so a
missing translation is a located error rather than a gap on the site.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from kb.languages import LANGUAGES

KEBAB_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CITATION = r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$"

# Text fields are Markdown and are HTML-escaped when rendered; these patterns
# are refused outright so an author learns about them instead of seeing them
# disappear.
_UNSAFE_HTML = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style)\b|\bon[a-z]+\s*=|javascript\s*:", re.I)


def _safe_text(value: str) -> str:
    # Each pattern needs "<", "=" or "javascript:"; most texts have none of them,
    # and these substring tests are far cheaper than the search (kb check runs this
    # on every text).
    if "<" not in value and "=" not in value and (":" not in value or "javascript" not in value.lower()):
        return value
    match = _UNSAFE_HTML.search(value)
    if match:
        raise PydanticCustomError(
            "unsafe-html",
            "'{found}' is not allowed in text: no scripts, event-handler attributes or javascript: links",
            {"found": match.group(0)},
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_safe_text)]
KebabId = Annotated[str, StringConstraints(pattern=KEBAB_ID)]
Citation = Annotated[str, StringConstraints(pattern=CITATION)]


class ContentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(ContentModel):
    """A text in every site language; none may be missing or empty."""

    lt: Text
    it: Text
    pl: Text
    fi: Text

    def __getitem__(self, lang: str) -> str:
        text: str = getattr(self, lang)
        return text


class LocalizedList(ContentModel):
    """A list of short texts per language (synonyms, word forms); lists may be empty."""

    lt: list[Text]
    it: list[Text]
    pl: list[Text]
    fi: list[Text]

    def __getitem__(self, lang: str) -> list[str]:
        texts: list[str] = getattr(self, lang)
        return texts


class Review(ContentModel):
    """Who keeps an item correct, and how often it must be looked at again."""

    owner: Text = Field(description="Team or role responsible for the item")
    last_reviewed: date = Field(description="Date of the last review (YYYY-MM-DD)")
    interval_days: int = Field(gt=0, le=1096, description="Days until the next review is due")

    @property
    def due(self) -> date:
        return self.last_reviewed + timedelta(days=self.interval_days)

    def overdue(self, today: date) -> bool:
        return today > self.due


class GlossaryTerm(ContentModel):
    """One term of the glossary, in all four languages."""

    id: KebabId = Field(description="Stable kebab-case ID; also the file name and the page anchor")
    term: LocalizedText
    definition: LocalizedText
    synonyms: LocalizedList = Field(description="Other names for the same thing")
    forms: LocalizedList = Field(description="Inflected forms people type, lowercase, base form first")
    cite: Citation = Field(description="article-slug#section-id the definition comes from")
    related: list[KebabId] = Field(default_factory=list, description="IDs of related glossary terms")
    review: Review

    def all_forms(self, lang: str) -> list[str]:
        """The term, its synonyms and their inflected forms, lowercased, without repeats."""
        seen: dict[str, None] = {}
        for text in [self.term[lang], *self.synonyms[lang], *self.forms[lang]]:
            seen.setdefault(text.lower(), None)
        return list(seen)


assert set(LocalizedText.model_fields) == set(LANGUAGES)
