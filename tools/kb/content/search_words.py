"""Everyday words staff type for a situation, per language: search synonyms.

`locales/search/<lang>.yml` maps a page (`playbooks/<id>`, `articles/<slug>`,
`glossary/<term-id>`) to the words and phrasings a rep types when looking for
it ("nutraukti", "atsisakyti" for the cancellation call). They are kept apart
from the glossary: a glossary synonym is a term the page may print, these are
only for finding the page. Mistakes are located diagnostics like any other
content file.

`forms/<word>: [inflected forms]` says the forms are one word for search, where
the language's Snowball stemmer gives them different stems or gives another word
the same stem (Polish `dział`, `działu` and the verb `działa`; Finnish `esimies`
and `esimiehet`).
"""

from __future__ import annotations

from pathlib import Path

from kb.content.files import read_language_file
from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES

SEARCH_WORDS_DIR = "locales/search"
KINDS = ("playbooks", "articles", "glossary")
FORMS = "forms"  # forms/<word>: the word's inflected forms, one word for search

# lang -> target ("playbooks/cancellation-call") -> phrasings
SearchWords = dict[str, dict[str, list[str]]]


def load_search_words(root: Path, known: dict[str, set[str]]) -> tuple[SearchWords, list[Diagnostic]]:
    """Read every language's file; `known` lists the IDs that exist per kind."""
    words: SearchWords = {}
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        rel = f"{SEARCH_WORDS_DIR}/{lang}.yml"
        words[lang] = {}
        located, found = read_language_file(root, rel, error(rel, 1, 1, "missing-file", f"search words for '{lang}' are missing"))
        problems += found
        if located is None or located.data is None:
            continue
        if not isinstance(located.data, dict):
            problems.append(error(rel, 1, 1, "invalid-value", "expected a mapping of page → list of words"))
            continue
        for target, phrasings in located.data.items():
            line, col = located.where((target,))
            kind, _, name = str(target).partition("/")
            if kind not in KINDS + (FORMS,) or not name:
                problems.append(error(rel, line, col, "invalid-value",
                                      f"'{target}' is not a page: write playbooks/<id>, articles/<slug> or glossary/<term-id> "
                                      "(or forms/<word> for a word's inflected forms)"))
                continue
            if kind == FORMS and not _single_word(name):
                problems.append(error(rel, line, col, "invalid-value", f"'{target}': forms/ takes one word"))
                continue
            if kind != FORMS and name not in known.get(kind, set()):
                what = "glossary term" if kind == "glossary" else kind[:-1]
                problems.append(error(rel, line, col, "unknown-reference", f"{what} '{name}' does not exist"))
                continue
            if not isinstance(phrasings, list) or not phrasings:
                problems.append(error(rel, line, col, "invalid-value", f"'{target}' needs a list of words, e.g. [word, other word]"))
                continue
            kept = []
            for index, phrasing in enumerate(phrasings):
                if not isinstance(phrasing, str) or not phrasing.strip():
                    problems.append(error(rel, *located.where((target, index), True), "invalid-value",
                                          "each entry must be a non-empty word or phrase"))
                    continue
                if kind == FORMS and not _single_word(phrasing):
                    problems.append(error(rel, *located.where((target, index), True), "invalid-value",
                                          f"'{phrasing.strip()}' is not one word: a form of '{name}' is a single word"))
                    continue
                kept.append(phrasing.strip())
            words[lang][str(target)] = kept
    return words, problems


def _single_word(text: str) -> bool:
    text = text.strip()
    return bool(text) and all(c.isalnum() for c in text)


def word_forms(words: SearchWords, lang: str) -> list[tuple[str, list[str]]]:
    """(word, its inflected forms) of every forms/<word> entry of a language, in file order."""
    return [(target.partition("/")[2], forms) for target, forms in words.get(lang, {}).items()
            if target.startswith(FORMS + "/")]
