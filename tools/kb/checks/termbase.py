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


# What a termbase is made of, hashable: per glossary file and language, the
# preferred term, the synonyms and the variants to avoid with their reasons.
# (Definitions and the rest of a term are not in it.)
TermbaseKey = tuple[tuple[str, tuple[tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...]], ...]


def termbase_key(terms: Iterable[tuple[GlossaryTerm, str]], languages: Iterable[str]) -> TermbaseKey:
    langs = tuple(languages)
    return tuple(
        (path, tuple((lang, term.term[lang], tuple(term.synonyms[lang]),
                      tuple((entry.term, entry.reason) for entry in term.avoid[lang])) for lang in langs))
        for term, path in terms)


@dataclass(eq=False)  # hashed by identity: `termbase` hands out one object per key
class Termbase:
    """Per language: the variants to avoid and the phrases that are correct."""

    avoided: dict[str, dict[str, list[Variant]]]  # language → first stem → variants
    correct: dict[str, dict[str, list[Stems]]]  # language → first stem → correct phrases

    def findings(self, text: str, lang: str) -> Iterator[tuple[int, int, Variant]]:
        """(start, end, variant) of every avoided variant in a text, as character offsets."""
        avoided = self.avoided.get(lang, {})
        tokens = _tokens(text, lang)
        if not any(stem in avoided for _, _, stem in tokens):
            return  # most texts: no word starts a variant to avoid
        covered: set[int] = set()
        for start, phrase in _matches(tokens, self.correct.get(lang, {}), _same):
            covered.update(range(start, start + len(phrase)))
        reported: set[tuple[int, int]] = set()  # two variants with one stem are one finding
        for start, variant in _matches(tokens, avoided, _variant_stems):
            span = range(start, start + len(variant.stems))
            if not covered.issuperset(span) and (start, span[-1]) not in reported:
                reported.add((start, span[-1]))
                yield tokens[start][0], tokens[span[-1]][1], variant


# Pure functions of their arguments, cached: during `serve` most saves leave the
# termbase as it was (a definition, playbook or quiz edit), and then only the
# texts that changed are searched again. At 4x content the search was over half
# of the content check.
@lru_cache(maxsize=2)
def termbase(key: TermbaseKey) -> Termbase:
    avoided: dict[str, list[Variant]] = {}
    correct: dict[str, list[Stems]] = {}
    for path, by_language in key:
        for lang, preferred, synonyms, avoid in by_language:
            correct.setdefault(lang, []).extend(stems(text, lang) for text in (preferred, *synonyms))
            found = avoided.setdefault(lang, [])
            for variant, reason in avoid:
                pattern = stems(variant, lang)
                if pattern:
                    found.append(Variant(pattern, variant, reason, preferred, path))
    return Termbase({lang: _by_first_stem(found, _variant_stems) for lang, found in avoided.items()},
                    {lang: _by_first_stem(found, _same) for lang, found in correct.items()})


@lru_cache(maxsize=1 << 16)
def _findings(base: Termbase, text: str, lang: str) -> tuple[tuple[int, int, Variant], ...]:
    return tuple(base.findings(text, lang))


def check_terminology(texts: Iterable[Prose], terms: Iterable[tuple[GlossaryTerm, str]],
                      languages: Iterable[str]) -> list[Diagnostic]:
    """Every avoided variant in any of the texts (kb.checks.texts.all_prose), located, with the preferred term."""
    base = termbase(termbase_key(terms, languages))
    problems = []
    for prose in texts:
        for start, end, variant in _findings(base, prose.text, prose.lang):
            surface = prose.text[start:end]
            line, col = prose.locate(surface, start)
            problems.append(error(
                prose.path, line, col, "avoided-term",
                f"'{surface}' is an avoided variant of '{variant.text}' ({variant.reason}): "
                f"write '{variant.preferred}' (termbase: {variant.term_path})",
            ))
    return problems
