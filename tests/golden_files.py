"""Golden files: rendered output compared with a committed copy.

After a deliberate change, regenerate them with
KB_UPDATE_GOLDEN=1 pytest, then review the diff before committing. CI refuses
the flag: there it would make every golden test pass whatever the output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def assert_matches_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN") == "1":
        if os.environ.get("CI"):
            pytest.fail("KB_UPDATE_GOLDEN=1 is refused when CI is set: regenerate golden files locally and commit them")
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: KB_UPDATE_GOLDEN=1 regenerates it"
