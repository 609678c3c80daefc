"""Quiz modules, checked file by file and then across files.

Each file is checked on its own once the articles and playbooks it cites are
loaded, and summed up in a small digest (ID, prerequisites, problems); what
needs all modules at once (duplicate IDs, prerequisites) is checked here
afterwards, from the digests. `kb check` keeps only the digests, not the
parsed modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.checks.generated_names import colliding_quiz_ids
from kb.checks.prerequisites import prerequisite_cycles
from kb.diagnostics import Diagnostic, error
from kb.content.files import content_files
from kb.content.load import Located, load_yaml
from kb.content.loaded import QUIZ_DIR, Loaded, Project, duplicate_id, id_mismatch, load_file, relative_path
from kb.content.quiz import QuizModule
from kb.checks.validate import quiz_module_problems, unknown_references

@dataclass(frozen=True)
class QuizDigest:
    """What checking one quiz file found, and what the checks across files need."""

    path: str
    id: str | None  # None when the file could not be loaded
    prerequisites: tuple[str, ...]
    questions: int
    file_problems: tuple[Diagnostic, ...]  # reading, parsing, file name
    module_problems: tuple[Diagnostic, ...]  # checks of a loaded module (dropped for a duplicate ID)


def read_quiz_file(project: Project, path: Path) -> tuple[Loaded[QuizModule] | None, QuizDigest]:
    loaded, problems = load_file(project.root, path, QuizModule, QUIZ_DIR)
    if loaded is None:
        return None, QuizDigest(relative_path(project.root, path), None, (), 0, tuple(problems), ())
    module = loaded.item
    problems += id_mismatch(loaded, path.stem, QUIZ_DIR)
    digest = QuizDigest(loaded.path, module.id, tuple(module.prerequisites), len(module.questions),
                        tuple(problems), tuple(quiz_module_problems(project, loaded)))
    return loaded, digest


def load_quizzes(project: Project, keep: bool) -> None:
    """Fill `project.quiz_digests` (and `project.quizzes` when `keep`) and add the problems."""
    paths, problems = content_files(project.root, QUIZ_DIR)
    project.diagnostics += problems
    for path in paths:
        loaded, digest = read_quiz_file(project, path)
        project.diagnostics += digest.file_problems
        if digest.id is None:
            continue
        if digest.id in project.quiz_digests:
            first = project.quiz_digests[digest.id].path
            project.diagnostics.append(duplicate_id(_reread(project, digest.path), digest.id, first))
            continue
        project.diagnostics += digest.module_problems
        project.quiz_digests[digest.id] = digest
        if keep and loaded is not None:
            project.quizzes[digest.id] = loaded
    project.diagnostics += _across_modules(project)
    for digest in project.quiz_digests.values():
        if any(ref not in project.quiz_digests for ref in digest.prerequisites):
            project.diagnostics += unknown_references(_reread(project, digest.path), list(digest.prerequisites),
                                                      "prerequisites", project.quiz_digests, "quiz module")


def _across_modules(project: Project) -> list[Diagnostic]:
    """Page names that two modules would both write; prerequisite cycles."""
    problems = []
    digests = project.quiz_digests
    for module_id, other in sorted(colliding_quiz_ids(list(digests)).items()):
        loaded = _reread(project, digests[module_id].path)
        problems.append(error(loaded.path, *loaded.located.where(("id",), True), "id-collision",
                              f"ID '{module_id}' makes a page with the same name as a page of module '{other}' "
                              f"({digests[other].path}): choose an ID that does not end in -sheet or -key"))
    requires = {module_id: digest.prerequisites for module_id, digest in digests.items()}
    for cycle in prerequisite_cycles(requires):
        if len(cycle) == 2:
            continue  # a module requiring itself is reported with the module (validate)
        first = min(cycle, key=lambda module_id: digests[module_id].path)
        loaded = _reread(project, digests[first].path)
        problems.append(error(loaded.path, *loaded.located.where(("prerequisites",)), "prerequisite-cycle",
                              f"prerequisites form a cycle: {' → '.join(cycle)}; a module in it can never be started"))
    return problems


def _reread(project: Project, path: str) -> Loaded[Any]:
    """A quiz file read again for the positions of a problem found across files.

    Digests carry no positions, and such problems are rare.
    """
    located, _ = load_yaml((project.root / path).read_bytes(), path)
    return Loaded(None, path, located or Located(None))
