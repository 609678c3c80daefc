"""Moodle GIFT: one text file per language with every module as a category.

Question names are `module/question` IDs, so re-exporting gives the same file
and a re-import updates rather than duplicates. Text is HTML (`[html]`).

Moodle accepts only a fixed list of partial-credit percentages, and rejects a
multiple-answer question whose correct options do not add up to 100 %: the
correct options share 100 % equally and the wrong ones share -100 % (ticking
everything scores 0), with weights from that list. `kb check` rejects a
question that cannot be written that way (`gift_weights` returns None).
"""

from __future__ import annotations

from kb.content.quiz import BLANK, Question, QuizModule
from kb.lms.markup import inline_html

# Moodle's grade options (question/format/gift and the question editor), as it writes them.
MOODLE_PERCENTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
                   "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")
# Seven-decimal percentages of equal shares add up to 100 within this (e.g. 7 × 14.28571 = 99.99997).
TOLERANCE = 0.0001


def equal_share(count: int) -> str | None:
    """The percentage from Moodle's list that `count` options can share to make exactly 100, if any."""
    if count < 1:
        return None
    for percent in MOODLE_PERCENTS:
        if abs(float(percent) * count - 100) <= TOLERANCE:
            return percent
    return None


def gift_weights(question: Question) -> list[str] | None:
    """Each option's weight for a multiple-answer question, or None if Moodle cannot take it.

    Wrong options share -100 % when their number allows it, otherwise each is
    -100 %: either way none is positive and together they reach -100 % or less.
    """
    options = question.options or []
    correct = equal_share(sum(o.correct for o in options))
    if correct is None:
        return None
    wrong = equal_share(sum(not o.correct for o in options)) or "100"
    return [correct if o.correct else f"-{wrong}" for o in options]


def escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def _html(text: str) -> str:
    # `%` written as an HTML character reference: an option starting with `%50%`
    # must stay text, never become a weight (GIFT has no escape for `%`).
    return escape(inline_html(text).replace("%", "&#37;"))


def question_gift(module: QuizModule, index: int, lang: str) -> str:
    q = module.questions[index]
    name = escape(f"{module.id}/{q.id}")
    explanation = _html(q.explanation[lang])
    if q.type == "fill":
        stem = _html(q.question[lang].replace(BLANK, "_____"))
        # Short answers are plain text: an explicit weight keeps a leading `%` in the answer.
        answers = " ".join(f"=%100%{escape(answer)}" for answer in q.answers[lang])  # type: ignore[index]
        return f"::{name}::[html]{stem} {{{answers} ####{explanation}}}"
    stem = _html(q.question[lang])
    weights = gift_weights(q) if q.type == "multiple" else None
    if q.type == "multiple" and weights is None:
        raise ValueError(f"{module.id}/{q.id}: correct options cannot share 100 % in Moodle's percentages")
    lines = []
    for number, option in enumerate(q.options or []):
        feedback = f"#{_html(option.feedback[lang])}" if option.feedback else ""
        if weights is None:
            mark = "=" if option.correct else "~"
        else:
            mark = f"~%{weights[number]}%"
        lines.append(f"\t{mark}{_html(option.text[lang])}{feedback}")
    return f"::{name}::[html]{stem} {{\n" + "\n".join(lines) + f"\n\t####{explanation}\n}}"


def gift_document(modules: list[QuizModule], lang: str) -> str:
    blocks = []
    for module in modules:
        blocks.append(f"// {' '.join(module.title[lang].split())}\n$CATEGORY: retention-kb/{lang}/{module.id}")
        blocks += [question_gift(module, i, lang) for i in range(len(module.questions))]
    return "\n\n".join(blocks) + "\n"
