"""Quiz modules: onboarding questions in all four languages."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kb.content.model import ContentModel, KebabId, LocalizedList, LocalizedText, Review

# An article section, or a playbook step: `playbooks/<id>#<step>`.
QuizCitation = Annotated[str, StringConstraints(pattern=r"^(playbooks/)?[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$")]
StudyItem = Annotated[str, StringConstraints(pattern=r"^(articles|playbooks)/[a-z0-9]+(?:-[a-z0-9]+)*$")]
Audience = Literal["any-rep", "retention-department"]
BLANK = "___"
# Pages made from each module: docs/<lang>/quizzes/<id><suffix>.md (kb.render.generate).
QUIZ_PAGE_SUFFIXES = ("", "-sheet", "-key")


class Option(ContentModel):
    text: LocalizedText
    correct: bool = False
    feedback: LocalizedText | None = Field(default=None, description="Why this option is wrong (required when wrong)")


class Question(ContentModel):
    id: KebabId = Field(description="Stable ID, unique within the module")
    type: Literal["single", "multiple", "fill"]
    question: LocalizedText = Field(description="For fill questions, contains exactly one ___ blank")
    options: list[Option] | None = Field(
        default=None, max_length=26,
        description="single and multiple only; at most 26 (SCORM 1.2 names each choice with one letter, a to z)")
    answers: LocalizedList | None = Field(default=None, description="fill only: accepted answers, canonical first")
    explanation: LocalizedText
    cite: QuizCitation


class QuizModule(ContentModel):
    id: KebabId
    title: LocalizedText
    intro: LocalizedText
    objectives: list[LocalizedText] = Field(min_length=1)
    minutes: int = Field(gt=0, le=240)
    pass_mark: int = Field(ge=1, le=100, description="Percent of correct answers needed to pass")
    audience: Audience
    prerequisites: list[KebabId] = Field(default_factory=list)
    study: list[StudyItem] = Field(default_factory=list,
                                   description="What to read before the quiz: articles/<slug> or playbooks/<id>")
    questions: list[Question] = Field(min_length=1)
    review: Review


def content_version(module: QuizModule) -> str:
    """Short digest of a module's content: receipts record which version was taken."""
    import hashlib

    return hashlib.sha256(module.model_dump_json().encode("utf-8")).hexdigest()[:10]
