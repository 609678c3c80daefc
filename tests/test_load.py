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


# --- The quick read (no positions) and the full read agree -----------------

def _yaml_corpus():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [p for folder in ("glossary", "playbooks", "quizzes", "locales") for p in (root / folder).rglob("*.yml")]
    files += [root / "company.yml"] + sorted((root / "tests" / "bad-input").rglob("*.yml"))
    return sorted(files)


def test_quick_read_gives_the_data_of_the_full_read():
    from kb.content.load import _Loader, _read_quickly, _read_with_positions, _Unusual, _decode

    quick_accepted = 0
    for path in _yaml_corpus():
        text, problems = _decode(path.read_bytes(), path.name)
        if text is None:
            continue
        full, full_problems = _read_with_positions(text, path.name)
        loader = _Loader(text)
        try:
            data = _read_quickly(loader, path.name)
        except _Unusual:
            continue  # the full read reports it
        finally:
            loader.dispose()
        quick_accepted += 1
        assert not full_problems, f"{path}: the quick read accepted a file the full read refuses"
        assert data == full.data and type(data) is type(full.data), path
    assert quick_accepted > 100  # all real content goes the quick way


def test_positions_read_later_are_those_of_the_full_read():
    from kb.content.load import _read_with_positions

    for path in _yaml_corpus():
        raw = path.read_bytes()
        located, problems = load_yaml(raw, path.name)
        if located is None:
            continue
        full, _ = _read_with_positions(raw.decode("utf-8-sig"), path.name)
        assert located.values == full.values and located.keys == full.keys, path


def test_problems_the_quick_read_leaves_to_the_full_read():
    # Each is refused by the quick read and reported, with its position, by the full one.
    assert codes(b"a: 1\na: 2\n")[0].startswith("x.yml:2:1: error[duplicate-key]")
    assert codes(b"a: !!python/name:os.system x\n")[0].startswith("x.yml:1:4: error[yaml-syntax]")
    assert codes(b"? [a]\n: 1\n")[0].startswith("x.yml:1:3: error[yaml-syntax]: mapping keys must be plain text")
    assert codes(b"a: 1\n---\nb: 2\n")[0].startswith("x.yml:2:1: error[multiple-documents]")
    assert codes(b"d: 2026-02-30\n")[0].startswith("x.yml:1:4: error[wrong-type]")
