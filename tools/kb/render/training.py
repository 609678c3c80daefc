"""The onboarding path ("Start here") and the trainers' page of one language."""

from __future__ import annotations

import html

from kb.content.learning_path import module_order
from kb.content.project import Project
from kb.content.quiz import QuizModule
from kb.render.cohort_view import cohort_markdown
from kb.render.links import SiteUrls, relative
from kb.render.scorm_section import scorm_section
from kb.render.text import attr, link, md_text

EXPORTS_DIR = "exports"
__all__ = ["module_order"]  # kept importable from here; it lives in kb.content.learning_path


def export_names(lang: str) -> dict[str, str]:
    return {"qti": f"retention-kb-{lang}-qti21.zip", "gift": f"retention-kb-{lang}.gift.txt"}


def _study_link(project: Project, item: str, lang: str, urls: SiteUrls, here: str) -> str:
    kind, _, name = item.partition("/")
    if kind == "articles":
        return link(relative(urls.article(lang, name), here), project.article(name, lang).title)  # type: ignore[union-attr]
    return link(relative(urls.playbook(lang, name), here), project.playbooks[name].item.title[lang])


def start_here_markdown(project: Project, lang: str, urls: SiteUrls) -> str:
    ui = project.ui[lang]
    here = urls.page(lang, "start/index")
    modules = module_order(project)
    labels = {key: attr(ui[key]) for key in ("progress_not_started", "progress_in_progress", "progress_passed",
                                            "progress_failed", "overall_progress")}
    out = [f"# {md_text(ui['start_here'])}", "", md_text(ui["start_here_intro"]), "",
           f'<p class="kb-overall" data-total="{len(modules)}" data-label="{labels["overall_progress"]}"></p>', "",
           '<ol class="kb-path">']
    for module in modules:
        quiz_href = relative(urls.quiz(lang, module.id), here)
        reading = ", ".join(_study_link(project, item, lang, urls, here) for item in module.study)
        out += [
            f'<li class="kb-path-step" data-kb-module="{module.id}" data-quiz="{attr(quiz_href)}" '
            f'data-total="{len(module.questions)}" data-pass="{module.pass_mark}" '
            + " ".join(f'data-{key.replace("_", "-")}="{value}"' for key, value in labels.items() if key != "overall_progress")
            + ">",
            f"<h2>{html.escape(module.title[lang])}</h2>",
        ]
        if reading:
            out.append(f"<p><strong>{html.escape(ui['read_first'])}:</strong> {reading}</p>")
        out += [f'<p><a class="md-button" href="{attr(quiz_href)}">{html.escape(ui["take_quiz"])}</a> '
                f'<span class="kb-progress">{html.escape(ui["progress_not_started"])}</span></p>',
                "</li>"]
    out += ["</ol>", ""]
    return "\n".join(out)


def module_actions(project: Project, module: QuizModule, lang: str, urls: SiteUrls, here: str) -> list[str]:
    """What a trainer does with one module, one tap target each: copy the
    assignment link, print the question sheet or the answer key. Kept in one
    place so other actions (downloads) are added here."""
    ui = project.ui[lang]
    href = relative(urls.quiz(lang, module.id), here)
    return [
        f'<button class="md-button md-button--primary kb-assign" type="button" data-kb-link="{attr(href)}" '
        f'title="{attr(ui["copy_link"])}">{html.escape(ui["copy_link"])}</button>',
        f'<a class="md-button" href="{attr(relative(urls.quiz(lang, module.id, "sheet"), here))}">{html.escape(ui["question_sheet"])}</a>',
        f'<a class="md-button" href="{attr(relative(urls.quiz(lang, module.id, "key"), here))}">{html.escape(ui["answer_key"])}</a>',
    ]


def module_card(project: Project, module: QuizModule, lang: str, urls: SiteUrls, here: str) -> list[str]:
    """One module on the trainers' page: a card, readable at 360 px without sideways scrolling."""
    ui = project.ui[lang]
    href = relative(urls.quiz(lang, module.id), here)
    prerequisites = ", ".join(project.quizzes[p].item.title[lang] for p in module.prerequisites if p in project.quizzes)
    details = [
        f"{ui['col_questions']}: {len(module.questions)} · {module.minutes} min · {module.pass_mark}%",
        f"{ui['col_audience']}: {ui['role_' + module.audience.replace('-', '_')]}",
    ]
    if prerequisites:
        details.append(f"{ui['col_prerequisites']}: {prerequisites}")
    return [
        f'<section class="kb-module-card" id="module-{module.id}">',
        f'<h3><a href="{attr(href)}">{html.escape(module.title[lang])}</a></h3>',
        f"<p><strong>{html.escape(ui['col_objectives'])}</strong></p>",
        "<ul>" + "".join(f"<li>{html.escape(o[lang])}</li>" for o in module.objectives) + "</ul>",
        f'<p class="kb-card-details">{"<br>".join(html.escape(d) for d in details)}</p>',
        '<p class="kb-card-actions">' + " ".join(module_actions(project, module, lang, urls, here)) + "</p>",
        "</section>",
        "",
    ]


def trainers_markdown(project: Project, lang: str, urls: SiteUrls) -> str:
    ui = project.ui[lang]
    here = urls.page(lang, "trainers/index")
    out = [f"# {md_text(ui['trainers'])}", "", md_text(ui["trainers_intro"]), "",
           f"## {md_text(ui['all_modules'])} {{#modules}}", ""]
    for module in module_order(project):
        out += module_card(project, module, lang, urls, here)
    names = export_names(lang)
    out += ["", *scorm_section(project, module_order(project), lang, EXPORTS_DIR)]
    out += ["", f"## {md_text(ui['lms_export'])} {{#lms-export}}", "", md_text(ui["lms_export_intro"]), "",
            # `download`: the browser saves the file (a .txt shown in the tab
            # would be read without its UTF-8 charset and show broken characters).
            f'- <a href="../{EXPORTS_DIR}/{names["qti"]}" download>{names["qti"]}</a>',
            f'- <a href="../{EXPORTS_DIR}/{names["gift"]}" download type="text/plain;charset=utf-8">{names["gift"]}</a>', "",
            f"## {md_text(ui['receipts_title'])} {{#receipts}}", "", md_text(ui["receipts_intro"]), ""]
    out += cohort_markdown(project, lang, module_order(project))
    return "\n".join(out)
