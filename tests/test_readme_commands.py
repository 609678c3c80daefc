"""Every command the README shows exists, and every Node lock file can install.

A new user copies commands from the README on a fresh clone: a `make` target
that was renamed or removed, or a package-lock.json that `npm ci` refuses, is a
broken promise that no other test notices. Make itself says which targets
exist (its database, `make -pRrq`, and a dry run), and npm itself says whether
a lock file installs (`npm ci --dry-run` on a copy of package.json and lock).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest
from lxml import html

ROOT = Path(__file__).resolve().parent.parent
# Folders that hold installed or generated files, not the project's own.
NOT_OURS = {".git", ".venv", "node_modules", "site", "build"}


def make_env() -> dict[str, str]:
    """The environment without the flags of an outer `make test` (jobserver, -n, -k)."""
    return {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}


def code_in_markdown(text: str) -> list[str]:
    """The text of every code span and code block, in tables and prose alike, as Markdown renders it."""
    rendered = markdown.markdown(text, extensions=["tables", "fenced_code"])
    return [code.text_content() for code in html.fromstring(f"<div>{rendered}</div>").iter("code")]


def make_targets_in(code: str) -> list[str]:
    """Targets of each `make ...` command in a piece of shell: `make bench QUICK=1` names `bench`."""
    targets = []
    for line in code.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|()")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            words = list(lexer)
        except ValueError:  # an unbalanced quote in a prose code span: not a shell command
            continue
        starts_command, in_make = True, False
        for word in words:
            if set(word) <= set(";&|()"):
                starts_command, in_make = True, False
            elif starts_command:
                starts_command, in_make = False, word == "make"
            elif in_make and not word.startswith("-") and "=" not in word:
                targets.append(word)  # options and VAR=value assignments are not targets
    return targets


def readme_make_targets(readme: Path) -> list[str]:
    found = [t for code in code_in_markdown(readme.read_text(encoding="utf-8")) for t in make_targets_in(code)]
    return list(dict.fromkeys(found))


def makefile_targets(folder: Path) -> set[str]:
    """Targets with a rule, from make's own database (`make -pRrq`), special targets left out.

    A name that is only a prerequisite, or only listed in .PHONY, has no rule:
    `make` would say "Nothing to be done", which is not the command the README means.
    """
    database = subprocess.run(["make", "-pRrq", "-C", str(folder), ":"], capture_output=True, text=True,
                              env=make_env()).stdout
    files = database.split("\n# Files\n", 1)[1].split("\n# Finished Make data base", 1)[0]
    targets = set()
    for block in files.split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        if "# Not a target:" in block or not lines or ":" not in lines[0]:
            continue
        name, prerequisites = lines[0].split(":", 1)
        recipe = [line for line in lines[1:] if line.startswith("\t")]
        special = name.startswith(".") and name[1:].isupper()  # .PHONY, .DEFAULT, ...
        if not special and (prerequisites.strip() or recipe):
            targets.add(name)
    return targets


def test_make_targets_are_found_in_tables_code_blocks_and_prose():
    sample = """
```sh
make serve   # comment with make nothing
cd x && make -j2 build QUICK=1 check
```

| command | what |
|---|---|
| `make export` | a table cell |

Prose: `make bench-search SITE=/tmp/site` (after `make`), not `kb build`.
"""
    found = [t for code in code_in_markdown(sample) for t in make_targets_in(code)]
    assert found == ["serve", "build", "check", "export", "bench-search"]


def test_makefile_targets_come_from_make_itself(tmp_path):
    (tmp_path / "Makefile").write_text(".PHONY: real listed-only\nreal:\n\techo hi\nfile.out: input.txt\n")
    assert makefile_targets(tmp_path) == {"real", "file.out"}


def test_every_make_command_in_the_readme_is_a_real_target():
    mentioned = readme_make_targets(ROOT / "README.md")
    # The two commands the README leads with; an empty list would mean the parsing broke.
    assert {"serve", "test"} <= set(mentioned), mentioned
    targets = makefile_targets(ROOT)
    assert [t for t in mentioned if t not in targets] == [], f"README commands without a make target: {mentioned}"
    for target in mentioned:
        # A dry run also needs every prerequisite to have a rule or to exist.
        dry_run = subprocess.run(["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True,
                                 env=make_env())
        assert dry_run.returncode == 0, f"make -n {target}:\n{dry_run.stderr}"


def lock_files(root: Path) -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in NOT_OURS)
        if "package-lock.json" in files:
            found.append(Path(folder) / "package-lock.json")
    return found


LOCK_FILES = lock_files(ROOT)


def test_lock_files_are_found():
    # The two the Makefile installs; finding none would make the check below vacuous.
    assert {ROOT / "bench" / "package-lock.json", ROOT / "tests" / "lms" / "package-lock.json"} <= set(LOCK_FILES)


@pytest.mark.parametrize("lock", LOCK_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_lock_file_installs_with_npm_ci(lock, tmp_path):
    npm = shutil.which("npm")
    assert npm, "npm is missing (make test installs it as root)"
    for name in ("package.json", "package-lock.json"):
        shutil.copy(lock.parent / name, tmp_path / name)
    # npm's own verdict: the same check `npm ci` makes before installing, nothing written.
    result = subprocess.run([npm, "ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    errors = [line for line in result.stderr.splitlines() if line.startswith("npm error") and "Usage" not in line]
    assert result.returncode == 0, f"{lock.relative_to(ROOT)} does not install:\n" + "\n".join(errors[:8])
