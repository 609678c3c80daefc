"""Search normalisation, identical at build time (here) and in the browser
(worker.js, with the stemmers translated by snowball_js): lowercase, split
into words, Snowball-stem in the page's language, then fold diacritics.

Stemming needs the diacritics (Polish `-ość`, Lithuanian `-ą`), so a query
typed without them is first mapped back through the index vocabulary: the
folded form of every word on the site points to the key of that word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

TOKEN = re.compile(r"[^\W_]+")
ALGORITHMS = {"lt": "lithuanian", "it": "italian", "pl": "polish", "fi": "finnish"}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Remove diacritics: š→s, ą→a, ä→a, à→a; ł has no decomposition, so l."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def words(text: str) -> list[str]:
    return TOKEN.findall(unicodedata.normalize("NFC", text).lower())


# One stemmer per language for the process: a stemmer keeps its working state
# only for the duration of one stemWord call, and kb stems from one thread.
@lru_cache(maxsize=4)
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    return snowballstemmer.stemmer(ALGORITHMS[lang])


@lru_cache(maxsize=200_000)
def key(word: str, lang: str) -> str:
    """Index key of one lowercase word."""
    return fold(_stemmer(lang).stemWord(word))


def query_keys(text: str, lang: str, vocabulary: dict[str, str]) -> list[str]:
    """Keys of a query: a known word (with or without diacritics) through the vocabulary."""
    return [vocabulary.get(fold(word)) or key(word, lang) for word in words(text)]


# Little words of a typed sentence ("how do I answer a complaint letter"):
# they do not say what the sentence is about, so a whole sentence ranks by its
# other words. Only search scoring skips them; a title containing them still
# counts as matching, so an article's title typed in full finds the article.
STOP_WORDS: dict[str, tuple[str, ...]] = {
    "lt": ("kaip", "kas", "ką", "yra", "ir", "į", "su", "ar", "kad", "ko", "kur", "kodėl", "noriu", "nori",
           "norėtų", "mano", "jis", "ji", "tai", "apie", "man", "jam", "jai", "ne", "kai", "o", "bet", "iš",
           "per", "prie", "nuo", "koks", "kokia"),
    "it": ("il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su", "per",
           "tra", "fra", "e", "o", "che", "come", "cosa", "cos", "è", "del", "della", "dei", "delle", "al",
           "alla", "ai", "dal", "dalla", "nel", "nella", "vuole", "voglio", "vorrei", "mi", "si", "ci", "non"),
    "pl": ("jak", "co", "czy", "i", "w", "z", "na", "do", "o", "się", "nie", "to", "jest", "są", "chce", "chcę",
           "czym", "jaki", "jaka", "od", "po", "przez", "za", "dla", "że", "a"),
    "fi": ("miten", "mitä", "mikä", "ja", "tai", "on", "ovat", "ei", "haluaa", "haluan", "kun", "jos", "se",
           "että", "kuinka", "miksi", "voi"),
}


def stop_keys(lang: str, vocabulary: dict[str, str]) -> list[str]:
    """Keys of the little words, as a query would compute them."""
    return sorted(set(query_keys(" ".join(STOP_WORDS[lang]), lang, vocabulary)))
