"""Checks across files: completeness, references, citations, translation status."""

from __future__ import annotations

import re
from typing import Any

from kb.clock import today
from kb.content.articles import ArticlePage
from kb.checks.defects import find_defects
from kb.checks.style import check_style
from kb.checks.termbase import check_terminology
from kb.checks.texts import all_prose
from kb.checks.generated_names import name_problem, quiz_page_stems
from kb.checks.html_safety import has_markup, strings_of, text_problems
from kb.checks.placeholders import markdown_placeholder_problems, placeholder_problem, yaml_placeholder_problems
from kb.checks.quiz_syntax import quiz_text_problem
from kb.content.company import COMPANY_FILE, PLACEHOLDER, CompanySettings
from kb.diagnostics import Diagnostic, error, note, warning
from kb.languages import DEFAULT_LANGUAGE, LANGUAGES
from kb.lms.gift import MOODLE_PERCENTS, gift_weights
from kb.content.playbook import Playbook
from kb.content.quiz import BLANK, Question, QuizModule
from kb.content.loaded import Loaded, Project
from kb.content.sources import SOURCE_LANGUAGE
from kb.content.translation import is_outdated

# A path into a content file's data, as `Located.where` takes it: keys and list indexes.
FieldPath = tuple[str | int, ...]


def _check_article_set(project: Project) -> list[Diagnostic]:
    problems = []
    for slug in project.slugs:
        pages = {lang: project.article(slug, lang) for lang in LANGUAGES}
        present = [page for page in pages.values() if page]
        anchor = present[0]
        for lang, page in pages.items():
            if page is None:
                problems.append(error(anchor.path, 1, 1, "missing-translation",
                                      f"article '{slug}' has no {lang} page: write docs/{lang}/articles/{slug}.md"))
        reference = [s.id for s in anchor.sections]
        for page in present[1:]:
            ids = [s.id for s in page.sections]
            if ids != reference:
                missing = [sid for sid in reference if sid not in ids]
                extra = [sid for sid in ids if sid not in reference]
                detail = []
                if missing:
                    detail.append(f"missing {', '.join(missing)}")
                if extra:
                    detail.append(f"extra {', '.join(extra)}")
                if not detail:
                    detail.append("same IDs in a different order")
                problems.append(error(page.path, page.front_matter_lines + 1, 1, "section-mismatch",
                                      f"sections differ from {anchor.path}: {'; '.join(detail)}"))
    return problems


def _check_translation(project: Project, page: ArticlePage) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    tr = page.meta.translation
    fully_translated = tr is not None and set(page.translated_sections) >= {s.id for s in page.sections}
    expected_source_lang = tr.from_ if (tr and fully_translated) else page.lang
    if SOURCE_LANGUAGE.get(page.meta.source) != expected_source_lang:
        line, col = page.where_meta("source")
        problems.append(error(page.path, line, col, "wrong-source",
                              f"{page.meta.source} is not a {expected_source_lang} source"))
    if tr is None:
        return problems
    line, col = page.where_meta("translation", "from")
    if tr.from_ == page.lang:
        return problems + [error(page.path, line, col, "invalid-value", "a page cannot be translated from its own language")]
    original = project.article(page.slug, tr.from_)
    if original is None:
        return problems + [error(page.path, line, col, "broken-reference",
                                 f"the original docs/{tr.from_}/articles/{page.slug}.md does not exist")]
    for sid, recorded in page.translated_sections.items():
        line, col = page.where_meta("translation", "sections", sid) if isinstance(tr.sections, dict) \
            else page.where_meta("translation", "sections")
        source_section = original.section(sid)
        if page.section(sid) is None:
            problems.append(error(page.path, line, col, "broken-reference", f"this page has no section '{sid}'"))
        if source_section is None:
            problems.append(error(page.path, line, col, "broken-reference", f"the original {original.path} has no section '{sid}'"))
            continue
        if sid in original.translated_sections:
            problems.append(error(page.path, line, col, "translation-chain",
                                  f"section '{sid}' of {original.path} is itself a translation: translate from its original"))
        if recorded is None:
            problems.append(warning(page.path, line, col, "unstamped-translation",
                                    f"section '{sid}' has no digest of its original: run `kb stamp`"))
        elif is_outdated(original, sid, recorded):
            problems.append(warning(page.path, line, col, "outdated-translation",
                                    f"section '{sid}' was translated from an earlier version of {original.path}; "
                                    "update the translation, then run `kb stamp`"))
    return problems


