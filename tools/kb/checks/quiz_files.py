"""Quiz modules, checked file by file and then across files.

Quiz modules are most of the content by size (10,000 questions are 1,254
files and 51 MB of YAML in bench/run.py), and each file can be checked on
its own once the articles and playbooks it cites are loaded. `kb check`
therefore checks them on every core: each process sends back a small
digest (ID, prerequisites, problems), not the parsed module, because
passing parsed modules between processes costs more than parsing them.
What needs all modules at once (duplicate IDs, prerequisites) is checked
here afterwards, from the digests.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.checks.check_record import CheckRecord, file_key
from kb.diagnostics import Diagnostic
from kb.content.load import Located, load_yaml
from kb.content.loaded import QUIZ_DIR, Loaded, Project, duplicate_id, id_mismatch, load_file, relative_path
from kb.content.quiz import QuizModule
from kb.checks.validate import quiz_module_problems, unknown_references

# Below this many files, starting processes costs more than it saves.
PARALLEL_FROM_FILES = 200


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


def load_quizzes(project: Project, keep: bool, jobs: int, record: CheckRecord | None = None) -> None:
    """Fill `project.quiz_digests` (and `project.quizzes` when `keep`) and add the problems.

    With a `record` (and not `keep`), files checked before with the same bytes
    and context are not checked again; the record is updated.
    """
    paths = sorted((project.root / QUIZ_DIR).glob("*.yml"))
    if keep:
        results = [read_quiz_file(project, path) for path in paths]
    else:
        results = [(None, digest) for digest in _digests(project, paths, jobs, record)]
    for loaded, digest in results:
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
    for digest in project.quiz_digests.values():
        if any(ref not in project.quiz_digests for ref in digest.prerequisites):
            project.diagnostics += unknown_references(_reread(project, digest.path), list(digest.prerequisites),
                                                      "prerequisites", project.quiz_digests, "quiz module")


def _reread(project: Project, path: str) -> Loaded[Any]:
    """A quiz file read again for the positions of a problem found across files.

    Digests carry no positions, and such problems are rare.
    """
    located, _ = load_yaml((project.root / path).read_bytes(), path)
    return Loaded(None, path, located or Located(None))


def _digests(project: Project, paths: list[Path], jobs: int, record: CheckRecord | None) -> list[QuizDigest]:
    names = [relative_path(project.root, path) for path in paths]
    keys = [file_key(path.read_bytes()) for path in paths] if record else []
    found = {name: record.get(name, key) for name, key in zip(names, keys)} if record else {}
    unchecked = [number for number, name in enumerate(names) if found.get(name) is None]
    can_fork = "fork" in multiprocessing.get_all_start_methods()  # not on Windows
    if jobs <= 1 or len(unchecked) < PARALLEL_FROM_FILES or not can_fork:
        checked = [read_quiz_file(project, paths[number])[1] for number in unchecked]
    else:
        checked = _digests_on_all_cores(project, [paths[number] for number in unchecked], jobs)
    for number, digest in zip(unchecked, checked):
        found[names[number]] = digest
        if record:
            record.put(names[number], keys[number], digest)
    if record:
        record.save()
    project.quiz_files_reused = len(paths) - len(unchecked)
    return [found[name] for name in names]


# The project as loaded so far, for the forked worker processes to read
# without it being sent to them.
_shared_project: Project | None = None


def _digest_in_worker(path: Path) -> QuizDigest:
    assert _shared_project is not None
    return read_quiz_file(_shared_project, path)[1]


def _digests_on_all_cores(project: Project, paths: list[Path], jobs: int) -> list[QuizDigest]:
    global _shared_project
    _shared_project = project
    try:
        # fork: the workers start with the loaded articles and playbooks already in memory.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            # Small chunks: the two workers finish within a few files of each other.
            return pool.map(_digest_in_worker, paths, chunksize=max(1, len(paths) // (jobs * 32)))
    finally:
        _shared_project = None
