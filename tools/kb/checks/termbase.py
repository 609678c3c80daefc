"""The termbase rule: one preferred term per concept and language.

Each glossary term names its preferred term (`term`) and the variants to avoid
(`avoid`, with a reason). A variant is found in any inflected form: texts and
variants are compared word by word through the search's Snowball stems, so
Finnish `irtisanomisesta` and Polish `skargi` are caught from their base forms.
A match that lies inside an occurrence of a preferred term or listed synonym
is not reported (an avoided single word may be part of a correct phrase).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from kb.checks.texts import Prose
from kb.content.model import GlossaryTerm
from kb.diagnostics import Diagnostic, error
from kb.search.normalize import TOKEN, key

Stems = tuple[str, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class Variant:
    stems: Stems
    text: str
    reason: str
    preferred: str
    term_path: str


def stems(text: str, lang: str) -> Stems:
    return tuple(key(word.lower(), lang) for word in TOKEN.findall(text))


# A pure function of its arguments, cached because the same texts are checked on
# every `kb check` of a serve session (most of the check's time at 4x content).
@lru_cache(maxsize=1 << 16)
def _tokens(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), key(m.group(0).lower(), lang)) for m in TOKEN.finditer(text))


def _matches(tokens: tuple[tuple[int, int, str], ...], patterns: dict[str, list[T]],
             stems_of: Callable[[T], Stems]) -> Iterator[tuple[int, T]]:
    """(token index, pattern) for every pattern that starts at a token; patterns are indexed by first stem."""
    for index, (_, _, first) in enumerate(tokens):
        for pattern in patterns.get(first, ()):
            words = stems_of(pattern)
            if tuple(t[2] for t in tokens[index:index + len(words)]) == words:
                yield index, pattern


def _by_first_stem(items: Iterable[T], stems_of: Callable[[T], Stems]) -> dict[str, list[T]]:
    index: dict[str, list[T]] = {}
    for item in items:
        if stems_of(item):
            index.setdefault(stems_of(item)[0], []).append(item)
    return index


def _same(phrase: Stems) -> Stems:
    return phrase


def _variant_stems(variant: Variant) -> Stems:
    return variant.stems


@dataclass
class Termbase:
    """Per language: the variants to avoid and the phrases that are correct."""

    avoided: dict[str, dict[str, list[Variant]]]  # language → first stem → variants
    correct: dict[str, dict[str, list[Stems]]]  # language → first stem → correct phrases

    @classmethod
    def from_terms(cls, terms: Iterable[tuple[GlossaryTerm, str]], languages: Iterable[str]) -> Termbase:
        avoided: dict[str, list[Variant]] = {lang: [] for lang in languages}
        correct: dict[str, list[Stems]] = {lang: [] for lang in avoided}
        for term, path in terms:
            for lang in avoided:
                for text in (term.term[lang], *term.synonyms[lang]):
                    correct[lang].append(stems(text, lang))
                for entry in term.avoid[lang]:
                    pattern = stems(entry.term, lang)
                    if pattern:
                        avoided[lang].append(Variant(pattern, entry.term, entry.reason, term.term[lang], path))
        return cls({lang: _by_first_stem(found, _variant_stems) for lang, found in avoided.items()},
                   {lang: _by_first_stem(found, _same) for lang, found in correct.items()})

    def findings(self, prose: Prose) -> Iterator[tuple[int, int, Variant]]:
        """(start, end, variant) of every avoided variant in a text, as character offsets."""
        avoided = self.avoided.get(prose.lang, {})
        tokens = _tokens(prose.text, prose.lang)
        if not any(stem in avoided for _, _, stem in tokens):
            return  # most texts: no word starts a variant to avoid
        covered: set[int] = set()
        for start, phrase in _matches(tokens, self.correct.get(prose.lang, {}), _same):
            covered.update(range(start, start + len(phrase)))
        reported: set[tuple[int, int]] = set()  # two variants with one stem are one finding
        for start, variant in _matches(tokens, avoided, _variant_stems):
            span = range(start, start + len(variant.stems))
            if not covered.issuperset(span) and (start, span[-1]) not in reported:
                reported.add((start, span[-1]))
                yield tokens[start][0], tokens[span[-1]][1], variant


def check_terminology(texts: Iterable[Prose], terms: Iterable[tuple[GlossaryTerm, str]],
                      languages: Iterable[str]) -> list[Diagnostic]:
    """Every avoided variant in any of the texts (kb.checks.texts.all_prose), located, with the preferred term."""
    termbase = Termbase.from_terms(terms, languages)
    problems = []
    for prose in texts:
        for start, end, variant in termbase.findings(prose):
            surface = prose.text[start:end]
            line, col = prose.locate(surface, start)
            problems.append(error(
                prose.path, line, col, "avoided-term",
                f"'{surface}' is an avoided variant of '{variant.text}' ({variant.reason}): "
                f"write '{variant.preferred}' (termbase: {variant.term_path})",
            ))
    return problems
