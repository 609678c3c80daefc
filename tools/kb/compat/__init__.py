"""Compatibility with other packages' private internals, one module per package.

kb works through public MkDocs events and documented plugin options. Where a
measured gain needs a private function or attribute of another package, it is
reached only from here: `mkdocs.py`, `mkdocs_quiz.py`, `material.py` (theme markup),
`mkdocs_static_i18n.py`. Each module names the
versions it was verified against (`VERIFIED`) and records the signature of
every function it wraps (`SIGNATURES`); tests/test_compat.py fails when an
installed version's signature differs, so an upgrade (see `make lock`) cannot
change the build silently.

A wrapper goes on once per process (plugins are set up again for every
language build and every `serve` rebuild), and a release that removes the
function leaves the library working as it is, only slower.
"""

from __future__ import annotations

import functools
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
    wrapper = functools.update_wrapper(wrap(original), original)  # keeps the original as __wrapped__
    setattr(wrapper, _WRAPPED, True)
    setattr(owner, name, wrapper)
