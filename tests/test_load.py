"""The position-keeping YAML loader."""

import unicodedata

from kb.content.load import MAX_FILE_BYTES, load_yaml


def codes(raw: bytes) -> list[str]:
    return [d.format() for d in load_yaml(raw, "x.yml")[1]]


def test_values_and_positions():
    located, problems = load_yaml(b"a: 1\nb:\n  c: [x, y]\n", "x.yml")
    assert problems == []
    assert located.data == {"a": 1, "b": {"c": ["x", "y"]}}
    assert located.where(("b", "c")) == (3, 3)
    assert located.where(("b", "c"), prefer_value=True) == (3, 6)
    assert located.where(("b", "c", 1), prefer_value=True) == (3, 10)
    assert located.where(("b", "missing")) == (2, 1)


def test_duplicate_key_is_an_error():
    assert codes(b"a: 1\nb: 2\na: 3\n") == [
        "x.yml:3:1: error[duplicate-key]: duplicate key 'a' (first defined on line 1): remove one of them"
    ]


def test_alias_is_refused_at_once():
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    assert codes(bomb) == [
        "x.yml:2:8: error[yaml-alias]: alias '*a' is not allowed: content files may not use anchors and aliases; write the value out"
    ]


def test_bom_is_accepted():
    located, problems = load_yaml(b"\xef\xbb\xbfa: 1\n", "x.yml")
    assert problems == [] and located.data == {"a": 1}


def test_decomposed_text_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "a: išlaikymą ąčęėįšųūž\n")
    located, _ = load_yaml(decomposed.encode(), "x.yml")
    assert located.data["a"] == unicodedata.normalize("NFC", "išlaikymą ąčęėįšųūž")


def test_invalid_utf8_names_the_byte():
    assert codes(b"a: ok\nb: caf\xe9\n") == [
        "x.yml:2:7: error[invalid-utf8]: byte 0xe9 is not valid UTF-8: save the file as UTF-8"
    ]


def test_tab_indentation():
    assert codes(b"a:\n\tb: 1\n") == ["x.yml:2:1: error[tab-indent]: tab used for indentation: YAML indents with spaces only"]


def test_oversized_file_is_refused_before_parsing():
    raw = b"a: " + b"x" * MAX_FILE_BYTES
    assert codes(raw)[0].startswith("x.yml:1:1: error[file-too-large]:")


def test_python_tags_are_refused():
    assert codes(b"a: !!python/object/apply:os.system [ls]\n")[0].startswith("x.yml:1:4: error[yaml-syntax]:")


def test_empty_file_is_no_data():
    located, problems = load_yaml(b"", "x.yml")
    assert problems == [] and located.data is None


def test_unusual_yaml_is_reported_with_its_position():
    assert codes(b"a: 1\na: 2\n")[0].startswith("x.yml:2:1: error[duplicate-key]")
    assert codes(b"a: !!python/name:os.system x\n")[0].startswith("x.yml:1:4: error[yaml-syntax]")
    assert codes(b"? [a]\n: 1\n")[0].startswith("x.yml:1:3: error[yaml-syntax]: mapping keys must be plain text")
    assert codes(b"a: 1\n---\nb: 2\n")[0].startswith("x.yml:2:1: error[multiple-documents]")
    assert codes(b"d: 2026-02-30\n")[0].startswith("x.yml:1:4: error[wrong-type]")


def test_a_parse_is_shared_and_nothing_changes_it(root):
    """Parses are cached by the file's bytes (serve reloads the content after every save),
    so loading and checking the whole project must leave every parse as a fresh one gives."""
    from kb.content.load import _parse
    from kb.content.project import load_project

    load_project(root)  # every loader and check reads the cached parses
    files = sorted(p for folder in ("glossary", "playbooks", "quizzes", "locales/ui", "locales/search")
                   for p in (root / folder).glob("*.yml"))
    assert len(files) > 50
    for path in files:
        raw, rel = path.read_bytes(), path.relative_to(root).as_posix()
        shared, problems = load_yaml(raw, rel)
        assert load_yaml(raw, rel)[0] is shared
        problems.append("a caller's own list")  # the problems list is the caller's to extend
        assert load_yaml(raw, rel)[1] == []
        fresh, _ = _parse.__wrapped__(raw, rel)
        assert (shared.data, shared.values, shared.keys) == (fresh.data, fresh.values, fresh.keys), rel
