"""The end of a quiz page: the result screen (passed or failed against the
module's pass mark, with what to do next) and the learner's receipt, shown as
a readable summary in the page's language. kb.js fills both in when every
question is answered."""

from __future__ import annotations

import html
import json

from kb.content.learning_path import module_order
from kb.content.project import Project
from kb.content.quiz import QuizModule, content_version
from kb.render.links import SiteUrls, relative
from kb.render.text import attr


def _labels(project: Project, lang: str, keys: tuple[str, ...]) -> str:
    ui = project.ui[lang]
    return " ".join(f'data-{key.replace("_", "-")}="{attr(ui[key])}"' for key in keys)


def result_panel(project: Project, module: QuizModule, lang: str, urls: SiteUrls, here: str) -> list[str]:
    """Passed or failed; on a fail the sections to re-read (kb.js takes them
    from the citations of the questions missed) and a retry; on a pass the
    next module of the path. Both link back to "Start here"."""
    ui = project.ui[lang]
    order = [m.id for m in module_order(project)]
    position = order.index(module.id)
    nxt = project.quizzes[order[position + 1]].item if position + 1 < len(order) else None
    start = relative(urls.page(lang, "start/index"), here)
    labels = _labels(project, lang, ("result_passed", "result_failed", "result_score"))
    out = [
        f'<section class="kb-result" hidden data-total="{len(module.questions)}" data-pass="{module.pass_mark}" {labels}>',
        '<h2 class="kb-result-title" id="result" tabindex="-1"></h2>',
        '<p class="kb-result-score"></p>',
        '<div class="kb-result-failed" hidden>',
        f'<p>{html.escape(ui["result_reread"])}</p>',
        '<ul class="kb-result-reread"></ul>',
        f'<p><button type="button" class="md-button md-button--primary kb-result-retry">{html.escape(ui["result_retry"])}</button></p>',
        "</div>",
        '<div class="kb-result-passed" hidden>',
    ]
    if nxt is not None:
        href = relative(urls.quiz(lang, nxt.id), here)
        out.append(f'<p>{html.escape(ui["result_next"])}: <a class="md-button md-button--primary kb-result-next" '
                   f'href="{attr(href)}">{html.escape(nxt.title[lang])}</a></p>')
    else:
        out.append(f'<p class="kb-result-last">{html.escape(ui["result_last"])}</p>')
    out += [
        "</div>",
        f'<p><a class="kb-result-start" href="{attr(start)}">{html.escape(ui["result_start_here"])}</a></p>',
        "</section>",
        "",
    ]
    return out


def receipt_panel(project: Project, module: QuizModule, lang: str) -> list[str]:
    """The learner's receipt: a summary in their language; the file stays JSON."""
    ui = project.ui[lang]
    data = {
        "module": module.id, "version": content_version(module), "language": lang,
        "total": len(module.questions), "pass": module.pass_mark,
    }
    attrs = " ".join(f'data-{key}="{attr(str(value))}"' for key, value in data.items())
    labels = _labels(project, lang, ("passed", "failed", "receipt_copied", "receipt_copy_failed", "receipt_need_name"))
    rows = [("module", "receipt_label_module", module.title[lang]), ("name", "receipt_label_name", ""),
            ("date", "receipt_label_date", ""), ("score", "receipt_label_score", ""),
            ("result", "receipt_label_result", ""), ("version", "receipt_label_version", data["version"])]
    summary = "".join(f'<dt>{html.escape(ui[label])}</dt><dd class="kb-receipt-show-{field}">{html.escape(str(value))}</dd>'
                      for field, label, value in rows)
    return [
        f'<section class="kb-receipt" hidden {attrs} {labels}>',
        f'<h2 id="receipt">{html.escape(ui["receipt_title"])}</h2>',
        f'<p>{html.escape(ui["receipt_intro"])}</p>',
        f'<label>{html.escape(ui["your_name"])} <input type="text" class="kb-receipt-name" autocomplete="name"></label>',
        f'<dl class="kb-receipt-summary">{summary}</dl>',
        f'<button type="button" class="md-button md-button--primary kb-receipt-download">{html.escape(ui["download_receipt"])}</button>',
        f'<button type="button" class="md-button kb-receipt-copy">{html.escape(ui["copy_receipt"])}</button>',
        '<p class="kb-receipt-status" role="status" aria-live="polite"></p>',
        f'<p class="kb-cite">{html.escape(ui["receipt_note"])} {html.escape(ui["receipt_verified"])}</p>',
        "</section>",
        "",
    ]


def embedded_json(css_class: str, value: object) -> str:
    # An attribute, not a <script>: the page sanitiser lets no script through.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return f'<div class="{css_class}" hidden data-json="{attr(text)}"></div>'
