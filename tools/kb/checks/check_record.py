"""A record of the quiz files `kb check` has checked, so it re-checks only what changed.

A quiz file's digest depends on the file and on what its checks read: the
articles and playbooks it cites, today's date (reviews fall due), and the
checking code with its libraries. The record holds digests for one such
context; a change to any of it starts a new record, and a digest is reused
only for a file whose bytes are exactly those that were checked. The record
is JSON, not pickle: loading it never runs code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pydantic
import yaml

from kb.diagnostics import Diagnostic, Severity

RECORD_FILE = Path("build") / "cache" / "kb-check.json"
_FORMAT = 1


def file_key(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def context_key(root: Path) -> str:
    """Everything besides the quiz file itself that a quiz file's digest depends on."""
    from kb.clock import today

    digest = hashlib.blake2b(digest_size=16)
    for part in (str(_FORMAT), sys.version, pydantic.VERSION, yaml.__version__, today().isoformat()):
        digest.update(part.encode("utf-8") + b"\0")
    code = sorted(Path(__file__).resolve().parents[1].rglob("*.py"))  # the whole kb package
    cited = sorted(root.glob("docs/*/articles/*.md")) + sorted(root.glob("playbooks/*.yml"))
    for path in code + cited:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class CheckRecord:
    def __init__(self, root: Path) -> None:
        self.path = root / RECORD_FILE
        self.context = context_key(root)
        self.entries: dict[str, tuple[str, dict[str, Any]]] = {}  # file → (file key, digest fields)
        self.used: dict[str, tuple[str, dict[str, Any]]] = {}
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("context") == self.context:
                self.entries = {path: (key, fields) for path, (key, fields) in stored["files"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no record, or an unreadable one: check everything

    def get(self, path: str, key: str):  # type: ignore[no-untyped-def]
        """The digest recorded for this file with these bytes, or None."""
        from kb.checks.quiz_files import QuizDigest  # quiz_files uses this module

        entry = self.entries.get(path)
        if entry is None or entry[0] != key:
            return None
        try:
            fields = dict(entry[1])
            for name in ("file_problems", "module_problems"):
                fields[name] = tuple(Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in fields[name])
            fields["prerequisites"] = tuple(fields["prerequisites"])
            digest = QuizDigest(**fields)
        except (TypeError, ValueError, KeyError):  # an entry edited by hand: check the file
            return None
        self.used[path] = entry
        return digest

    def put(self, path: str, key: str, digest) -> None:  # type: ignore[no-untyped-def]
        fields = asdict(digest)
        for name in ("file_problems", "module_problems"):
            fields[name] = [{**d, "severity": d["severity"].value} for d in fields[name]]
        self.used[path] = (key, fields)

    def save(self) -> None:
        """Keep the digests of this run's files only; written whole or not at all."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"context": self.context, "files": self.used}, ensure_ascii=False),
                             encoding="utf-8")
        temporary.replace(self.path)
