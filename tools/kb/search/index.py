"""Per-language search index, shipped inside that language's search worker.

Postings are keyed by normalised word (see normalize.py) and weighted by
field: a word in a title counts three times, a glossary synonym or inflected
form attached to the document 1.5 times, the body text once. A playbook
step's action is shown as its title but is a sentence, so it counts as body.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kb.search.normalize import fold, key, stop_keys, words

TITLE_WEIGHT = 3.0
KEYWORD_WEIGHT = 1.5
SNIPPET_CHARS = 320


@dataclass(frozen=True)
class Doc:
    location: str   # site-root-relative URL, with #anchor for sections
    title: str
    text: str
    kind: str       # article, playbook, glossary, quiz, page
    parent: int     # index of the page document, -1 for a page itself
    keywords: str = ""
    lead: int = -1  # for a page: the section a match on the page as a whole opens (a playbook's first step)
    heading: bool = True  # False when the title is a sentence (a playbook step's action)


def form_keys(groups: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """Folded spelling → key for the words of each forms/<word> group (locales/search).

    A group's key starts with "=", which no stem can: the group meets neither a
    word the stemmer happens to cut the same way (Polish `działa`, "it works",
    and `dział`, "department", both become "dz") nor anything else."""
    keys: dict[str, str] = {}
    for word, forms in groups:
        group_key = "=" + fold(word.lower())
        for form in (word, *forms):
            keys[fold(form.lower())] = group_key
    return keys


def build_index(docs: list[Doc], lang: str, groups: Iterable[tuple[str, list[str]]] = ()) -> dict:
    """The index of `docs`; `groups`: words whose forms count as one (see form_keys)."""
    forms = form_keys(groups)

    def word_key(word: str) -> str:
        return forms.get(fold(word)) or key(word, lang)

    postings: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    lengths = []
    for number, doc in enumerate(docs):
        fields = ((doc.title, TITLE_WEIGHT if doc.heading else 1.0), (doc.keywords, KEYWORD_WEIGHT), (doc.text, 1.0))
        length = 0
        for text, weight in fields:
            counted: set[str] = set()
            for word in words(text):
                this_key = word_key(word)
                surface[fold(word)][word] += 1
                if weight == KEYWORD_WEIGHT:
                    # Glossary forms say "this is about X" once; repeating them must not stuff the score.
                    if this_key in counted:
                        continue
                    counted.add(this_key)
                else:
                    length += 1
                postings[this_key][number] += weight
        lengths.append(max(length, 1))
    # Folded spellings whose stem differs from the stem of the real word: the
    # browser looks these up instead of stemming a word without diacritics.
    # Every spelling of a forms/ group is listed, on the site or not.
    vocabulary = dict(forms)
    for folded, counts in sorted(surface.items()):
        word = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
        if folded not in forms and key(folded, lang) != key(word, lang):
            vocabulary[folded] = key(word, lang)
    return {
        "lang": lang,
        "docs": [[d.location, d.title, d.text[:SNIPPET_CHARS], d.kind, d.parent, d.lead, int(d.heading)] for d in docs],
        "len": lengths,
        "avg": round(sum(lengths) / max(len(lengths), 1), 2),
        "vocab": vocabulary,
        "stop": stop_keys(lang, vocabulary),
        "post": {k: [x for doc, w in sorted(p.items()) for x in (doc, round(w, 2))] for k, p in sorted(postings.items())},
    }


def index_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