def _check_defects(page: ArticlePage, text: str) -> list[Diagnostic]:
    return [
        error(page.path, line, col, "known-defect", f"'{defect}' is a known defect of the sources (sources/README.md)")
        for line, col, defect in find_defects(text)
    ]


def _duplicate_ids(loaded: Loaded[Any], field: str, ids: list[str], what: str) -> list[Diagnostic]:
    """Step or question IDs must be unique within their file (they are anchors)."""
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(error(loaded.path, *loaded.located.where((field, index, "id"), True), "duplicate-id",
                                  f"{what} ID '{item_id}' is also used by {what} {seen[item_id] + 1}"))
        seen.setdefault(item_id, index)
    return problems


def _check_review(loaded: Loaded[Any]) -> list[Diagnostic]:
    review = loaded.item.review
    if review.last_reviewed > today():
        return [error(loaded.path, *loaded.located.where(("review", "last_reviewed"), True), "date-in-future",
                      f"review.last_reviewed {review.last_reviewed.isoformat()} is after today "
                      f"({today().isoformat()}): write the date the review happened")]
    if not review.overdue(today()):
        return []
    return [warning(loaded.path, *loaded.located.where(("review", "last_reviewed"), True), "review-overdue",
                    f"review was due on {review.due.isoformat()}")]


def _check_citation(project: Project, loaded: Loaded[Any], field: FieldPath, citation: str) -> list[Diagnostic]:
    """`citation` (at `field` of `loaded`) names an article section that exists in every language."""
    slug, _, section = citation.partition("#")
    missing_in = None
    for lang in LANGUAGES:
        page = project.article(slug, lang)
        if page is None:
            return [_broken_citation(loaded, field, f"'{citation}': there is no article '{slug}'")]
        if missing_in is None and page.section(section) is None:
            missing_in = lang
    if missing_in is None:
        return []
    return [_broken_citation(loaded, field, f"'{citation}': article '{slug}' has no section '{section}' in {missing_in}")]


def _broken_citation(loaded: Loaded[Any], field: FieldPath, message: str) -> Diagnostic:
    # Positions are looked up only for a problem: a clean file never needs them.
    return error(loaded.path, *loaded.located.where(field, True), "broken-citation", message)


def _check_terms(project: Project) -> list[Diagnostic]:
    problems = []
    for term_id, loaded in project.terms.items():
        term = loaded.item
        problems += _check_citation(project, loaded, ("cite",), term.cite)
        for index, ref in enumerate(term.related):
            if ref == term_id:
                problems.append(error(loaded.path, *loaded.located.where(("related", index), True), "invalid-value",
                                      "a term cannot be related to itself"))
            elif ref not in project.terms:
                problems.append(error(loaded.path, *loaded.located.where(("related", index), True), "unknown-reference",
                                      f"related term '{ref}' does not exist"))
        problems += _check_review(loaded)
        problems += yaml_placeholder_problems(loaded.located, loaded.path)
    return problems


def unknown_references(loaded: Loaded[Any], refs: list[str], field: str, known: dict[str, Any], what: str) -> list[Diagnostic]:
    """`refs` (the list at `field`) that are not keys of `known`."""
    return [
        error(loaded.path, *loaded.located.where((field, index), True), "unknown-reference", f"{what} '{ref}' does not exist")
        for index, ref in enumerate(refs) if ref not in known
    ]


def _check_placeholders(project: Project, loaded: Loaded[Playbook], used: dict[str, list[str]]) -> list[Diagnostic]:
    problems = []
    keys = CompanySettings.keys()
    for path, text in loaded.item.texts():
        for lang in LANGUAGES:
            for key in PLACEHOLDER.findall(text[lang]):
                if key not in keys:
                    problems.append(error(loaded.path, *loaded.located.where(path + (lang,), True), "unknown-setting",
                                          f"{{company:{key}}} is not a company.yml setting; known: {', '.join(keys)}"))
                else:
                    used.setdefault(key, []).append(loaded.path)
    return problems


def _id_makes_names(loaded: Loaded[Any], stems: list[str]) -> list[Diagnostic]:
    """The file names made from the item's ID can be written (generated_names)."""
    problem = name_problem(loaded.item.id, stems)
    return [] if problem is None else [error(loaded.path, *loaded.located.where(("id",), True), "invalid-id", problem)]


