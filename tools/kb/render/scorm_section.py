"""The trainers' page section that publishes the SCORM packages of one
language: how to import them into an LMS, then each module's two packages."""

from __future__ import annotations

from kb.content.project import Project
from kb.content.quiz import QuizModule
from kb.lms.scorm import LABELS, package_name
from kb.render.text import md_text

# SCORM 2004 first: it is the one to pick when the LMS supports it.
PUBLISHED_ORDER = ("scorm2004", "scorm12")


def scorm_section(project: Project, modules: list[QuizModule], lang: str, exports_dir: str) -> list[str]:
    """Markdown lines; links are relative to the trainers' page (docs/<lang>/trainers/)."""
    ui = project.ui[lang]
    out = [f"## {md_text(ui['scorm_packages'])} {{#scorm}}", "", md_text(ui["scorm_import_note"]), ""]
    for module in modules:
        links = " · ".join(f"[{LABELS[version]}](../{exports_dir}/{package_name(lang, module.id, version)})"
                           for version in PUBLISHED_ORDER)
        out.append(f"- **{md_text(module.title[lang])}**: {links}")
    out.append("")
    return out
