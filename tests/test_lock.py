"""The lock file pins every dependency exactly, and the environment matches it.

`make` installs requirements.lock; pyproject.toml keeps the compatible ranges.
A dependency added to pyproject.toml without `make lock`, or a lock edited
without reinstalling, fails here instead of changing the build silently.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, separator, version = line.partition("==")
            assert separator, f"requirements.lock: {line!r} is not an exact pin (name==version)"
            pins[_normalise(name)] = version.strip()
    return pins


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return [_normalise(re.match(r"[A-Za-z0-9_.-]+", r).group(0)) for r in requirements]


def test_every_declared_dependency_is_pinned() -> None:
    missing = [name for name in _declared() if name not in _lock()]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"


@pytest.mark.parametrize("name", sorted(_lock()))
def test_installed_version_is_the_locked_one(name: str) -> None:
    assert metadata.version(name) == _lock()[name], f"{name}: reinstall with `make` after changing requirements.lock"
