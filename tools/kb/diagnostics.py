"""Located diagnostics: `path:line:col: severity[code]: message`.

Every content mistake becomes one of these instead of an exception, so a
single run reports all problems at once, in the format editors and CI read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # information only: never fails, not even under --strict


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity = field(compare=False)
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}[{self.code}]: {_one_line(self.message)}"

    def format_github(self) -> str:
        # GitHub workflow command, escaped as @actions/core does: the message as command
        # data, the file name and title as properties (which also end at ',' and ':').
        # '=' needs no escape: the runner splits each property at its first '=' only.
        kind = {"error": "error", "warning": "warning", "note": "notice"}[self.severity.value]
        return (f"::{kind} file={_github_property(self.path)},line={self.line},col={self.col},"
                f"title={_github_property(self.code)}::{_github_data(self.message)}")


def _one_line(text: str) -> str:
    """`text` with control characters written as escapes: a message quotes content
    (a key that is a line break, a value with a tab), and one diagnostic is one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def error(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.ERROR, code, message)


def warning(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.WARNING, code, message)


def note(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.NOTE, code, message)


def sort_unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file, line, column; the same finding reported twice is shown once."""
    return sorted(set(diagnostics))


def has_failures(diagnostics: Iterable[Diagnostic], strict: bool) -> bool:
    """Errors always fail; warnings fail only under `--strict`."""
    return any(d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING) for d in diagnostics)


# Warnings that never fail a site build, even a strict one: an overdue review is
# shown loudly on its page and on the status page, and the site still publishes.
# `kb check --strict` fails on them, for a team that wants reviews to block.
PUBLISHING_WARNINGS = frozenset({"review-overdue"})


def blocks_publishing(diagnostic: Diagnostic, strict: bool) -> bool:
    """Whether a site build (strict or not) must stop on this finding."""
    if diagnostic.severity is Severity.WARNING and diagnostic.code in PUBLISHING_WARNINGS:
        return False
    return has_failures([diagnostic], strict)


def render(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    items = sort_unique(diagnostics)
    lines = [d.format_github() if fmt == "github" else d.format() for d in items]
    return "\n".join(lines)

