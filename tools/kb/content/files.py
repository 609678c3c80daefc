"""Which files in a content folder are content, and the file-system oddities around them.

Editors leave lock and backup files next to the ones they edit (Emacs'
`.#coupon.yml`, often a dangling symlink; Vim's `.coupon.yml.swp`; `coupon.yml~`):
hidden files and backups are not content and are ignored without a word.
Everything else that looks like content but cannot be read as it is gets a
located error: a folder named like a file, a `.yaml` file (the project reads
`.yml`), a broken symlink, a symlink to something outside the project (it
would be published), a file too large to be hand-written (refused by its
size, before it is read).
"""

from __future__ import annotations

from pathlib import Path

from kb.content.load import MAX_FILE_BYTES, Located, load_yaml
from kb.diagnostics import Diagnostic, error


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def is_editor_file(name: str) -> bool:
    """Hidden files (lock files, swap files) and backups: never content."""
    return name.startswith(".") or name.endswith("~") or name.startswith("#")


def outside_project(root: Path, path: Path) -> bool:
    """`path` is a symlink (or inside a symlinked folder) whose target is outside `root`."""
    try:
        path.resolve(strict=False).relative_to(root.resolve())
    except ValueError:
        return True
    return False


def file_problem(root: Path, path: Path) -> Diagnostic | None:
    """Why `path` cannot be read as a content file, or None."""
    rel = _rel(root, path)
    # Only a symlink can lead out of the project (its folder is checked by symlinks_leaving):
    # resolving every path costs a system call per folder level, for 1,000s of quiz files.
    if path.is_symlink():
        if not path.exists():
            return error(rel, 1, 1, "broken-symlink", f"{rel} is a symlink to {path.readlink()}, which does not exist")
        if outside_project(root, path):
            return _outside(root, path)
    if path.is_dir():
        return error(rel, 1, 1, "not-a-file", f"{rel} is a folder, but its name ends in {path.suffix}: rename it")
    if not path.is_file():
        return error(rel, 1, 1, "not-a-file", f"{rel} is not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return error(rel, 1, 1, "file-too-large",
                     f"file is {size} bytes; content files may be at most {MAX_FILE_BYTES} bytes: split it")
    return None


def content_files(root: Path, folder: str, suffix: str = ".yml") -> tuple[list[Path], list[Diagnostic]]:
    """The readable `*<suffix>` files of `root/folder`, sorted, and a problem for each other candidate."""
    directory = root / folder
    paths: list[Path] = []
    problems: list[Diagnostic] = []
    if not directory.is_dir():
        return paths, problems
    for path in sorted(directory.iterdir()):
        if is_editor_file(path.name):
            continue
        if suffix == ".yml" and path.suffix == ".yaml":
            problems.append(error(_rel(root, path), 1, 1, "wrong-extension",
                                  f"content files end in .yml: rename it to {path.with_suffix('.yml').name}"))
            continue
        if path.suffix != suffix:
            continue
        problem = file_problem(root, path)
        if problem is None:
            paths.append(path)
        else:
            problems.append(problem)
    return paths, problems


def symlinks_leaving(root: Path, folders: tuple[str, ...]) -> list[Diagnostic]:
    """A located error for every symlink under `folders` whose target is outside the project.

    MkDocs copies everything under docs/ into the site (and the offline zip):
    a link to /etc/passwd would publish it.
    """
    problems = []
    for folder in folders:
        top = root / folder
        if top.is_symlink() and outside_project(root, top):
            problems.append(_outside(root, top))
            continue
        if not top.is_dir():
            continue
        for path in sorted(top.rglob("*")):
            if path.is_symlink() and outside_project(root, path):
                problems.append(_outside(root, path))
    return problems


def _outside(root: Path, path: Path) -> Diagnostic:
    rel = _rel(root, path)
    return error(rel, 1, 1, "symlink-outside", f"{rel} points outside the project ({path.readlink()}): "
                                               "it would be published; copy the file into the project instead")


def read_language_file(root: Path, rel: str, missing: Diagnostic) -> tuple[Located | None, list[Diagnostic]]:
    """One language's YAML file under locales/ (interface strings, style sheet, search words).

    `missing` when there is none; the same refusals as any content file (a folder, a broken
    or outside symlink, a file too large to read); else the YAML with its positions.
    """
    path = root / rel
    if not path.exists() and not path.is_symlink():
        return None, [missing]
    if (problem := file_problem(root, path)) is not None:
        return None, [problem]
    return load_yaml(path.read_bytes(), rel)
