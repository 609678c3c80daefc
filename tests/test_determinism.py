"""The same sources give a byte-identical site."""

from __future__ import annotations

import hashlib

import pytest

from kb.sitebuild import build_site

pytestmark = pytest.mark.build


def digests(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(built_site, root, tmp_path):
    again = tmp_path / "site"
    assert build_site(root, again) == 0
    first, second = digests(built_site), digests(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
