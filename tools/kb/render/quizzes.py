"""Quiz module pages (mkdocs-quiz markup), printable question sheets and answer keys."""

from __future__ import annotations

import html
import json

from kb.content.project import Project
from kb.content.quiz import BLANK, Question, QuizModule
from kb.render.citations import citation_link
from kb.render.links import SiteUrls, relative
from kb.render.results import receipt_panel, result_panel
from kb.render.text import attr, link, md_text


def quiz_citation(project: Project, citation: str, lang: str, urls: SiteUrls, here: str) -> str:
    """An article section, or a playbook step labelled with its number."""
    if not citation.startswith("playbooks/"):
        return citation_link(project, citation, lang, urls, here)
    book_id, _, step_id = citation.removeprefix("playbooks/").partition("#")
    book = project.playbooks[book_id].item
    number = next(i for i, step in enumerate(book.steps, start=1) if step.id == step_id)
    label = f"{book.title[lang]} › {project.ui[lang]['steps']} {number}"
    return link(relative(urls.playbook(lang, book_id, step_id), here), label)


def _one_line(text: str) -> str:
    return " ".join(md_text(text).split())


def _question_markup(project: Project, question: Question, lang: str, urls: SiteUrls, here: str) -> list[str]:
    ui = project.ui[lang]
    read_more = f'<p class="kb-cite">{html.escape(ui["read_more"])}: {quiz_citation(project, question.cite, lang, urls, here)}</p>'
    out = ["<quiz>"]
    if question.type == "fill":
        canonical = question.answers[lang][0]  # type: ignore[index]
        out += [_one_line(question.question[lang]).replace(BLANK, f"[[{canonical}]]"), "", "---", ""]
    else:
        out += [_one_line(question.question[lang])]
        for option in question.options or []:
            out.append(f"- [{'x' if option.correct else ' '}] {_one_line(option.text[lang])}")
            if option.feedback is not None:
                out.append(f"> {_one_line(option.feedback[lang])}")
        out.append("")
    out += [_one_line(question.explanation[lang]), "", read_more, "</quiz>", ""]
    return out


def accepted_answers(module: QuizModule, lang: str) -> dict[str, list[str]]:
    """Canonical answer → every accepted answer (mkdocs-quiz checks only one)."""
    return {
        q.answers[lang][0]: q.answers[lang]  # type: ignore[index]
        for q in module.questions if q.type == "fill"
    }


def quiz_page_markdown(project: Project, module: QuizModule, lang: str, urls: SiteUrls) -> str:
    ui = project.ui[lang]
    here = urls.quiz(lang, module.id)
    out = ["---", "quiz:", "  enabled: true", "---", "",
           f"# {md_text(module.title[lang])}", "", md_text(module.intro[lang]), "",
           f'<p class="kb-quiz-meta">{html.escape(ui["minutes_label"].format(n=module.minutes))} · '
           f'{html.escape(ui["pass_mark_label"].format(**{"pass": module.pass_mark}))}</p>', "",
           f"**{md_text(ui['objectives_label'])}**", ""]
    out += [f"- {md_text(objective[lang])}" for objective in module.objectives]
    out += ["", "<!-- mkdocs-quiz intro -->", ""]
    for question in module.questions:
        out += _question_markup(project, question, lang, urls, here)
    out += ["<!-- mkdocs-quiz results -->", ""]
    out += result_panel(project, module, lang, urls, here)
    out += receipt_panel(project, module, lang)
    # Data for kb.js in an attribute, not a <script>: the page sanitiser lets no script through.
    accepted = json.dumps(accepted_answers(module, lang), ensure_ascii=False, sort_keys=True)
    out += [f'<div class="kb-accepted-answers" hidden data-answers="{attr(accepted)}"></div>', ""]
    return "\n".join(out)


def sheet_markdown(project: Project, module: QuizModule, lang: str, urls: SiteUrls, answers: bool) -> str:
    """A printable question sheet (no answers) or answer key."""
    ui = project.ui[lang]
    here = urls.quiz(lang, module.id, "key" if answers else "sheet")
    heading = ui["answer_key"] if answers else ui["question_sheet"]
    out = ["---", "search:", "  exclude: true", "quiz:", "  enabled: false", "---", "",
           f"# {md_text(module.title[lang])}: {md_text(heading)}", ""]
    if not answers:
        out += [f'<p class="kb-sheet-fields">{html.escape(ui["name_field"])}: ____________________ '
                f'{html.escape(ui["date_field"])}: ____________</p>', ""]
    out += ['<ol class="kb-sheet">']
    for question in module.questions:
        out.append(f"<li><p>{html.escape(question.question[lang]).replace(BLANK, '__________')}</p>")
        if question.type == "fill":
            if answers:
                accepted = ", ".join(question.answers[lang])  # type: ignore[index]
                out.append(f'<p class="kb-key"><strong>{html.escape(ui["accepted_answers"])}:</strong> {html.escape(accepted)}</p>')
        else:
            out.append("<ul>")
            for option in question.options or []:
                box = ("☑" if option.correct else "☐") if answers else "☐"
                css = ' class="kb-correct"' if answers and option.correct else ""
                out.append(f"<li{css}>{box} {html.escape(option.text[lang])}</li>")
            out.append("</ul>")
        if answers:
            out.append(f'<p class="kb-key">{html.escape(question.explanation[lang])} '
                       f'({quiz_citation(project, question.cite, lang, urls, here)})</p>')
        out.append("</li>")
    out += ["</ol>", ""]
    return "\n".join(out)
