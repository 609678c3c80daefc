"""Playbooks: what a rep does, step by step, in one situation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kb.content.model import Citation, ContentModel, KebabId, LocalizedText, Review

Category = Literal["calls", "complaints", "loyalty", "communication"]
CATEGORIES: tuple[str, ...] = ("calls", "complaints", "loyalty", "communication")
Actor = Literal["any-rep", "retention-department"]
Approver = Literal["any-rep", "retention-department", "team-lead"]


class Step(ContentModel):
    id: KebabId = Field(description="Stable anchor of the step, unique within the playbook")
    action: LocalizedText = Field(description="What to do, in the imperative")
    why: LocalizedText = Field(description="Why it matters")
    say: LocalizedText | None = Field(default=None, description="Sample phrasing (copyable)")
    avoid: LocalizedText | None = Field(default=None, description="Phrasing or behaviour to avoid")
    cite: Citation


class Offer(ContentModel):
    term: KebabId = Field(description="Glossary term ID of what may be offered")
    who: Approver = Field(description="Who may make the offer")
    limit: KebabId | None = Field(default=None, description="company.yml setting that limits the offer")
    cite: Citation


class Escalation(ContentModel):
    when: LocalizedText
    how: LocalizedText
    cite: Citation


class FollowUp(ContentModel):
    text: LocalizedText
    cite: Citation


class Template(ContentModel):
    id: KebabId
    text: LocalizedText


class Playbook(ContentModel):
    """One situation, in all four languages."""

    id: KebabId
    category: Category
    title: LocalizedText
    situation: LocalizedText = Field(description="What the rep sees")
    goal: LocalizedText
    who_may_act: Actor
    steps: list[Step] = Field(min_length=1)
    offers: list[Offer] = Field(default_factory=list)
    escalation: Escalation
    follow_up: FollowUp
    templates: list[Template] = Field(default_factory=list, description="Reply templates (copyable)")
    terms: list[KebabId] = Field(default_factory=list, description="Glossary terms the playbook relies on")
    quiz: KebabId | None = Field(default=None, description="ID of the quiz module that practises this playbook")
    review: Review

    def texts(self) -> list[tuple[tuple[str | int, ...], LocalizedText]]:
        """Every localized text with its path (for placeholder checks)."""
        found: list[tuple[tuple[str | int, ...], LocalizedText]] = [
            (("title",), self.title), (("situation",), self.situation), (("goal",), self.goal),
            (("escalation", "when"), self.escalation.when), (("escalation", "how"), self.escalation.how),
            (("follow_up", "text"), self.follow_up.text),
        ]
        for index, step in enumerate(self.steps):
            for name in ("action", "why", "say", "avoid"):
                value = getattr(step, name)
                if value is not None:
                    found.append((("steps", index, name), value))
        for index, template in enumerate(self.templates):
            found.append((("templates", index, "text"), template.text))
        return found
