"""The build writes .gz and .br copies of the text assets, for hosts that serve them as they are."""

from __future__ import annotations

import gzip
import os

import brotli
import pytest

from kb.build.precompress import MIN_SIZE, TEXT_SUFFIXES, precompress_site


def text_assets(site):
    return [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES]


@pytest.mark.build
def test_every_text_asset_has_gzip_and_brotli_copies_of_the_same_bytes(built_site):
    assets = [p for p in text_assets(built_site) if p.stat().st_size >= MIN_SIZE]
    kinds = {p.suffix for p in assets}
    # The real site has pages, styles and scripts (the search index is a script): all are covered.
    assert {".html", ".css", ".js"} <= kinds
    for path in assets:
        original = path.read_bytes()
        packed_gz = path.with_name(path.name + ".gz").read_bytes()
        packed_br = path.with_name(path.name + ".br").read_bytes()
        assert gzip.decompress(packed_gz) == original, path
        assert brotli.decompress(packed_br) == original, path
        assert len(packed_gz) < len(original) and len(packed_br) < len(original), path


@pytest.mark.build
def test_brotli_copy_of_a_page_is_smaller_than_gzip(built_site):
    page = built_site / "playbooks" / "cancellation-call" / "index.html"
    assert page.with_name("index.html.br").stat().st_size < page.with_name("index.html.gz").stat().st_size


def test_gzip_copy_has_no_timestamp_or_name(tmp_path):
    (tmp_path / "page.html").write_text("<p>retention</p>" * 100, encoding="utf-8")
    precompress_site(tmp_path)
    header = (tmp_path / "page.html.gz").read_bytes()[:10]
    assert header[4:8] == b"\0\0\0\0"  # MTIME
    assert header[3] & 0x08 == 0  # FNAME flag


def test_small_incompressible_and_binary_files_get_no_copy(tmp_path):
    (tmp_path / "tiny.css").write_text("a{b:c}", encoding="utf-8")
    (tmp_path / "noise.txt").write_bytes(os.urandom(4096))  # random bytes do not compress
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 4096)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "data.json").write_text('{"term": "retention"}' * 50, encoding="utf-8")
    assert precompress_site(tmp_path) == 2
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert names == ["logo.png", "nested/data.json", "nested/data.json.br", "nested/data.json.gz",
                     "noise.txt", "tiny.css"]
