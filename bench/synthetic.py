"""Synthetic content in the project's own formats, at a size factor.

Factor 1 is the real content. Factor N adds N-1 copies of every article,
playbook, quiz module and glossary term under new IDs (references remapped),
so builds exercise the same code paths at N times the pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from kb.languages import LANGUAGES
from kb.content.schema import schema_comment

COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__", ".pytest_cache", ".hypothesis",
                                     "node_modules", ".site.*", "glossary", "playbooks", "status", "quizzes", "start", "trainers",
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
        suffix = f"-x{copy}"
        for lang in LANGUAGES:
            for slug in slugs:
                text = (root / "docs" / lang / "articles" / f"{slug}.md").read_text(encoding="utf-8")
                text = text.replace(f"article: {slug}\n", f"article: {slug}{suffix}\n")
                (target / "docs" / lang / "articles" / f"{slug}{suffix}.md").write_text(text, encoding="utf-8")
        for folder, ids in (("glossary", terms), ("playbooks", books), ("quizzes", modules)):
            for item in ids:
                data = yaml.safe_load((root / folder / f"{item}.yml").read_text(encoding="utf-8"))
                _write(target / folder / f"{item}{suffix}.yml", folder, _renamed(folder, data, suffix))
    _nav_with_all_articles(target, slugs, factor)
    return {"articles": len(slugs) * factor, "terms": len(terms) * factor, "playbooks": len(books) * factor,
            "modules": len(modules) * factor}


def _renamed(folder: str, data: dict, suffix: str) -> dict:
    """A copy whose own ID and references to other copied items carry the suffix."""
    data = dict(data, id=data["id"] + suffix)
    if folder == "glossary":
        data["related"] = [r + suffix for r in data.get("related", [])]
    elif folder == "playbooks":
        data["terms"] = [t + suffix for t in data.get("terms", [])]
        data["offers"] = [dict(o, term=o["term"] + suffix) for o in data.get("offers", [])]
        if data.get("quiz"):
            data["quiz"] += suffix
    else:
        data["prerequisites"] = [p + suffix for p in data.get("prerequisites", [])]
        data["study"] = [s + suffix if s.startswith("playbooks/") else s for s in data.get("study", [])]
        data["questions"] = [
            dict(q, cite=q["cite"].replace("#", suffix + "#", 1)) if q["cite"].startswith("playbooks/") else q
            for q in data["questions"]
        ]
    return data


def _write(path: Path, folder: str, data: dict) -> None:
    path.write_text(schema_comment(folder) + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def _nav_with_all_articles(target: Path, slugs: list[str], factor: int) -> None:
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The hand-written nav of a grown knowledge base has sections: here, one
    # per copy, so the sidebar of an article shows its own section only.
    entries = "".join(f"      - articles/{slug}.md\n" for slug in slugs)
    for copy in range(2, factor + 1):
        entries += f"      - Set {copy}:\n" + "".join(f"          - articles/{slug}-x{copy}.md\n" for slug in slugs)
    text = re.sub(r"  - Articles:\n(      - articles/[^\n]+\n)+", lambda _: "  - Articles:\n" + entries, text)
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
    shutil.copytree(root / "quizzes", target / "quizzes")  # playbooks link to the originals
    modules = _ids(root / "quizzes")
    count = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["questions"]) for p in (root / "quizzes").glob("*.yml"))
    copy = 0
    while count < questions:
        copy += 1
        for module in modules:
            data = yaml.safe_load((root / "quizzes" / f"{module}.yml").read_text(encoding="utf-8"))
            data = dict(_renamed("quizzes", data, f"-q{copy}"), study=[])
            data["questions"] = [dict(q, cite=q["cite"].replace(f"-q{copy}#", "#")) for q in data["questions"]]
            _write(target / "quizzes" / f"{module}-q{copy}.yml", "quizzes", data)
            count += len(data["questions"])
    return count
