"""The content status page for maintainers: every article and term by
language, whether it is an original, a translation or outdated, and when
it was last reviewed."""

from __future__ import annotations

from datetime import date

from kb.content.collation import sort_key
from kb.languages import LANGUAGES
from kb.content.project import Project
from kb.content.translation import OUTDATED, translation_status
from kb.render.links import SiteUrls, relative
from kb.render.text import attr, link, md_text


def status_markdown(project: Project, lang: str, urls: SiteUrls, today: date) -> str:
    ui = project.ui[lang]
    here = urls.page(lang, "status/index")
    header = [ui["col_item"], ui["col_kind"], *(code.upper() for code in LANGUAGES), ui["col_last_reviewed"], ui["col_review_due"]]
    out = [f"# {md_text(ui['content_status'])}", "", md_text(ui["content_status_intro"]), ""]
    out += ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + "---|" * len(header)]

    # A built site has every article in every language (a missing page fails the check).
    pages = {(slug, code): page for (slug, code), page in project.articles.items()}
    articles = sorted(project.slugs, key=lambda slug: sort_key(pages[slug, lang].title, lang))
    for slug in articles:
        cells = [link(relative(urls.article(lang, slug), here), pages[slug, lang].title), md_text(ui["kind_article"])]
        for code in LANGUAGES:
            status = translation_status(project, pages[slug, code])
            label = md_text(ui[f"status_{status}"])
            cells.append(f"**{label}**" if status == OUTDATED else label)
        out.append("| " + " | ".join(cells + ["—", "—"]) + " |")

    # Playbooks, quiz modules and terms hold all four languages in one reviewed file:
    # each language column shows the item's name in that language.
    items = [(b.item.title, "kind_playbook", urls.playbook(lang, b.item.id), b.item.review)
             for b in project.playbooks.values()]
    items += [(q.item.title, "kind_quiz", urls.quiz(lang, q.item.id), q.item.review)
              for q in project.quizzes.values()]
    items += [(t.item.term, "kind_term", urls.glossary(lang, t.item.id), t.item.review) for t in project.terms.values()]
    order = {"kind_playbook": 0, "kind_quiz": 1, "kind_term": 2}
    items.sort(key=lambda i: (order[i[1]], sort_key(i[0][lang], lang)))
    overdue = [(names, url) for names, _, url, review in items if review.overdue(today)]
    if overdue:
        # An overdue review does not stop the site from publishing; it is shown here, above the table.
        title = attr(f"{ui['col_review_due']}: {ui['overdue']} ({len(overdue)})")
        out[2:2] = [f'!!! warning "{title}"', ""] + \
            [f"    - {link(relative(url, here), names[lang])}" for names, url in overdue] + [""]
    for names, kind, url, review in items:
        due = review.due.isoformat()
        if review.overdue(today):
            due += f" **{md_text(ui['overdue'])}**"
        cells = [link(relative(url, here), names[lang]), md_text(ui[kind])]
        cells += [md_text(names[code]) for code in LANGUAGES]
        out.append("| " + " | ".join(cells + [review.last_reviewed.isoformat(), due]) + " |")
    return "\n".join(out + termbase_markdown(project, lang, urls, here)) + "\n"


def termbase_markdown(project: Project, lang: str, urls: SiteUrls, here: str) -> list[str]:
    """The preferred term of every concept and the variants to avoid in this language, with the reason."""
    ui = project.ui[lang]
    out = ["", f"## {md_text(ui['termbase'])} {{#termbase}}", "", md_text(ui["termbase_intro"]), "",
           f"| {md_text(ui['col_preferred'])} | {md_text(ui['col_avoid'])} |", "|---|---|"]
    terms = sorted((t.item for t in project.terms.values()), key=lambda term: sort_key(term.term[lang], lang))
    for term in terms:
        avoided = "; ".join(f"{md_text(entry.term)} ({md_text(ui['reason_' + entry.reason.replace('-', '_')])})"
                            for entry in term.avoid[lang])
        out.append(f"| {link(relative(urls.glossary(lang, term.id), here), term.term[lang])} | {avoided or '—'} |")
    return out
