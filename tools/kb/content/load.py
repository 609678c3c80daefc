"""YAML loading that remembers where every value came from.

PyYAML's usual loaders forget positions, accept duplicate keys silently and
expand aliases (the "billion laughs" bomb). Content files need none of that,
so this module builds plain Python data directly from the parser's event
stream, and turns each problem into a located diagnostic instead of an
exception.

Every read records the line and column of every key and value, so a later
check can point at the value it rejects.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import yaml

from kb.diagnostics import Diagnostic, error

# Content files are small, hand-written documents; anything larger is a mistake
# (or an attack) and is refused before the parser sees it.
MAX_FILE_BYTES = 512 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 40

_BOM = b"\xef\xbb\xbf"
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)

# The C parser is much faster; the pure-Python one gives identical events.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[Any, ...]

# First characters of plain scalars that YAML may resolve to something other than text.
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfFyYoO<=")
_MAYBE_SPECIAL = re.compile(
    r"[-+]?[0-9.]|~$|<<$|=$|(null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO"
    r"|on|On|ON|off|Off|OFF|y|Y|n|N)$"
)
_COLLECTION_TAGS = (None, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")


class Located:
    """Parsed data plus the 1-based (line, column) of each key and value."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}

    def where(self, path: Path, prefer_value: bool = False) -> tuple[int, int]:
        """Best position for a path: the key (or value), else the nearest parent."""
        path = tuple(path)
        while True:
            first, second = (self.values, self.keys) if prefer_value else (self.keys, self.values)
            if path in first:
                return first[path]
            if path in second:
                return second[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _Stop(Exception):
    """Aborts parsing after a problem that makes going on pointless or unsafe."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def _mark(mark: Any) -> tuple[int, int]:  # yaml.Mark, or the C parser's own Mark
    return mark.line + 1, mark.column + 1


def _nfc(value: Any) -> Any:
    # Lithuanian and Polish letters often arrive decomposed (e + combining
    # ogonek) from some editors; compare and display them in one form.
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            error(path, 1, 1, "file-too-large",
                  f"file is {len(raw)} bytes; content files may be at most {MAX_FILE_BYTES} bytes: split it")
        ]
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        return None, [
            error(path, line, col, "invalid-utf8",
                  f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8")
        ]
    problems = []
    for match in _TAB_INDENT.finditer(text) if "\t" in text else ():
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            error(path, line, match.end() - match.start(), "tab-indent",
                  "tab used for indentation: YAML indents with spaces only")
        )
    return (None if problems else text), problems


class _EventReader:
    """Turns one YAML document's events into data and positions."""

    def __init__(self, loader: Any, path: str):
        self.loader = loader
        self.path = path
        self.located = Located(None)
        self.nodes = 0
        self.problems: list[Diagnostic] = []

    def read(self, at: Path, depth: int) -> Any:
        # The hot loop of `kb check` (one call per YAML node): checks are ordered
        # by how common each event is, and positions are kept as plain tuples.
        event = self.loader.get_event()
        self.nodes += 1
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self.located.values[at] = position
            return _scalar(self.loader, event, self.path)
        if self.nodes > MAX_NODES:
            raise _Stop(error(self.path, *position, "too-many-nodes", f"more than {MAX_NODES} YAML nodes: split the file"))
        if depth > MAX_DEPTH:
            raise _Stop(error(self.path, *position, "too-deep", f"nesting deeper than {MAX_DEPTH} levels"))
        if kind is yaml.AliasEvent:
            raise _Stop(error(self.path, *position, "yaml-alias",
                              f"alias '*{event.anchor}' is not allowed: content files may not use anchors "
                              "and aliases; write the value out"))
        self.located.values[at] = position
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise _Stop(error(self.path, *position, "yaml-syntax", f"tag '{event.tag}' is not allowed in content files"))
        if kind is yaml.MappingStartEvent:
            return self._mapping(at, depth)
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            check = self.loader.check_event
            while not check(yaml.SequenceEndEvent):
                items.append(self.read(at + (len(items),), depth + 1))
            self.loader.get_event()
            return items
        raise _Stop(error(self.path, *position, "yaml-syntax", f"unexpected {kind.__name__}"))

    def _mapping(self, at: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        loader, keys = self.loader, self.located.keys
        while True:
            key_event = loader.get_event()
            kind = type(key_event)
            if kind is yaml.MappingEndEvent:
                return result
            mark = key_event.start_mark
            key_pos = (mark.line + 1, mark.column + 1)
            if kind is not yaml.ScalarEvent:
                raise _Stop(error(self.path, *key_pos, "yaml-syntax", "mapping keys must be plain text"))
            key = _scalar(self.loader, key_event, self.path)
            if key is None:
                raise _Stop(error(self.path, *key_pos, "yaml-syntax", "mapping keys must be plain text"))
            path = at + (key,)
            if key in result:
                first = keys[path]
                self.problems.append(
                    error(self.path, *key_pos, "duplicate-key",
                          f"duplicate key '{key}' (first defined on line {first[0]}): remove one of them")
                )
                self.read(at + ("<duplicate>", key), depth + 1)  # consume and ignore the second value
                continue
            keys[path] = key_pos
            result[key] = self.read(path, depth + 1)


def _scalar(loader: Any, event: yaml.ScalarEvent, path: str) -> Any:
    tag = event.tag
    value = event.value
    # Fast path (most content is text): quoted and block scalars are strings,
    # and so is a plain scalar that cannot start a number, date, bool or null.
    if tag is None and (event.style or (value and (value[0] not in _MAYBE_NOT_TEXT or not _MAYBE_SPECIAL.match(value)))):
        return unicodedata.normalize("NFC", value) if not value.isascii() else value
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as exc:
        raise _Stop(error(path, *_mark(event.start_mark), "yaml-syntax", str(exc.problem)))
    except ValueError as exc:  # e.g. an impossible date such as 2026-02-30
        raise _Stop(error(path, *_mark(event.start_mark), "wrong-type", f"'{event.value}' is not a valid value: {exc}"))
    except (KeyError, IndexError, AttributeError, TypeError, OverflowError):
        # PyYAML's constructors fail this way on an explicit tag with a value it
        # does not fit: `!!bool maybe`, `!!timestamp next-week`, `!!int ""`.
        raise _Stop(error(path, *_mark(event.start_mark), "wrong-type",
                          f"'{event.value}' is not a valid {tag.replace('tag:yaml.org,2002:', '!!')} value"))
    return _nfc(value)


def load_yaml(raw: bytes, path: str) -> tuple[Located | None, list[Diagnostic]]:
    """Parse one YAML document. Returns (None, problems) when it cannot be used.

    The Located is shared by every call with the same bytes: read it, never change it."""
    located, problems = _parse(raw, path)
    return located, list(problems)


# A pure function of the file's bytes and name, cached: `mkdocs serve` loads the
# content again after every save, and all but one file are as they were (at 4x
# content, parsing was a sixth of a rebuild). tests/test_load.py checks that
# nothing changes what it hands out.
@lru_cache(maxsize=4096)
def _parse(raw: bytes, path: str) -> tuple[Located | None, tuple[Diagnostic, ...]]:
    text, problems = _decode(raw, path)
    if text is None:
        return None, tuple(problems)
    located, found = _read_with_positions(text, path)
    return located, tuple(found)


def _read_with_positions(text: str, path: str) -> tuple[Located | None, list[Diagnostic]]:
    """The full read: data, every position, and located problems."""
    loader = _Loader(text)
    reader = _EventReader(loader, path)
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return reader.located, []
        loader.get_event()  # DocumentStart
        reader.located.data = reader.read((), 0)
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            line, col = _mark(loader.peek_event().start_mark)
            return None, [error(path, line, col, "multiple-documents",
                                "only one YAML document per file: remove the extra '---'")]
    except _Stop as stop:
        return None, reader.problems + [stop.diagnostic]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark(mark) if mark else (1, 1)
        message = exc.problem or "invalid YAML"
        if exc.context:
            message = f"{message} ({exc.context})"
        return None, reader.problems + [error(path, line, col, "yaml-syntax", message)]
    except yaml.YAMLError as exc:  # reader errors such as control characters
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "mark", None)
        line, col = _mark(mark) if mark else (1, 1)
        return None, reader.problems + [error(path, line, col, "yaml-syntax", str(getattr(exc, "reason", exc)))]
    finally:
        loader.dispose()
    if reader.problems:
        return None, reader.problems
    return reader.located, []
