"""The handshake that lets `kb build`'s parallel language builds start at once.

Every build process loads and checks the content anyway (it renders from it),
so each also writes the generated pages of its own languages (they live in
docs/<lang>/ only). Two things must still be agreed:

- MkDocs lists every file under docs/, other languages included, so no
  process may list files before all processes have written their pages;
- every process finds the same content errors, and they are printed once.

One line each way, per process:

- process → `kb build`, on the file descriptor named in REPORT_FD_VARIABLE:
  "ok" (checked, pages written) or "failed" (the check failed);
- `kb build` → process, on the process's stdin, once all have reported:
  "go", "report" (print your errors) or "stop" (exit quietly: another
  process prints the errors, or has already failed on its own).

A process that exits before reporting (a broken mkdocs.yml, a crash) counts
as failed and has printed its own error, so no other process reports.
"""

from __future__ import annotations

import os
import sys

REPORT_FD_VARIABLE = "KB_SPLIT_REPORT_FD"

OK, FAILED, EXITED = "ok", "failed", "exited"
GO, REPORT, STOP = "go", "report", "stop"


def in_split_build() -> bool:
    return REPORT_FD_VARIABLE in os.environ


def agree(checked_ok: bool) -> str:
    """Process side: say how the check went, then wait for the verdict."""
    descriptor = int(os.environ.pop(REPORT_FD_VARIABLE))  # popped: a later reload does not ask again
    with os.fdopen(descriptor, "w", encoding="ascii") as report:
        report.write((OK if checked_ok else FAILED) + "\n")
    return sys.stdin.readline().strip() or STOP


def read_report(descriptor: int) -> str:
    """`kb build` side: one process's report (EXITED if it ended without one)."""
    with os.fdopen(descriptor, "r", encoding="ascii") as report:
        return report.readline().strip() or EXITED


def verdicts(reports: list[str]) -> list[str]:
    """What each process is told, given all reports in process order."""
    if all(report == OK for report in reports):
        return [GO] * len(reports)
    if EXITED in reports:
        return [STOP] * len(reports)
    first_failed = reports.index(FAILED)
    return [REPORT if number == first_failed else STOP for number in range(len(reports))]

