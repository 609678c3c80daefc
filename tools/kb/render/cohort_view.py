"""The trainers' page cohort view: receipt files dropped on the page are
checked and tabulated in the browser (assets/kb/receipts.js) with the same
rule set as `kb receipts`; nothing is uploaded, no network is needed."""

from __future__ import annotations

import html

from kb.content.project import Project
from kb.lms.receipts import RULES, module_catalogue
from kb.render.results import embedded_json
from kb.render.text import md_text

REASON_CODES = tuple(RULES["messages"])


def reason_key(code: str) -> str:
    return "reason_" + code.replace("-", "_")


def cohort_markdown(project: Project, lang: str, modules: list) -> list[str]:
    ui = project.ui[lang]
    catalogue = module_catalogue(modules)
    for module in modules:
        catalogue[module.id]["title"] = module.title[lang]
    labels = {"passed": ui["passed"], "failed": ui["failed"], "summary": ui["cohort_summary"],
              "chart": ui["cohort_chart"], "reasons": {code: ui[reason_key(code)] for code in REASON_CODES}}
    columns = ("col_learner", "col_module", "col_score", "col_correct", "col_result", "col_date", "col_attempts",
               "col_file")
    head = "".join(f"<th>{html.escape(ui[c])}</th>" for c in columns)
    return [
        f"## {md_text(ui['cohort_title'])} {{#cohort}}", "",
        '<section class="kb-cohort">',
        f'<p class="kb-self-reported"><strong>{html.escape(ui["receipts_self_reported"])}</strong> '
        f'{html.escape(ui["receipts_verified"])}</p>',
        f'<p>{html.escape(ui["cohort_intro"])}</p>',
        '<div class="kb-cohort-drop">',
        f'<p>{html.escape(ui["cohort_drop"])}</p>',
        f'<label>{html.escape(ui["cohort_choose"])} '
        '<input type="file" class="kb-cohort-input" multiple accept=".json,application/json"></label> '
        f'<button type="button" class="md-button kb-cohort-clear">{html.escape(ui["cohort_clear"])}</button>',
        "</div>",
        '<p class="kb-cohort-summary" role="status" aria-live="polite"></p>',
        '<div class="kb-cohort-chart"></div>',
        f'<table class="kb-cohort-table" hidden><thead><tr>{head}</tr></thead><tbody></tbody></table>',
        f'<h3 class="kb-cohort-refused-title" hidden>{html.escape(ui["cohort_refused"])}</h3>',
        '<ul class="kb-cohort-refused"></ul>',
        embedded_json("kb-receipt-rules", RULES),
        embedded_json("kb-receipt-catalogue", catalogue),
        embedded_json("kb-cohort-labels", labels),
        "</section>", "",
    ]
