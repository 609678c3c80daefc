"""The typed content model shared by glossary terms, playbooks and quiz modules.

Every model forbids unknown fields, so a typo is an error rather than a
silently ignored key. Localized text requires all four languages, so a
missing translation is a located error rather than a gap on the site.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from kb.languages import LANGUAGES

KEBAB_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CITATION = r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$"

# Text fields are Markdown and are HTML-escaped when rendered; these patterns
# are refused outright so an author learns about them instead of seeing them
# disappear.
_UNSAFE_HTML = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style)\b|\bon[a-z]+\s*=|javascript\s*:", re.I)


# Characters XML 1.0 forbids (the QTI export is XML) and that no editor means to type.
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(value: str) -> str | None:
    """The first character of `value` that XML 1.0 does not allow, as U+XXXX, or None."""
    match = _FORBIDDEN_CHARACTER.search(value)
    return f"U+{ord(match.group(0)):04X}" if match else None


def _safe_text(value: str) -> str:
    if not value.isprintable() and (found := forbidden_character(value)) is not None:
        raise PydanticCustomError(
            "control-character",
            "character {found} is not allowed in text (a control character, which XML 1.0 and so the LMS "
            "exports forbid): remove it",
            {"found": found},
        )
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


# Review dates are real dates of real reviews; anything far outside this range is
# a typo (9999-12-31 would also overflow the due-date arithmetic).
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2099, 12, 31)


def _plausible_date(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError("date-out-of-range", "{value} is not a plausible review date (years 2000 to 2099)",
                                  {"value": value.isoformat()})
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
    last_reviewed: Annotated[date, AfterValidator(_plausible_date)] = Field(
        description="Date of the last review (YYYY-MM-DD)")
    interval_days: int = Field(gt=0, le=1096, description="Days until the next review is due")

    @property
    def due(self) -> date:
        return self.last_reviewed + timedelta(days=self.interval_days)

    def overdue(self, today: date) -> bool:
        return today > self.due


AvoidReason = Literal["calque", "coinage", "machine-translation", "wrong-register", "different-concept", "vendor-jargon"]


class AvoidedTerm(ContentModel):
    """A variant writers must not use for this concept, and why."""

    term: Text = Field(description="The variant in its base (dictionary) form; inflected forms are found by stemming")
    reason: AvoidReason = Field(description="Why it is avoided")
    note: Text | None = Field(default=None, description="One short sentence for authors")


class LocalizedAvoidList(ContentModel):
    """Variants to avoid, per language; a language with nothing to avoid is left out."""

    lt: list[AvoidedTerm] = Field(default_factory=list)
    it: list[AvoidedTerm] = Field(default_factory=list)
    pl: list[AvoidedTerm] = Field(default_factory=list)
    fi: list[AvoidedTerm] = Field(default_factory=list)

    def __getitem__(self, lang: str) -> list[AvoidedTerm]:
        entries: list[AvoidedTerm] = getattr(self, lang)
        return entries


class GlossaryTerm(ContentModel):
    """One term of the glossary, in all four languages."""

    id: KebabId = Field(description="Stable kebab-case ID; also the file name and the page anchor")
    term: LocalizedText
    definition: LocalizedText
    synonyms: LocalizedList = Field(description="Other names for the same thing")
    forms: LocalizedList = Field(description="Inflected forms people type, lowercase, base form first")
    cite: Citation = Field(description="article-slug#section-id the definition comes from")
    related: list[KebabId] = Field(default_factory=list, description="IDs of related glossary terms")
    avoid: LocalizedAvoidList = Field(
        default_factory=LocalizedAvoidList,
        description="Termbase: variants writers must not use for this concept; `term` is the one preferred term",
    )
    review: Review

    def search_forms(self, lang: str) -> list[str]:
        """What staff may type to find this term: every form, and the variants writers
        avoid (a rep who knows only the old or wrong word must still find the page)."""
        seen = dict.fromkeys(self.all_forms(lang))
        for entry in self.avoid[lang]:
            seen.setdefault(entry.term.lower(), None)
        return list(seen)

    def all_forms(self, lang: str) -> list[str]:
        """The term, its synonyms and their inflected forms, lowercased, without repeats."""
        seen: dict[str, None] = {}
        for text in [self.term[lang], *self.synonyms[lang], *self.forms[lang]]:
            seen.setdefault(text.lower(), None)
        return list(seen)


assert set(LocalizedText.model_fields) == set(LANGUAGES) == set(LocalizedAvoidList.model_fields)