def _check_playbooks(project: Project) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    used: dict[str, list[str]] = {}
    keys = CompanySettings.keys()
    for loaded in project.playbooks.values():
        book, where = loaded.item, loaded.located.where
        problems += _id_makes_names(loaded, [book.id])
        problems += _duplicate_ids(loaded, "steps", [step.id for step in book.steps], "step")
        for index, step in enumerate(book.steps):
            problems += _check_citation(project, loaded, ("steps", index, "cite"), step.cite)
        for index, offer in enumerate(book.offers):
            problems += _check_citation(project, loaded, ("offers", index, "cite"), offer.cite)
            if offer.term not in project.terms:
                problems.append(error(loaded.path, *where(("offers", index, "term"), True), "unknown-reference",
                                      f"glossary term '{offer.term}' does not exist"))
            if offer.limit is not None:
                if offer.limit not in keys:
                    problems.append(error(loaded.path, *where(("offers", index, "limit"), True), "unknown-setting",
                                          f"'{offer.limit}' is not a company.yml setting; known: {', '.join(keys)}"))
                else:
                    used.setdefault(offer.limit, []).append(loaded.path)
        problems += _check_citation(project, loaded, ("escalation", "cite"), book.escalation.cite)
        problems += _check_citation(project, loaded, ("follow_up", "cite"), book.follow_up.cite)
        problems += unknown_references(loaded, book.terms, "terms", project.terms, "glossary term")
        problems += _check_placeholders(project, loaded, used)
        problems += _check_review(loaded)
    if project.company is not None:
        for key in sorted(used):
            if project.company.item.value(key) is None:
                users = ", ".join(sorted(set(used[key])))
                problems.append(note(COMPANY_FILE, *project.company.located.where((key,)), "unset-setting",
                                     f"'{key}' is not set: pages tell reps to ask their team lead (used by {users})"))
    return problems


def _resolve_quiz_citation(project: Project, loaded: Loaded[Any], field: FieldPath, citation: str) -> list[Diagnostic]:
    if not citation.startswith("playbooks/"):
        return _check_citation(project, loaded, field, citation)
    book_id, _, step = citation.removeprefix("playbooks/").partition("#")
    book = project.playbooks.get(book_id)
    if book is None:
        return [_broken_citation(loaded, field, f"'{citation}': there is no playbook '{book_id}'")]
    if step not in {s.id for s in book.item.steps}:
        return [_broken_citation(loaded, field, f"'{citation}': playbook '{book_id}' has no step '{step}'")]
    return []


def _check_question(project: Project, loaded: Loaded[QuizModule], index: int, question: Question) -> list[Diagnostic]:
    path, where = loaded.path, loaded.located.where
    at = ("questions", index)
    problems = _resolve_quiz_citation(project, loaded, at + ("cite",), question.cite)
    if question.type == "fill":
        if question.options:
            problems.append(error(path, *where(at + ("options",)), "invalid-value",
                                  "a fill question has no options; use answers"))
        if question.answers is None:
            problems.append(error(path, *where(at + ("type",)), "missing-answers",
                                  f"questions[{index}]: a fill question lists its accepted answers"))
        for lang in LANGUAGES:
            if question.answers is not None and not question.answers[lang]:
                problems.append(error(path, *where(at + ("answers", lang)), "missing-answers",
                                      f"questions[{index}].answers.{lang} is empty"))
            if question.question[lang].count(BLANK) != 1:
                problems.append(error(path, *where(at + ("question", lang), True), "fill-needs-blank",
                                      f"questions[{index}].question.{lang} must contain exactly one {BLANK}"))
        return problems
    if question.answers is not None:
        problems.append(error(path, *where(at + ("answers",)), "invalid-value", "only fill questions have answers"))
    options = question.options or []
    if len(options) < 2:
        return problems + [error(path, *where(at + ("type",)), "too-few-options", f"questions[{index}] needs at least two options")]
    correct = sum(option.correct for option in options)
    if question.type == "single" and correct != 1:
        problems.append(error(path, *where(at + ("options",)), "single-needs-one-correct",
                              f"questions[{index}] is single choice: exactly one option must be correct, found {correct}"))
    if question.type == "multiple" and correct < 2:
        problems.append(error(path, *where(at + ("options",)), "multiple-needs-two-correct",
                              f"questions[{index}] is multiple choice: at least two options must be correct, found {correct}"))
    if question.type == "multiple" and correct == len(options):
        problems.append(error(path, *where(at + ("options",)), "multiple-all-correct",
                              f"questions[{index}] is multiple choice with every option correct: "
                              "add a wrong option (with feedback), or make it a different question"))
    elif question.type == "multiple" and gift_weights(question) is None:
        problems.append(error(path, *where(at + ("options",)), "gift-weights",
                              f"questions[{index}] has {correct} correct options: Moodle cannot give each an equal share "
                              f"of 100 % with its percentages ({', '.join(MOODLE_PERCENTS)}); use 2 to 10 or 20 correct options"))
    for lang in LANGUAGES:
        seen: set[str] = set()
        for number, option in enumerate(options):
            text = " ".join(option.text[lang].lower().split())
            if text in seen:
                problems.append(error(path, *where(at + ("options", number, "text", lang), True), "duplicate-option",
                                      f"questions[{index}].options[{number}].text.{lang} repeats another option"))
            seen.add(text)
    for number, option in enumerate(options):
        if not option.correct and option.feedback is None:
            problems.append(error(path, *where(at + ("options", number)), "missing-feedback",
                                  f"questions[{index}].options[{number}] is wrong and needs feedback saying why"))
    return problems


