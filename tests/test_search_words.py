"""Everyday search words (locales/search/<lang>.yml): located errors, and what
the real index built from them holds (read from the built site's workers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kb.content.search_words import load_search_words
from kb.languages import LANGUAGES, url_prefix
from kb.search.index import Doc, build_index
from kb.search.normalize import fold, query_keys
from kb.search.site import BOILERPLATE_SECTIONS

QUERIES = yaml.safe_load((Path(__file__).parent / "search" / "queries.yml").read_text(encoding="utf-8"))
KNOWN = {"playbooks": {"cancellation-call"}, "articles": {"what-is-retention"}, "glossary": {"cancellation"}}


def write(root: Path, lang: str, text: str) -> None:
    folder = root / "locales" / "search"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{lang}.yml").write_text(text, encoding="utf-8")


def test_mistakes_are_located_and_reported_together(tmp_path):
    for lang in LANGUAGES:
        write(tmp_path, lang, "playbooks/cancellation-call: [nutraukti]\n")
    write(tmp_path, "it", (
        "playbooks/cancellation-call: [disdire, '', 3]\n"
        "playbooks/no-such-playbook: [recedere]\n"
        "cancellation: [disdetta]\n"
        "glossary/cancellation: []\n"
    ))
    (tmp_path / "locales" / "search" / "fi.yml").unlink()
    words, problems = load_search_words(tmp_path, KNOWN)
    assert sorted(p.format() for p in problems) == [
        "locales/search/fi.yml:1:1: error[missing-file]: search words for 'fi' are missing",
        "locales/search/it.yml:1:40: error[invalid-value]: each entry must be a non-empty word or phrase",
        "locales/search/it.yml:1:44: error[invalid-value]: each entry must be a non-empty word or phrase",
        "locales/search/it.yml:2:1: error[unknown-reference]: playbook 'no-such-playbook' does not exist",
        "locales/search/it.yml:3:1: error[invalid-value]: 'cancellation' is not a page: write playbooks/<id>, "
        "articles/<slug> or glossary/<term-id> (or forms/<word> for a word's inflected forms)",
        "locales/search/it.yml:4:1: error[invalid-value]: 'glossary/cancellation' needs a list of words, e.g. [word, other word]",
    ]
    assert words["it"] == {"playbooks/cancellation-call": ["disdire"]}
    assert words["lt"] == {"playbooks/cancellation-call": ["nutraukti"]}


def test_committed_search_words_are_valid(root):
    from kb.content.project import load_project

    project = load_project(root)
    assert [d.format() for d in project.diagnostics if d.path.startswith("locales/search")] == []
    for lang in LANGUAGES:
        assert len(project.search_words[lang]) >= 7, lang  # every playbook has everyday words


def test_forms_are_validated_with_located_errors(tmp_path):
    for lang in LANGUAGES:
        write(tmp_path, lang, "playbooks/cancellation-call: [nutraukti]\n")
    write(tmp_path, "pl", "forms/dział: [działu, dział utrzymania, '']\nforms/dwa słowa: [x]\n")
    words, problems = load_search_words(tmp_path, KNOWN)
    assert sorted(p.format() for p in problems) == [
        "locales/search/pl.yml:1:23: error[invalid-value]: 'dział utrzymania' is not one word: a form of 'dział' is a single word",
        "locales/search/pl.yml:1:41: error[invalid-value]: each entry must be a non-empty word or phrase",
        "locales/search/pl.yml:2:1: error[invalid-value]: 'forms/dwa słowa': forms/ takes one word",
    ]
    assert words["pl"] == {"forms/dział": ["działu"]}


def test_forms_are_one_word_and_no_other():
    docs = [Doc("dzial/", "Dział utrzymania klientów", "Rozmowa trafia do działu utrzymania.", "article", -1),
            Doc("awaria/", "Usterka", "Klient mówi, że nic nie działa.", "article", -1)]
    plain = build_index(docs, "pl")
    # What the stemmer alone does: "dział" (department) meets "działa" (it works), "działu" does not.
    assert query_keys("dział", "pl", plain["vocab"]) == query_keys("działa", "pl", plain["vocab"])
    assert query_keys("dział", "pl", plain["vocab"]) != query_keys("działu", "pl", plain["vocab"])
    index = build_index(docs, "pl", [("dział", ["działu", "działem"])])
    for query in ("dział", "dzial", "działu", "DZIALU", "działem"):
        (word_key,) = query_keys(query, "pl", index["vocab"])
        assert index["post"][word_key][::2] == [0], query  # the department page only
    (works,) = query_keys("działa", "pl", index["vocab"])
    assert index["post"][works][::2] == [1]


def built_index(site: Path, lang: str) -> dict:
    text = (site / "assets" / "kb" / f"search-{lang}.js").read_text(encoding="utf-8")
    start = text.index("var KB_SEARCH_INDEX = ") + len("var KB_SEARCH_INDEX = ")
    return json.loads(text[start:text.index(";\n", start)])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.build
def test_real_index_leaves_out_link_lists_and_knows_the_everyday_words(built_site, root, lang):
    from kb.content.project import load_project

    index = built_index(built_site, lang)
    locations = [doc[0] for doc in index["docs"]]
    # Link lists and boilerplate never compete with content.
    assert not [loc for loc in locations if loc.partition("#")[2] in BOILERPLATE_SECTIONS]
    # Every section a query must open at is in the index.
    prefix = url_prefix(lang)
    for case in QUERIES[lang]:
        if "first" in case:
            assert prefix + case["first"] in locations, case
    # A playbook as a whole opens at its first step; its everyday words are on it.
    project = load_project(root)
    for target, phrasings in project.search_words[lang].items():
        if target.startswith("forms/"):
            # Every form of the word, typed with or without diacritics, is the same key, and some page has it.
            keys = {k for form in [target.partition("/")[2], *phrasings] for k in query_keys(form, lang, index["vocab"])
                    + query_keys(fold(form), lang, index["vocab"])}
            assert len(keys) == 1 and index["post"][keys.pop()], target
            continue
        number = locations.index(prefix + target + "/")
        page = index["docs"][number]
        if target.startswith("playbooks/"):
            first_step = project.playbooks[target.split("/")[1]].item.steps[0].id
            assert index["docs"][page[5]][0] == f"{prefix}{target}/#{first_step}"
        for phrasing in phrasings:
            for word_key in query_keys(phrasing, lang, index["vocab"]):
                if word_key in index["stop"]:
                    continue
                postings = index["post"][word_key]
                assert number in postings[::2], (phrasing, word_key)
