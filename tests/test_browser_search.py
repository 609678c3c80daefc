"""In Chromium: the committed query set against the built site's search."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb.languages import LANGUAGES, url_prefix
from search_helpers import run_queries

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((Path(__file__).parent / "search" / "queries.yml").read_text(encoding="utf-8"))


def test_query_set_is_large_enough():
    assert all(len(QUERIES[lang]) >= 12 for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_find_their_page_in_the_top_three(page, site_url, lang):
    cases = QUERIES[lang]
    results = run_queries(page, site_url, lang, [case["q"] for case in cases])
    prefix = url_prefix(lang)
    hit1 = hit3 = 0
    misses = []
    for case, result in zip(cases, results):
        expected = prefix + case["expect"]
        pages = result["pages"]
        # Results only in the reader's language.
        assert all(p.startswith(prefix) and not any(p.startswith(f"{o}/") for o in LANGUAGES if o != lang)
                   for p in pages), (case["q"], pages[:5])
        hit1 += bool(pages[:1] == [expected])
        hit3 += expected in pages[:3]
        if expected not in pages[:3]:
            misses.append((case["q"], expected, pages[:3]))
        if "first" in case and result["first"] != prefix + case["first"]:
            misses.append((case["q"], "Enter: " + prefix + case["first"], result["first"]))
    print(f"\n{lang}: hit@1 = {hit1}/{len(cases)} = {hit1 / len(cases):.0%}, "
          f"hit@3 = {hit3}/{len(cases)} = {hit3 / len(cases):.0%}")
    assert misses == []


def test_search_box_shows_results_and_opens_the_section(page, site_url):
    page.goto(f"{site_url}/pl/")
    page.keyboard.press("/")  # Material's shortcut still focuses the search box
    page.keyboard.type("skargi na piśmie")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=5000)
    assert "<mark>" in first.inner_html()
    first.locator("a").first.click()
    page.wait_for_url("**/pl/**")
    assert "/pl/" in page.url and "h=" in page.url
    # Material highlights the words once the page has loaded, asynchronously.
    page.locator("article mark").first.wait_for(state="attached", timeout=10000)
    assert page.locator("article mark").count() > 0  # highlighted on the target page


SENTENCES = {
    "lt": "Klientas skambina norėdamas atsisakyti paslaugų; islaikymo programos, kuponų, SKUNDO LAIŠKAS, 5%–25%.",
    "it": "Il cliente chiama per la disdetta; fedelta, fedeltà, rimborsi, Reparto Fidelizzazione, 96%.",
    "pl": "Klient składa reklamację listowną; lojalnosc, lojalność, zwrot pieniędzy, KARTA STEMPELKOWA.",
    "fi": "Asiakas haluaa irtisanoa palvelun; sailyttaminen, säilyttämistä, valituskirjeeseen, LEIMAKORTTI.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_worker_normalises_like_python(page, site_url, lang):
    """The built worker, loaded in Chromium, gives the same keys as the Python side."""
    from kb.search.normalize import query_keys

    page.goto(f"{site_url}/{url_prefix(lang)}")
    page.add_script_tag(url=f"{site_url}/assets/kb/search-{lang}.js")
    vocabulary = page.evaluate("KB_SEARCH_INDEX.vocab")
    words = page.evaluate("KB_SEARCH_INDEX.docs.map(d => d[1] + ' ' + d[2]).join(' ')")
    for text in (SENTENCES[lang], words):
        assert page.evaluate("t => kbSearch.queryKeys(t)", text) == query_keys(text, lang, vocabulary)
