"""Playbook pages and the playbook index of one language."""

from __future__ import annotations

import html
import re

from kb.content.company import PLACEHOLDER
from kb.content.playbook import CATEGORIES, Playbook
from kb.content.project import Project
from kb.clock import today
from kb.render.citations import citation_link
from kb.render.links import SiteUrls, relative
from kb.render.text import attr, link, md_text


def fill(project: Project, text: str, lang: str) -> str:
    """Replace {company:key} with the company's value, or tell the rep whom to ask."""
    def value(match: re.Match[str]) -> str:
        setting = project.company.item.value(match.group(1)) if project.company else None
        return setting[lang] if setting else f"({project.ui[lang]['ask_team_lead']})"

    return PLACEHOLDER.sub(value, text)


def plain(text: str) -> str:
    """What the copy button puts on the clipboard: the text without Markdown marks."""
    return re.sub(r"(\*\*|__|`)", "", text)


def _copyable(project: Project, text: str, lang: str, css: str, anchor: str | None = None) -> list[str]:
    filled = fill(project, text, lang)
    ident = f' id="{anchor}"' if anchor else ""
    button = (f'<button class="md-clipboard md-icon kb-copy" type="button" title="{attr(project.ui[lang]["copy"])}" '
              f'aria-label="{attr(project.ui[lang]["copy"])}" data-clipboard-text="{attr(plain(filled))}"></button>')
    return [f'<div class="{css}"{ident} markdown>', "", f'<p class="kb-copy-text" markdown>{md_text(filled)}</p>',
            button, "", "</div>", ""]


def _source(project: Project, citation: str, lang: str, urls: SiteUrls, here: str) -> str:
    return f'<p class="kb-cite">{html.escape(project.ui[lang]["source"])}: {citation_link(project, citation, lang, urls, here)}</p>'


def playbook_markdown(project: Project, book: Playbook, lang: str, urls: SiteUrls) -> str:
    ui = project.ui[lang]
    here = urls.playbook(lang, book.id)
    text = lambda value: md_text(fill(project, value[lang], lang))  # noqa: E731

    reviewed = book.review.last_reviewed.isoformat()
    out = [f"# {md_text(book.title[lang])}", ""]
    if book.review.overdue(today()):
        out += [f'!!! warning "{attr(ui["needs_review"].format(date=reviewed, days=book.review.interval_days))}"', ""]
    else:
        out += [f'<p class="kb-reviewed">{html.escape(ui["reviewed_on"].format(date=reviewed))}</p>', ""]
    role = ui["role_" + book.who_may_act.replace("-", "_")]
    out += [f"**{md_text(ui['situation'])}:** {text(book.situation)}", "",
            f"**{md_text(ui['goal'])}:** {text(book.goal)}", "",
            f"**{md_text(ui['who_may_act'])}:** {md_text(role)}", ""]

    out += [f"## {md_text(ui['steps'])} {{#steps}}", ""]
    for number, step in enumerate(book.steps, start=1):
        out += [f'<div class="kb-step" id="{step.id}" markdown>', "",
                f'<p class="kb-step-action" markdown><span class="kb-step-number">{number}</span> {text(step.action)} '
                f'<a class="headerlink" href="#{step.id}" title="{attr(ui["steps"])} {number}">¶</a></p>', "",
                f"**{md_text(ui['why'])}:** {text(step.why)}", ""]
        if step.say:
            out += [f"**{md_text(ui['say'])}:**", ""] + _copyable(project, step.say[lang], lang, "kb-say")
        if step.avoid:
            out += [f"**{md_text(ui['avoid'])}:** {text(step.avoid)}", ""]
        out += [_source(project, step.cite, lang, urls, here), "", "</div>", ""]

    if book.offers:
        out += [f"## {md_text(ui['offers'])} {{#offers}}", ""]
        for offer in book.offers:
            term = project.terms[offer.term].item
            who = ui["offered_by"].format(who=ui["role_" + offer.who.replace("-", "_")])
            line = f"- {link(relative(urls.glossary(lang, offer.term), here), term.term[lang])}: {md_text(who)}."
            if offer.limit:
                setting = project.company.item.value(offer.limit) if project.company else None
                value = setting[lang] if setting else f"*{ui['ask_team_lead']}*"
                line += f" {md_text(ui['limit'])}: {md_text(value) if setting else value}."
            out += [line, f"  {_source(project, offer.cite, lang, urls, here)}"]
        out.append("")

    out += [f"## {md_text(ui['escalation'])} {{#escalation}}", "",
            f"**{md_text(ui['when'])}:** {text(book.escalation.when)}", "",
            f"**{md_text(ui['how'])}:** {text(book.escalation.how)}", "",
            _source(project, book.escalation.cite, lang, urls, here), ""]
    out += [f"## {md_text(ui['follow_up'])} {{#follow-up}}", "", text(book.follow_up.text), "",
            _source(project, book.follow_up.cite, lang, urls, here), ""]

    if book.templates:
        out += [f"## {md_text(ui['templates'])} {{#templates}}", ""]
        for template in book.templates:
            out += _copyable(project, template.text[lang], lang, "kb-template", anchor=template.id)

    if book.quiz and book.quiz in project.quizzes:
        quiz = project.quizzes[book.quiz].item
        href = relative(urls.quiz(lang, quiz.id), here)
        out += [f"## {md_text(ui['practice_quiz'])} {{#quiz}}", "", link(href, quiz.title[lang]), ""]

    if book.terms:
        names = ", ".join(link(relative(urls.glossary(lang, tid), here), project.terms[tid].item.term[lang])
                          for tid in book.terms)
        out += [f"## {md_text(ui['related_terms'])} {{#related-terms}}", "", names, ""]
    return "\n".join(out)


def playbook_index_markdown(project: Project, lang: str) -> str:
    ui = project.ui[lang]
    out = [f"# {md_text(ui['playbooks'])}", "", md_text(ui["playbooks_intro"]), ""]
    for category in CATEGORIES:
        books = sorted((b.item for b in project.playbooks.values() if b.item.category == category),
                       key=lambda b: b.title[lang])
        if not books:
            continue
        out += [f"## {md_text(ui['category_' + category])} {{#{category}}}", ""]
        for book in books:
            out.append(f"- [{md_text(book.title[lang])}]({book.id}.md): {md_text(book.situation[lang])}")
        out.append("")
    return "\n".join(out)
