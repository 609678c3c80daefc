"""Moodle GIFT: one text file per language with every module as a category.

Question names are `module/question` IDs, so re-exporting gives the same file
and a re-import updates rather than duplicates. Text is HTML (`[html]`).
"""

from __future__ import annotations

from kb.content.quiz import BLANK, QuizModule
from kb.lms.markup import inline_html

# Moodle accepts only these partial-credit percentages.
_WEIGHTS = {2: "50", 3: "33.33333", 4: "25", 5: "20"}


def escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def _html(text: str) -> str:
    return escape(inline_html(text))


def question_gift(module: QuizModule, index: int, lang: str) -> str:
    q = module.questions[index]
    name = escape(f"{module.id}/{q.id}")
    explanation = _html(q.explanation[lang])
    if q.type == "fill":
        stem = _html(q.question[lang].replace(BLANK, "_____"))
        answers = " ".join(f"={escape(answer)}" for answer in q.answers[lang])  # type: ignore[index]
        return f"::{name}::[html]{stem} {{{answers} ####{explanation}}}"
    stem = _html(q.question[lang])
    correct = sum(o.correct for o in q.options or [])
    lines = []
    for option in q.options or []:
        feedback = f"#{_html(option.feedback[lang])}" if option.feedback else ""
        if q.type == "single":
            mark = "=" if option.correct else "~"
        else:
            mark = f"~%{_WEIGHTS.get(correct, '20')}%" if option.correct else "~%-100%"
        lines.append(f"\t{mark}{_html(option.text[lang])}{feedback}")
    return f"::{name}::[html]{stem} {{\n" + "\n".join(lines) + f"\n\t####{explanation}\n}}"


def gift_document(modules: list[QuizModule], lang: str) -> str:
    blocks = []
    for module in modules:
        blocks.append(f"// {' '.join(module.title[lang].split())}\n$CATEGORY: retention-kb/{lang}/{module.id}")
        blocks += [question_gift(module, i, lang) for i in range(len(module.questions))]
    return "\n\n".join(blocks) + "\n"
