"""Synthetic content in the project's own formats, at a size factor.

Factor 1 is the real content. Factor N adds N-1 copies of every article,
playbook, quiz module and glossary term under new IDs (references remapped),
so builds exercise the same code paths at N times the pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from kb.languages import LANGUAGES

COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__", ".pytest_cache", ".hypothesis",
                                     "node_modules", ".site.*", "glossary", "status", "quizzes", "start", "trainers",
                                     "exports")


def _ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yml"))


def make_project(root: Path, target: Path, factor: int) -> dict[str, int]:
    """Copy the project to `target` and multiply its content by `factor`."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root, target, ignore=COPY_IGNORE)
    for folder in ("glossary", "playbooks", "quizzes"):
        shutil.copytree(root / folder, target / folder)
    terms, books, modules = _ids(root / "glossary"), _ids(root / "playbooks"), _ids(root / "quizzes")
    slugs = sorted(p.stem for p in (root / "docs" / "lt" / "articles").glob("*.md"))
    for copy in range(2, factor + 1):
        def rename(text: str, ids: list[str]) -> str:
            for item in sorted(ids, key=len, reverse=True):
                text = re.sub(rf"(?<![\w-]){re.escape(item)}(?![\w-])", f"{item}-x{copy}", text)
            return text

        for lang in LANGUAGES:
            for slug in slugs:
                text = (root / "docs" / lang / "articles" / f"{slug}.md").read_text(encoding="utf-8")
                text = text.replace(f"article: {slug}\n", f"article: {slug}-x{copy}\n")
                (target / "docs" / lang / "articles" / f"{slug}-x{copy}.md").write_text(text, encoding="utf-8")
        for term in terms:
            text = rename((root / "glossary" / f"{term}.yml").read_text(encoding="utf-8"), terms)
            (target / "glossary" / f"{term}-x{copy}.yml").write_text(text, encoding="utf-8")
        for book in books:
            text = rename((root / "playbooks" / f"{book}.yml").read_text(encoding="utf-8"), terms + books + modules)
            (target / "playbooks" / f"{book}-x{copy}.yml").write_text(text, encoding="utf-8")
        for module in modules:
            text = rename((root / "quizzes" / f"{module}.yml").read_text(encoding="utf-8"), books + modules)
            (target / "quizzes" / f"{module}-x{copy}.yml").write_text(text, encoding="utf-8")
    _nav_with_all_articles(target, slugs, factor)
    return {"articles": len(slugs) * factor, "terms": len(terms) * factor, "playbooks": len(books) * factor,
            "modules": len(modules) * factor}


def _nav_with_all_articles(target: Path, slugs: list[str], factor: int) -> None:
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entries = "".join(f"      - articles/{slug}{'' if c == 1 else f'-x{c}'}.md\n"
                      for c in range(1, factor + 1) for slug in slugs)
    text = re.sub(r"  - Articles:\n(      - articles/[^\n]+\n)+", "  - Articles:\n" + entries, text)
    config.write_text(text, encoding="utf-8")


def plain_config(target: Path, nav_yaml: str) -> Path:
    """mkdocs.yml for the same Markdown without the kb plugin (the baseline)."""
    text = (target / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  - kb\n", "")
    text = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", nav_yaml, text)
    path = target / "mkdocs.plain.yml"
    path.write_text(text, encoding="utf-8")
    return path


def make_quiz_project(root: Path, target: Path, questions: int) -> int:
    """A project whose quizzes/ holds at least `questions` questions (for `kb check` timing)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root, target, ignore=COPY_IGNORE)
    shutil.copytree(root / "glossary", target / "glossary")
    shutil.copytree(root / "playbooks", target / "playbooks")
    (target / "quizzes").mkdir()
    modules = _ids(root / "quizzes")
    count, copy = 0, 0
    while count < questions:
        copy += 1
        for module in modules:
            text = (root / "quizzes" / f"{module}.yml").read_text(encoding="utf-8")
            for other in modules:
                text = re.sub(rf"(?<![\w-]){re.escape(other)}(?![\w-])", f"{other}-q{copy}", text)
            (target / "quizzes" / f"{module}-q{copy}.yml").write_text(text, encoding="utf-8")
            count += text.count("\n  - id: ")
    return count
