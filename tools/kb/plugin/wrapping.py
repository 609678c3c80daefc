"""Wrapping a third-party function in place, once per process.

The build speeds up MkDocs, its theme and mkdocs-quiz by wrapping a few of
their functions. Plugins are set up again for every language build and every
`serve` rebuild, so each wrapper must go on once; and a library release that
renames the function must leave the library working as it is, only slower.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

_WRAPPED = "kb_wrapped"


def optional(module: str, name: str) -> Any:
    """`module.name`, or None when the library (or that name) is not there."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def wrap_once(owner: Any, name: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Replace `owner.<name>` by `wrap(original)`, unless it is missing or wrapped already."""
    original = getattr(owner, name, None)
    if original is None or getattr(original, _WRAPPED, False):
        return
    wrapper = wrap(original)
    setattr(wrapper, _WRAPPED, True)
    setattr(owner, name, wrapper)
