"""Interface strings the build adds to pages, one YAML file per language."""

from __future__ import annotations

import string
from pathlib import Path

from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES
from kb.content.files import file_problem
from kb.content.load import load_yaml
from kb.content.model import forbidden_character

UI_DIR = "locales/ui"

REQUIRED_KEYS: tuple[str, ...] = (
    "language_name", "articles", "source_note", "original_note",
    *(f"translated_from_{lang}" for lang in LANGUAGES),
    *(f"section_translated_from_{lang}" for lang in LANGUAGES),
    "view_original", "outdated_translation",
    "glossary", "glossary_intro", "letter_index", "synonyms", "related_terms", "other_languages", "read_more",
    "content_status", "content_status_intro", "status_original", "status_translated", "status_outdated",
    "status_partly_translated", "col_item", "col_kind", "col_language", "col_status", "col_last_reviewed",
    "col_review_due", "overdue", "kind_article", "kind_term", "kind_playbook", "kind_quiz",
    "reviewed_on", "needs_review", "home", "permalink",
    # playbooks
    "playbooks", "playbooks_intro", "category_calls", "category_complaints", "category_loyalty",
    "category_communication", "situation", "goal", "who_may_act", "role_any_rep", "role_retention_department",
    "role_team_lead", "steps", "why", "say", "avoid", "offers", "offered_by", "limit", "ask_team_lead",
    "escalation", "when", "how", "follow_up", "templates", "copy", "source", "practice_quiz",
    # quizzes, onboarding, trainers
    "quizzes", "start_here", "start_here_intro", "read_first", "take_quiz", "progress_not_started", "progress_in_progress", "progress_passed", "progress_failed", "overall_progress", "trainers", "trainers_intro", "col_module", "col_objectives", "col_questions", "col_minutes", "col_pass_mark", "col_audience", "col_prerequisites", "copy_link", "question_sheet", "answer_key", "lms_export", "lms_export_intro", "receipts_title", "receipts_intro", "receipt_title", "receipt_intro", "your_name", "download_receipt", "copy_receipt", "receipt_note", "objectives_label", "pass_mark_label", "minutes_label", "correct_answer", "accepted_answers", "name_field", "date_field", "passed", "failed", "all_modules",
    # termbase
    "termbase", "termbase_intro", "col_preferred", "col_avoid", "reason_calque", "reason_coinage",
    "reason_machine_translation", "reason_wrong_register", "reason_different_concept", "reason_vendor_jargon",
    # learning path, translated sources, 404 page
    "next_step", "back_to_start", "source_article", *(f"original_language_{lang}" for lang in LANGUAGES),
    "not_found_title", "not_found_text", "not_found_home", "open_search",
)

# LMS exports (issue 13): the quiz result screen, the learner's receipt, the
# trainers' cohort view and one reason per receipt rule (kb/lms/receipt_rules.json).
LMS_KEYS: tuple[str, ...] = (
    "result_passed", "result_failed", "result_score", "result_reread", "result_retry", "result_next", "result_last",
    "result_start_here", "receipt_copied", "receipt_copy_failed", "receipt_need_name", "receipt_label_module",
    "receipt_label_name", "receipt_label_date", "receipt_label_score", "receipt_label_result", "receipt_label_version",
    "receipt_verified", "receipts_self_reported", "receipts_verified", "cohort_title", "cohort_intro", "cohort_drop", "cohort_choose",
    "cohort_clear", "cohort_summary", "cohort_chart", "cohort_refused", "col_learner", "col_score", "col_correct",
    "col_result", "col_date", "col_attempts", "col_file",
    *("reason_" + code.replace("-", "_") for code in (
        "unreadable", "too-large", "not-utf8", "too-deep", "not-json", "not-a-receipt", "missing-field", "wrong-type",
        "bad-count", "bad-date", "no-name", "unknown-language", "unknown-module", "unknown-version", "wrong-total",
        "wrong-pass-mark", "wrong-score", "wrong-passed", "future-date", "old-date")),
)
REQUIRED_KEYS += LMS_KEYS

Strings = dict[str, dict[str, str]]

# SCORM packages: the quiz SCO's own strings and the trainers' import note.
REQUIRED_KEYS += (
    "scorm_check", "scorm_correct", "scorm_incorrect", "scorm_result", "scorm_no_lms", "scorm_resumed",
    "scorm_packages", "scorm_import_note",
)


# The `{name}` fields each string may use: the build (str.format) or kb.js fills
# exactly these. Every other string has none; a misspelt one fails the build.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "source_note": frozenset({"source"}),
    "reviewed_on": frozenset({"date"}),
    "needs_review": frozenset({"date", "days"}),
    "offered_by": frozenset({"who"}),
    "progress_in_progress": frozenset({"answered", "total"}),
    "progress_passed": frozenset({"score"}),
    "progress_failed": frozenset({"score", "pass"}),
    "overall_progress": frozenset({"done", "total"}),
    "pass_mark_label": frozenset({"pass"}),
    "minutes_label": frozenset({"n"}),
    "result_score": frozenset({"correct", "total", "score", "pass"}),
    "cohort_summary": frozenset({"files", "learners", "refused"}),
    "source_article": frozenset({"title", "language"}),
}


def placeholder_problem(key: str, text: str) -> str | None:
    """Why `text` cannot be filled in as interface string `key`, or None."""
    allowed = PLACEHOLDERS.get(key, frozenset())
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError:
        return "a single '{' or '}': write placeholders as {name}"
    for name, spec, conversion in fields:
        if name not in allowed or spec or conversion:
            known = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
            return f"'{{{name}}}' is not a placeholder of '{key}' (it has: {known})"
    return None


def load_ui_strings(root: Path) -> tuple[Strings, list[Diagnostic]]:
    strings: Strings = {}
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        rel = f"{UI_DIR}/{lang}.yml"
        path = root / rel
        if not path.is_file():
            problems.append(error(rel, 1, 1, "missing-translation", f"interface strings for '{lang}' are missing"))
            strings[lang] = {}
            continue
        if (problem := file_problem(root, path)) is not None:
            problems.append(problem)
            strings[lang] = {}
            continue
        located, found = load_yaml(path.read_bytes(), rel)
        problems += found
        data = located.data if located and isinstance(located.data, dict) else {}
        strings[lang] = {str(k): str(v) for k, v in data.items() if isinstance(v, str) and v.strip()}
        for key in REQUIRED_KEYS:
            if key not in strings[lang]:
                problems.append(error(rel, 1, 1, "missing-translation", f"interface string '{key}' is missing or empty"))
        for key in data:
            if key not in REQUIRED_KEYS and located is not None:
                line, col = located.where((key,))
                problems.append(error(rel, line, col, "unknown-field", f"unknown interface string '{key}'"))
            elif located is not None and key in strings[lang] \
                    and (bad_character := forbidden_character(strings[lang][key])) is not None:
                problems.append(error(rel, *located.where((key,), True), "control-character",
                                      f"character {bad_character} is not allowed in text (a control character): remove it"))
            elif located is not None and key in strings[lang] \
                    and (wrong := placeholder_problem(key, strings[lang][key])) is not None:
                problems.append(error(rel, *located.where((key,), True), "unknown-placeholder", wrong))
                del strings[lang][key]  # pages are not built with it
    return strings, problems
