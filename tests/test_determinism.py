"""The same sources give a byte-identical site."""

from __future__ import annotations

import hashlib

import pytest

from kb.build.sitebuild import build_site

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


def test_sitemap_lists_every_language_with_a_site_url(root, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_SITE_URL", "https://kb.example.org/")
    site = tmp_path / "site"
    assert build_site(root, site) == 0
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for prefix in ("", "it/", "pl/", "fi/"):
        assert f"<loc>https://kb.example.org/{prefix}glossary/</loc>" in sitemap


def test_no_sitemap_without_a_site_url(built_site):
    # Without KB_SITE_URL its addresses would read "None./"; no sitemap beats an invalid one.
    assert not (built_site / "sitemap.xml").exists()
    assert not (built_site / "sitemap.xml.gz").exists()
