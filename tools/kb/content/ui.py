"""Interface strings the build adds to pages, one YAML file per language."""

from __future__ import annotations

from pathlib import Path

from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES
from kb.content.load import load_yaml

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
    "quizzes", "start_here", "start_here_intro", "read_first", "take_quiz", "progress_not_started", "progress_in_progress", "progress_passed", "progress_failed", "overall_progress", "trainers", "trainers_intro", "col_module", "col_objectives", "col_questions", "col_minutes", "col_pass_mark", "col_audience", "col_prerequisites", "col_assign", "col_print", "copy_link", "question_sheet", "answer_key", "lms_export", "lms_export_intro", "receipts_title", "receipts_intro", "receipt_title", "receipt_intro", "your_name", "download_receipt", "copy_receipt", "receipt_note", "objectives_label", "pass_mark_label", "minutes_label", "correct_answer", "accepted_answers", "name_field", "date_field", "passed", "failed", "all_modules",
)

Strings = dict[str, dict[str, str]]


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
    return strings, problems
