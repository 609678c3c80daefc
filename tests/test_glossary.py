"""The glossary: real content passes, pages sort by each alphabet, golden pages."""

from __future__ import annotations

import re

import pytest

from golden_files import assert_matches_golden

from kb.content.collation import sort_key
from kb.languages import LANGUAGES
from kb.content.project import load_project
from kb.render.glossary import glossary_markdown
from kb.render.links import SiteUrls

# The served site's URL style (mkdocs.yml: use_directory_urls).
URLS = SiteUrls(directory_urls=True)



@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def test_real_content_is_clean(project):
    # Notes (unset company values) are information; nothing may be an error or warning.
    assert [d.format() for d in project.diagnostics if d.severity.value != "note"] == []
    assert len(project.terms) >= 35


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_matches_golden(small_project, lang):
    actual = glossary_markdown(small_project, lang, URLS)
    assert_matches_golden(f"glossary.{lang}.md", actual)


# The fixture's terms in each alphabet, written out by hand. In Lithuanian "ą" comes
# right after "a", so "sąlyčio taškas" precedes "skundas" (code-point order would not).
EXPECTED_ORDER = {
    "lt": ["klientų išlaikymo skyrius", "lojalumo kortelė", "nuolaida mėnesinei sąskaitai", "paskata",
           "paslaugų atsisakymas", "premium paslauga", "sąlyčio taškas", "skundas"],
    "it": ["disdetta", "incentivo", "punto di contatto", "reclamo", "sconto sulla bolletta mensile",
           "servizio premium", "tessera fedeltà a timbri", "ufficio retention"],
    "pl": ["dział utrzymania klientów", "karta stempelkowa", "punkt styku", "reklamacja", "rezygnacja z usługi",
           "usługa premium", "zachęta", "zniżka na miesięczny rachunek"],
    "fi": ["alennus kuukausilaskusta", "asiakaspysyvyysosasto", "irtisanominen", "kannustin", "kosketuspiste",
           "leimakortti", "premium-palvelu", "valitus"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_is_in_alphabetical_order(small_project, lang):
    page = glossary_markdown(small_project, lang, URLS)
    names = [re.sub(r"\s*\{#[^}]+\}$", "", line[4:]) for line in page.splitlines() if line.startswith("### ")]
    assert names == EXPECTED_ORDER[lang]


def test_each_language_alphabet():
    assert sorted(["žodis", "zuikis", "šuo", "sala", "yda", "įdomu", "jūra"], key=lambda w: sort_key(w, "lt")) == [
        "įdomu", "yda", "jūra", "sala", "šuo", "zuikis", "žodis"]
    assert sorted(["łódź", "lody", "żaba", "zebra", "źródło"], key=lambda w: sort_key(w, "pl")) == [
        "lody", "łódź", "zebra", "źródło", "żaba"]
    assert sorted(["öljy", "äiti", "auto", "zeta"], key=lambda w: sort_key(w, "fi")) == ["auto", "zeta", "äiti", "öljy"]
    assert sorted(["però", "pera", "perla"], key=lambda w: sort_key(w, "it")) == ["pera", "perla", "però"]


@pytest.mark.parametrize("label", ["Susiję terminai", "Q&A <termini>", "Ääkköset · 1"])
def test_a_labelled_line_written_as_html_renders_as_its_markdown_did(label):
    # The lines made only of links are written as HTML to spare Python-Markdown's
    # inline parsing; the page must not change for it (beyond blank lines).
    import markdown

    from kb.render.glossary import _labelled_paragraph
    from kb.render.text import link, md_text

    links = ", ".join(link(f"#t{n}", f"term & {n}") for n in range(3))

    def rendered(text: str) -> str:
        return markdown.markdown(text, extensions=["attr_list", "md_in_html"]).strip()

    assert rendered(_labelled_paragraph(label, links)) == rendered(f"**{md_text(label)}:** {links}")
    read_more = link("../articles/a/#b", "Skaityti daugiau")
    assert rendered(f"<p>{read_more} →</p>") == rendered(f"{read_more} →")
