"""JSON Schemas generated from the content model, for editors and CI.

They are committed (the one generated artefact that is), so editors with the
YAML language server can autocomplete; a test fails when they go stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from kb.content.company import COMPANY_FILE, CompanySettings
from kb.content.model import GlossaryTerm
from kb.content.playbook import Playbook
from kb.content.quiz import QuizModule

SCHEMA_DIR = "schemas"
SCHEMAS: dict[str, type[BaseModel]] = {
    "glossary-term.schema.json": GlossaryTerm,
    "playbook.schema.json": Playbook,
    "company.schema.json": CompanySettings,
    "quiz-module.schema.json": QuizModule,
}
# Folder (or file) of YAML content → schema its files declare on their first line.
CONTENT_SCHEMAS = {
    "glossary": "glossary-term.schema.json",
    "playbooks": "playbook.schema.json",
    "quizzes": "quiz-module.schema.json",
    COMPANY_FILE: "company.schema.json",
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_comment(folder: str) -> str:
    # Paths are relative to the YAML file: folders are one level below the root.
    up = "" if folder.endswith(".yml") else "../"
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{CONTENT_SCHEMAS[folder]}"


def write_schemas(root: Path) -> list[str]:
    written = []
    for name, model in SCHEMAS.items():
        path = root / SCHEMA_DIR / name
        path.parent.mkdir(exist_ok=True)
        text = schema_text(model)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(f"{SCHEMA_DIR}/{name}")
    return written
