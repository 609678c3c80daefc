"""The page of a quiz SCO: one module in one language, as a self-contained
HTML file that scorm_sco.js grades and reports to the LMS.

The page carries the same questions, per-answer feedback, explanations and
citations as the site's quiz page. It must work from inside an LMS without
the site, so citations are plain text, or links to the published site when
its address is known (`site_url`); links open in a new window so the LMS
frame keeps the quiz.
"""

from __future__ import annotations

import html
import json

from kb.content.project import Project
from kb.content.quiz import BLANK, Question, QuizModule
from kb.languages import url_prefix
from kb.lms.markup import inline_html

# Choice identifiers: SCORM 1.2 allows one character, 0-9 or a-z, per choice.
CHOICE_KEYS = "abcdefghijklmnopqrstuvwxyz0123456789"
# A typed answer fits an interaction's response (250 characters in SCORM 2004)
# and keeps the suspend data far below SCORM 1.2's 4,096 characters.
MAX_TYPED = 250


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def interaction_id(module: QuizModule, question: Question) -> str:
    """The same in every language and build, so an LMS report can compare them."""
    return f"{module.id}.{question.id}"


def choice_key(index: int) -> str:
    return CHOICE_KEYS[index]


def _citation(project: Project, citation: str, lang: str, site_url: str | None) -> str:
    """`Article › Section` (or `Playbook › Steps N`), linked to the published site if known."""
    if citation.startswith("playbooks/"):
        book_id, _, step_id = citation.removeprefix("playbooks/").partition("#")
        book = project.playbooks[book_id].item
        number = next(i for i, step in enumerate(book.steps, start=1) if step.id == step_id)
        label = f"{book.title[lang]} › {project.ui[lang]['steps']} {number}"
        path = f"playbooks/{book_id}/#{step_id}"
    else:
        slug, _, section_id = citation.partition("#")
        page = project.article(slug, lang)
        section = page.section(section_id) if page else None
        label = f"{page.title} › {section.title}" if page and section else citation
        path = f"articles/{slug}/#{section_id}"
    if not site_url:
        return html.escape(label, quote=False)
    # The published site uses directory URLs (mkdocs.yml); the default language is at the root.
    href = site_url.rstrip("/") + "/" + url_prefix(lang) + path
    return f'<a href="{attr(href)}" target="_blank" rel="noopener">{html.escape(label, quote=False)}</a>'


def _choices(question: Question, number: int, lang: str) -> list[str]:
    kind = "radio" if question.type == "single" else "checkbox"
    out = ['<ul class="sco-options">']
    for index, option in enumerate(question.options or []):
        correct = ' data-correct="true"' if option.correct else ""
        out.append(f'<li><label><input type="{kind}" name="q{number}" value="{choice_key(index)}"{correct}> '
                   f"{inline_html(option.text[lang])}</label>")
        if option.feedback is not None:
            out.append(f'<p class="sco-option-feedback" hidden>{inline_html(option.feedback[lang])}</p>')
        out.append("</li>")
    out.append("</ul>")
    return out


def _question(project: Project, module: QuizModule, question: Question, number: int, lang: str,
              site_url: str | None) -> list[str]:
    ui = project.ui[lang]
    head = (f'<form class="sco-q" id="q{number}" data-key="{question.id}" '
            f'data-id="{interaction_id(module, question)}" data-type="{question.type}">')
    if question.type == "fill":
        accepted = attr(json.dumps(question.answers[lang], ensure_ascii=False))  # type: ignore[index]
        before, _, after = question.question[lang].partition(BLANK)
        body = [f'<p class="sco-stem"><span class="sco-n">{number}.</span> <label>{inline_html(before)} '
                f'<input type="text" name="q{number}" maxlength="{MAX_TYPED}" autocomplete="off" spellcheck="false" '
                f'data-accepted="{accepted}"> {inline_html(after)}</label></p>']
        key = (f'<p class="sco-key" hidden>{html.escape(ui["correct_answer"])}: '
               f"{html.escape(question.answers[lang][0])}</p>")  # type: ignore[index]
    else:
        body = ['<fieldset>', f'<legend class="sco-stem"><span class="sco-n">{number}.</span> '
                f"{inline_html(question.question[lang])}</legend>", *_choices(question, number, lang), "</fieldset>"]
        key = ""
    return [
        head, *body,
        f'<p><button type="submit">{html.escape(ui["scorm_check"])}</button></p>',
        '<div class="sco-after" hidden>',
        '<p class="sco-verdict"></p>', key,
        f'<p class="sco-explanation">{inline_html(question.explanation[lang])}</p>',
        f'<p class="sco-cite">{html.escape(ui["read_more"])}: {_citation(project, question.cite, lang, site_url)}</p>',
        "</div>",
        "</form>",
    ]


def sco_page(project: Project, module: QuizModule, lang: str, version: str, site_url: str | None = None) -> str:
    """The SCO's index.html; `version` is "1.2" or "2004" (which API the script looks for)."""
    ui = project.ui[lang]
    labels = {
        "correct": ui["scorm_correct"], "incorrect": ui["scorm_incorrect"], "answered": ui["progress_in_progress"],
        "passed": ui["progress_passed"], "failed": ui["progress_failed"],
    }
    data = " ".join(f'data-{key}-label="{attr(value)}"' for key, value in labels.items())
    meta = (f'{html.escape(ui["minutes_label"].format(n=module.minutes))} · '
            f'{html.escape(ui["pass_mark_label"].format(**{"pass": module.pass_mark}))}')
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" data-scorm="{version}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(module.title[lang])}</title>",
        '<link rel="stylesheet" href="scorm_sco.css">',
        "</head>",
        "<body>",
        f'<main class="sco" data-module="{module.id}" data-pass="{module.pass_mark}" {data}>',
        f"<h1>{html.escape(module.title[lang])}</h1>",
        f"<p>{inline_html(module.intro[lang])}</p>",
        f'<p class="sco-meta">{meta}</p>',
        f'<p class="sco-notice sco-no-lms" hidden>{html.escape(ui["scorm_no_lms"])}</p>',
        f'<p class="sco-notice sco-resumed" hidden>{html.escape(ui["scorm_resumed"])}</p>',
    ]
    for number, question in enumerate(module.questions, start=1):
        out += _question(project, module, question, number, lang, site_url)
    out += [
        '<p class="sco-progress" role="status"></p>',
        '<section class="sco-result" hidden>',
        f'<h2>{html.escape(ui["scorm_result"])}</h2>',
        '<p class="sco-score" role="status"></p>',
        "</section>",
        "</main>",
        '<script src="scorm_sco.js"></script>',
        "</body>",
        "</html>",
    ]
    return "\n".join(line for line in out if line) + "\n"
