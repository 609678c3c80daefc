"""The content status page for maintainers: every article and term by
language, whether it is an original, a translation or outdated, and when
it was last reviewed."""

from __future__ import annotations

from datetime import date

from kb.content.articles import ArticlePage
from kb.content.collation import sort_key
from kb.languages import LANGUAGES
from kb.content.project import Project
from kb.render.glossary import glossary_url
from kb.render.links import article_url, page_url, relative
from kb.render.text import attr, link, md_text


def article_status(project: Project, page: ArticlePage) -> str:
    """'original', 'translated', 'partly_translated' or 'outdated'."""
    translated = page.translated_sections
    if not translated:
        return "original"
    original = project.article(page.slug, page.meta.translation.from_)  # type: ignore[union-attr]
    for sid, recorded in translated.items():
        section = original.section(sid) if original else None
        if section is None or recorded != section.digest:
            return "outdated"
    if set(translated) >= {s.id for s in page.sections}:
        return "translated"
    return "partly_translated"


def status_markdown(project: Project, lang: str, today: date) -> str:
    ui = project.ui[lang]
    here = page_url(lang, "status/index")
    header = [ui["col_item"], ui["col_kind"], *(code.upper() for code in LANGUAGES), ui["col_last_reviewed"], ui["col_review_due"]]
    out = [f"# {md_text(ui['content_status'])}", "", md_text(ui["content_status_intro"]), ""]
    out += ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + "---|" * len(header)]

    articles = sorted(project.slugs, key=lambda slug: sort_key(project.article(slug, lang).title, lang))
    for slug in articles:
        cells = [link(relative(article_url(lang, slug), here), project.article(slug, lang).title), md_text(ui["kind_article"])]
        for code in LANGUAGES:
            status = article_status(project, project.article(slug, code))
            label = md_text(ui[f"status_{status}"])
            cells.append(f"**{label}**" if status == "outdated" else label)
        out.append("| " + " | ".join(cells + ["—", "—"]) + " |")

    # Playbooks, quiz modules and terms hold all four languages in one reviewed file:
    # each language column shows the item's name in that language.
    items = [(b.item.title, "kind_playbook", page_url(lang, f"playbooks/{b.item.id}"), b.item.review)
             for b in project.playbooks.values()]
    items += [(q.item.title, "kind_quiz", page_url(lang, f"quizzes/{q.item.id}"), q.item.review)
              for q in project.quizzes.values()]
    items += [(t.item.term, "kind_term", glossary_url(lang, t.item.id), t.item.review) for t in project.terms.values()]
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
    return "\n".join(out) + "\n"
