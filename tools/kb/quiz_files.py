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

from .check_record import CheckRecord, file_key
from .diagnostics import Diagnostic, error
from .load import load_yaml
from .project import QUIZ_DIR, Loaded, Project, id_mismatch, load_file
from .quiz import QuizModule

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
    from .validate import quiz_module_problems  # validate imports Project

    loaded, problems = load_file(project.root, path, QuizModule, QUIZ_DIR)
    if loaded is None:
        return None, QuizDigest(path.relative_to(project.root).as_posix(), None, (), 0, tuple(problems), ())
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
            project.diagnostics.append(error(digest.path, *_where(project, digest.path, ("id",)), "duplicate-id",
                                             f"ID '{digest.id}' is also used by {project.quiz_digests[digest.id].path}"))
            continue
        project.diagnostics += digest.module_problems
        project.quiz_digests[digest.id] = digest
        if keep and loaded is not None:
            project.quizzes[digest.id] = loaded
    for digest in project.quiz_digests.values():
        for index, ref in enumerate(digest.prerequisites):
            if ref not in project.quiz_digests:
                project.diagnostics.append(error(digest.path, *_where(project, digest.path, ("prerequisites", index)),
                                                 "unknown-reference", f"quiz module '{ref}' does not exist"))


def _where(project: Project, path: str, field: tuple) -> tuple[int, int]:
    """Position of `field` in a quiz file, for a problem found across files.

    The file is read again: digests carry no positions, and such problems are rare.
    """
    located, _ = load_yaml((project.root / path).read_bytes(), path)
    return located.where(field, True) if located is not None else (1, 1)


def _digests(project: Project, paths: list[Path], jobs: int, record: CheckRecord | None) -> list[QuizDigest]:
    names = [path.relative_to(project.root).as_posix() for path in paths]
    keys = [file_key(path.read_bytes()) for path in paths] if record else []
    found = {name: record.get(name, key) for name, key in zip(names, keys)} if record else {}
    unchecked = [path for path, name in zip(paths, names) if found.get(name) is None]
    can_fork = "fork" in multiprocessing.get_all_start_methods()  # not on Windows
    if jobs <= 1 or len(unchecked) < PARALLEL_FROM_FILES or not can_fork:
        checked = [read_quiz_file(project, path)[1] for path in unchecked]
    else:
        checked = _digests_on_all_cores(project, unchecked, jobs)
    fresh = iter(checked)
    digests = [found.get(name) or next(fresh) for name in names]
    project.quiz_files_reused = len(paths) - len(unchecked)
    if record:
        for name, key, digest in zip(names, keys, digests):
            record.put(name, key, digest)
        record.save()
    return digests


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