# Texts that can have a problem of their own: markup, a placeholder, a bracket.
_MAY_HAVE_PROBLEM = re.compile(r"[<&{\]]").search


def _quiz_text_problems(loaded: Loaded[QuizModule], html: bool) -> list[Diagnostic]:
    """The per-text checks of a quiz module in one walk over its texts (quiz modules are most of the content)."""
    problems: list[Diagnostic | None] = []
    located, path = loaded.located, loaded.path
    for at, text in strings_of(located.data, _MAY_HAVE_PROBLEM):
        if "]" in text:
            problems.append(quiz_text_problem(path, located.where, at, text))
        problems.append(placeholder_problem(located, path, at, text))
        if html and has_markup(text):
            problems += text_problems(located, path, at, text)
    return [problem for problem in problems if problem is not None]


def quiz_module_problems(project: Project, loaded: Loaded[QuizModule]) -> list[Diagnostic]:
    """Checks of one quiz module that need no other module (see quiz_files)."""
    module, where = loaded.item, loaded.located.where
    problems = _duplicate_ids(loaded, "questions", [q.id for q in module.questions], "question")
    problems += _id_makes_names(loaded, quiz_page_stems(module.id))
    problems += _quiz_text_problems(loaded, html=project.report_unsafe_html)
    for index, question in enumerate(module.questions):
        problems += _check_question(project, loaded, index, question)
    for index, item in enumerate(module.study):
        kind, _, name = item.partition("/")
        exists = project.article(name, DEFAULT_LANGUAGE) if kind == "articles" else project.playbooks.get(name)
        if exists is None:
            problems.append(error(loaded.path, *where(("study", index), True), "unknown-reference",
                                  f"'{item}' does not exist"))
    if module.id in module.prerequisites:
        problems.append(error(loaded.path, *where(("prerequisites",)), "invalid-value", "a module cannot require itself"))
    return problems + _check_review(loaded)


def _check_playbook_quizzes(project: Project) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for loaded in project.playbooks.values():
        quiz = loaded.item.quiz
        if quiz is not None and quiz not in project.quiz_digests:
            problems.append(error(loaded.path, *loaded.located.where(("quiz",), True), "unknown-reference",
                                  f"quiz module '{quiz}' does not exist"))
    return problems


def validate(project: Project) -> list[Diagnostic]:
    problems = _check_article_set(project)
    for page in project.articles.values():
        problems += _check_translation(project, page)
        problems += _check_defects(page, page.text)
    problems += _check_terms(project)
    problems += _check_playbooks(project)
    problems += _check_playbook_quizzes(project)  # quiz modules are checked as they load (quiz_files)
    parsed = {item.path: item.located for group in (project.terms, project.playbooks, project.quizzes)
              for item in group.values()}
    texts = list(all_prose(project.root, parsed))  # once for both text rules
    problems += check_terminology(texts, ((t.item, t.path) for t in project.terms.values()), LANGUAGES)
    problems += check_style(texts, project.style)
    for page in project.articles.values():
        problems += markdown_placeholder_problems(page.text, page.path)
    if project.company is not None:
        problems += yaml_placeholder_problems(project.company.located, project.company.path)
    return problems
