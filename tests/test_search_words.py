"""Everyday search words (locales/search/<lang>.yml): located errors, and what
the real index built from them holds (read from the built site's workers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kb.content.search_words import load_search_words
from kb.languages import LANGUAGES, url_prefix
from kb.search.normalize import query_keys
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
        "articles/<slug> or glossary/<term-id>",
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
