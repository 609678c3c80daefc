"""Every private function kb wraps still has the signature it was verified with.

A release of MkDocs or mkdocs-quiz that changes one fails here (and the
installed versions are pinned in requirements.lock), instead of changing the
build silently. After checking the new version, update the module's
SIGNATURES and VERIFIED.
"""

from __future__ import annotations

import importlib
import inspect
from importlib import metadata

import pytest

from kb.compat import mkdocs as compat_mkdocs
from kb.compat import mkdocs_quiz as compat_mkdocs_quiz

MODULES = (compat_mkdocs, compat_mkdocs_quiz)


def resolve(qualified: str) -> object:
    module, _, attribute = qualified.partition(":")
    target: object = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


@pytest.mark.parametrize("qualified, recorded",
                         [item for module in MODULES for item in module.SIGNATURES.items()])
def test_wrapped_signature_is_the_verified_one(qualified: str, recorded: str) -> None:
    # A wrapper installed by an earlier test keeps the library's own function as __wrapped__.
    original = inspect.unwrap(resolve(qualified))  # type: ignore[arg-type]
    assert str(inspect.signature(original)) == recorded, f"{qualified} changed: check kb.compat, then update SIGNATURES"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_installed_versions_are_the_verified_ones(module) -> None:  # type: ignore[no-untyped-def]
    for distribution, version in module.VERIFIED.items():
        assert metadata.version(distribution) == version, f"{distribution} is not the version {module.__name__} was verified with"
