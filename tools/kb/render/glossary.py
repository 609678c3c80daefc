"""The glossary page of one language: sorted by that language's alphabet,
with a letter index, a stable anchor per term (its ID) and the term's
equivalents in the other three languages."""

from __future__ import annotations

from itertools import groupby

from kb.content.collation import letter_of, sort_key
from kb.languages import LANGUAGES
from kb.content.project import Project
from kb.render.links import article_url, page_url, relative
from kb.render.text import link, md_text


def glossary_url(lang: str, term_id: str | None = None) -> str:
    return page_url(lang, "glossary/index", term_id)


def glossary_markdown(project: Project, lang: str) -> str:
    ui = project.ui[lang]
    here = glossary_url(lang)
    terms = sorted((loaded.item for loaded in project.terms.values()), key=lambda t: sort_key(t.term[lang], lang))
    groups = [(letter, list(items)) for letter, items in groupby(terms, key=lambda t: letter_of(t.term[lang][0], lang))]

    # The letter index is the page's table of contents; a second one listing every
    # term doubled the page's DOM and main-thread work on phones.
    out = ["---", "hide:", "  - toc", "---", "", f"# {md_text(ui['glossary'])}", "", md_text(ui["glossary_intro"]), ""]
    letters = " ".join(f'<a href="#letter-{letter}">{letter.upper()}</a>' for letter, _ in groups)
    out += [f'<nav class="kb-letters" aria-label="{md_text(ui["letter_index"])}">{letters}</nav>', ""]
    for letter, items in groups:
        out += [f"## {letter.upper()} {{#letter-{letter}}}", ""]
        for term in items:
            out += [f"### {md_text(term.term[lang])} {{#{term.id}}}", "", md_text(term.definition[lang]), ""]
            if term.synonyms[lang]:
                out += [f"**{md_text(ui['synonyms'])}:** {md_text(', '.join(term.synonyms[lang]))}", ""]
            if term.related:
                related = sorted(term.related, key=lambda rid: sort_key(project.terms[rid].item.term[lang], lang))
                names = ", ".join(link(f"#{rid}", project.terms[rid].item.term[lang]) for rid in related)
                out += [f"**{md_text(ui['related_terms'])}:** {names}", ""]
            others = " · ".join(
                f"{other.upper()}: " + link(relative(glossary_url(other, term.id), here), term.term[other], other)
                for other in LANGUAGES if other != lang
            )
            out += [f"**{md_text(ui['other_languages'])}:** {others}", ""]
            slug, _, section = term.cite.partition("#")
            out += [link(relative(article_url(lang, slug, section), here), ui["read_more"]) + " →", ""]
    return "\n".join(out)
