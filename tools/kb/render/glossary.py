"""The glossary page of one language: sorted by that language's alphabet,
with a letter index, a stable anchor per term (its ID) and the term's
equivalents in the other three languages."""

from __future__ import annotations

import html

from kb.content.collation import letter_of, sort_key
from kb.languages import LANGUAGES
from kb.content.project import Project
from kb.render.links import SiteUrls, relative
from kb.render.text import link, md_text


def _index_letter(char: str, lang: str) -> str:
    """The letter-index entry a term starting with `char` files under."""
    letter = letter_of(char, lang)
    return letter if letter.isalnum() else "#"


def _anchor(letter: str) -> str:
    # Anchors become attribute values and attr_list IDs: letters and digits only.
    return f"letter-{letter}" if letter != "#" else "letter-other"


def glossary_markdown(project: Project, lang: str, urls: SiteUrls) -> str:
    ui = project.ui[lang]
    here = urls.glossary(lang)
    terms = sorted((loaded.item for loaded in project.terms.values()), key=lambda t: sort_key(t.term[lang], lang))
    groups: dict[str, list] = {}
    for term in terms:  # in alphabetical order; "#" gathers terms that start with no letter or digit
        groups.setdefault(_index_letter(term.term[lang][0], lang), []).append(term)

    # The letter index is the page's table of contents; a second one listing every
    # term doubled the page's DOM and main-thread work on phones.
    out = ["---", "hide:", "  - toc", "---", "", f"# {md_text(ui['glossary'])}", "", md_text(ui["glossary_intro"]), ""]
    letters = " ".join(f'<a href="#{_anchor(letter)}">{html.escape(letter.upper())}</a>' for letter in groups)
    out += [f'<nav class="kb-letters" aria-label="{md_text(ui["letter_index"])}">{letters}</nav>', ""]
    for letter, items in groups.items():
        out += [f"## {md_text(letter.upper()).replace('#', '&#35;')} {{#{_anchor(letter)}}}", ""]
        for term in items:
            out += [f"### {md_text(term.term[lang])} {{#{term.id}}}", "", md_text(term.definition[lang]), ""]
            if term.synonyms[lang]:
                out += [f"**{md_text(ui['synonyms'])}:** {md_text(', '.join(term.synonyms[lang]))}", ""]
            # The lines made only of links are written as HTML: Python-Markdown's inline
            # parsing of their raw links was a third of the page's conversion time.
            if term.related:
                related = sorted(term.related, key=lambda rid: sort_key(project.terms[rid].item.term[lang], lang))
                names = ", ".join(link(f"#{rid}", project.terms[rid].item.term[lang]) for rid in related)
                out += [_labelled_paragraph(ui["related_terms"], names), ""]
            others = " · ".join(
                f"{other.upper()}: " + link(relative(urls.glossary(other, term.id), here), term.term[other], other)
                for other in LANGUAGES if other != lang
            )
            out += [_labelled_paragraph(ui["other_languages"], others), ""]
            slug, _, section = term.cite.partition("#")
            out += [f"<p>{link(relative(urls.article(lang, slug, section), here), ui['read_more'])} →</p>", ""]
    return "\n".join(out)


def _labelled_paragraph(label: str, links_html: str) -> str:
    """What `**label:** links` renders to, as a raw HTML block."""
    return f"<p><strong>{html.escape(label, quote=False)}:</strong> {links_html}</p>"
