"""The learning path: the order in which a new rep takes the quiz modules.

A fact about the content (prerequisites and the reading order of the articles),
used by "Start here", the trainers' page, the quiz result screen and the CLI.
"""

from __future__ import annotations

from kb.content.loaded import Project
from kb.content.quiz import QuizModule


def module_order(project: Project) -> list[QuizModule]:
    """Prerequisites first; among modules of the same depth, the order of their
    reading (articles in the site's reading order, then playbooks), then ID."""
    modules = {mid: loaded.item for mid, loaded in project.quizzes.items()}
    depth: dict[str, int] = {}

    def depth_of(mid: str, seen: tuple[str, ...] = ()) -> int:
        if mid not in depth:
            prerequisites = [p for p in modules[mid].prerequisites if p in modules and p not in seen]
            depth[mid] = 1 + max((depth_of(p, seen + (mid,)) for p in prerequisites), default=-1)
        return depth[mid]

    reading = {slug: index for index, slug in enumerate(project.article_order)}

    def first_reading(module: QuizModule) -> tuple[int, int]:
        for item in module.study:
            kind, _, name = item.partition("/")
            return (0, reading.get(name, len(reading))) if kind == "articles" else (1, 0)
        return (2, 0)

    return sorted(modules.values(), key=lambda m: (depth_of(m.id), first_reading(m), m.id))
