"""The five source articles stay byte-identical to what was delivered."""

import hashlib

from kb.content.sources import SOURCE_LANGUAGE, check_sources, recorded_sums

# The sums published with the sources (sources/README.md), written out here so
# that editing a source and its SHA256SUMS line together still fails.
DELIVERED = {
    "000_88bb955b8ffc392c.txt": "e6e99d3ed4c37883c5b0097175eba27211d31f60452f1d7ac6a236d7a7475ed7",
    "001_32cc61a535f0a16f.txt": "9e7e2c1684e12f48e8f146cd0dab61bb15b2586f538284bb1e9dd6407f8a2f53",
    "002_af793af92d20ddf4.txt": "ba223719489fd480cc615491bd85801bcd9d7aeee38a9176abb26b820f10116a",
    "003_7c95560c72ac2e20.txt": "f67ac45fb2325b40d998fa2033944d017cda6500ab722d3c7b0d9fc0847390df",
    "004_5fc892776a1d17f7.txt": "3b0e901073b52b1df1875babfd405b7fb584e0dab80ee2e99613347c6ed62067",
}


def test_sources_match_delivered_checksums(root):
    for name, expected in DELIVERED.items():
        assert hashlib.sha256((root / "sources" / name).read_bytes()).hexdigest() == expected, name


def test_recorded_sums_match_delivered(root):
    assert recorded_sums(root) == DELIVERED
    assert set(SOURCE_LANGUAGE) == set(DELIVERED)


def test_check_sources_reports_a_changed_file(tmp_path, root):
    (tmp_path / "sources").mkdir()
    for name in DELIVERED:
        (tmp_path / "sources" / name).write_bytes((root / "sources" / name).read_bytes())
    (tmp_path / "sources" / "SHA256SUMS").write_bytes((root / "sources" / "SHA256SUMS").read_bytes())
    assert check_sources(tmp_path) == []
    (tmp_path / "sources" / "002_af793af92d20ddf4.txt").write_text("edited", encoding="utf-8")
    problems = [d.format() for d in check_sources(tmp_path)]
    assert problems == [
        "sources/002_af793af92d20ddf4.txt:1:1: error[source-changed]: "
        "source files are kept verbatim; put editorial fixes in the article pages"
    ]
