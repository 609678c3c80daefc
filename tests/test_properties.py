"""Property-based: whatever bytes arrive, the loader and model answer with
diagnostics, never with an exception."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kb.diagnostics import Diagnostic
from kb.content.load import load_yaml
from kb.content.model import GlossaryTerm
from kb.content.typecheck import parse_model

FIELDS = ["id", "term", "definition", "synonyms", "forms", "cite", "related", "review", "lt", "it", "pl", "fi",
          "owner", "last_reviewed", "interval_days"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.dates().map(str))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5),
), max_leaves=20)
yaml_chars = st.text(alphabet=string.printable + "ąčęėįšųūžłńóśźżäöå&*!|>-:#{}[]\"'", max_size=300)


def _check(raw: bytes) -> None:
    located, problems = load_yaml(raw, "f.yml")
    assert all(isinstance(p, Diagnostic) for p in problems)
    if located is not None:
        model, problems = parse_model(GlossaryTerm, located, "f.yml")
        assert (model is None) == bool(problems)
        for problem in problems:
            assert problem.line >= 1 and problem.col >= 1
            assert problem.format().startswith("f.yml:")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw):
    _check(raw)


@settings(max_examples=300, deadline=None)
@given(yaml_chars)
def test_arbitrary_yaml_like_text(text):
    _check(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(values)
def test_arbitrary_structures(data):
    import yaml

    _check(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


# --- Mutated real content (issue 17) ---------------------------------------
#
# Valid files of the real project are changed at the YAML-node level (a tag,
# a scalar, a type, a key) or next to them on the file system (lock files,
# folders named like files, symlinks), and the whole project is checked:
# never a traceback, every diagnostic located in a file that exists, and a
# failing check for every change that makes the content invalid.

import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

from kb.content.project import load_project  # noqa: E402
from kb.diagnostics import has_failures  # noqa: E402
from conftest import FIXED_TODAY, LOCATED  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["glossary/coupon.yml", "playbooks/complaint-call.yml", "quizzes/retention-basics.yml", "company.yml",
           "locales/ui/it.yml"]

bad_tags = st.sampled_from(["tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                            "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:null", "tag:yaml.org,2002:binary",
                            "tag:yaml.org,2002:python/name:os.system", "!custom"])
hostile_text = st.one_of(
    st.sampled_from(["maybe", "next-week", "", "9999-12-31", "0000-00-00", "1e999", "-", "~", "<<",
                     "[Daugiau](java\rscript:alert(1))", "[x](data:text/html,x)", "*x*{ style=\"opacity:0\" }",
                     "<script>alert(1)</script>", "a\x01b", "a\x00b", "{company:nope}", "{päivä}", "[[x]]", "x]",
                     "\ufeff", "a" * 300]),
    st.text(max_size=20),
)


def _nodes(node: yaml.Node, out: list) -> list:
    out.append(node)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _nodes(key, out)
            _nodes(value, out)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nodes(item, out)
    return out


def _mutate(data: st.DataObject, node: yaml.Node) -> bool:
    """Change one node in place; True when the change must make the check fail."""
    scalars = [n for n in _nodes(node, []) if isinstance(n, yaml.ScalarNode)]
    maps = [n for n in _nodes(node, []) if isinstance(n, yaml.MappingNode) and n.value]
    kind = data.draw(st.sampled_from(["tag", "scalar", "type", "rename-key", "drop-key", "duplicate-key"]))
    if kind == "tag":
        target = data.draw(st.sampled_from(scalars))
        target.tag = data.draw(bad_tags)
        target.value = data.draw(hostile_text)
        return False  # some tagged values are valid (`!!str`-like text in a text field)
    if kind == "scalar":
        target = data.draw(st.sampled_from(scalars))
        target.value, target.style = data.draw(hostile_text), '"'
        return False
    if kind == "type":
        target = data.draw(st.sampled_from(maps))
        index = data.draw(st.integers(0, len(target.value) - 1))
        key, _ = target.value[index]
        replacement = data.draw(st.sampled_from([
            yaml.SequenceNode("tag:yaml.org,2002:seq", []),
            yaml.MappingNode("tag:yaml.org,2002:map", []),
            yaml.ScalarNode("tag:yaml.org,2002:null", "null")]))
        target.value[index] = (key, replacement)
        return False
    target = data.draw(st.sampled_from(maps))
    index = data.draw(st.integers(0, len(target.value) - 1))
    key, value = target.value[index]
    if kind == "rename-key":
        target.value[index] = (yaml.ScalarNode("tag:yaml.org,2002:str", key.value + "x"), value)
        return True  # an unknown field, or a missing one
    if kind == "drop-key":
        del target.value[index]
        return False  # some keys are optional
    target.value.append((key, value))
    return True  # a duplicate key


def _filesystem_oddity(data: st.DataObject, root: Path) -> bool:
    """Something an editor or a careless copy leaves in a content folder; True when it must fail."""
    folder = data.draw(st.sampled_from(["glossary", "playbooks", "quizzes"]))
    kind = data.draw(st.sampled_from(["lock", "swap", "folder", "dangling", "outside", "yaml"]))
    if kind == "lock":
        (root / folder / ".#x.yml").symlink_to("user@host.1:2")
        return False
    if kind == "swap":
        (root / folder / ".x.yml.swp").write_bytes(b"\x00binary")
        return False
    if kind == "folder":
        (root / folder / "old.yml").mkdir()
    elif kind == "dangling":
        (root / folder / "gone.yml").symlink_to("nowhere.yml")
    elif kind == "outside":
        (root / folder / "passwd.yml").symlink_to("/etc/passwd")
    else:
        shutil.copy(next((root / folder).glob("*.yml")), root / folder / "copy.yaml")
    return True


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("pristine") / "project"
    copy.mkdir()
    for folder in ("sources", "locales", "glossary", "playbooks", "quizzes", "schemas", "overrides"):
        shutil.copytree(ROOT / folder, copy / folder)
    for name in ("company.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(ROOT / "docs", copy / "docs", ignore=shutil.ignore_patterns(
        "glossary", "playbooks", "quizzes", "start", "trainers", "status", "exports"))
    return copy


def _assert_located(project, root: Path) -> None:
    for diagnostic in project.diagnostics:
        line = diagnostic.format()
        assert LOCATED.match(line), line
        assert (root / diagnostic.path).exists() or (root / diagnostic.path).is_symlink(), line


@pytest.mark.corpus
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_content_gives_located_diagnostics(data, pristine, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KB_TODAY", FIXED_TODAY)
    root = tmp_path_factory.mktemp("mutated") / "project"
    shutil.copytree(pristine, root, symlinks=True)
    if data.draw(st.booleans()):
        rel = data.draw(st.sampled_from(TARGETS))
        node = yaml.compose((root / rel).read_text(encoding="utf-8"))
        must_fail = _mutate(data, node)
        (root / rel).write_text(yaml.serialize(node, allow_unicode=True), encoding="utf-8")
    else:
        must_fail = _filesystem_oddity(data, root)
    project = load_project(root, check_only=True)  # any exception fails the test
    _assert_located(project, root)
    if must_fail:
        assert has_failures(project.diagnostics, strict=False)
    # Otherwise the change may be harmless (a lock file, a still-valid value): located is enough.


@pytest.mark.corpus
def test_failed_build_of_mutated_content_keeps_the_previous_site(pristine, tmp_path):
    """The real command on broken content: exit 1, located errors, no traceback, old site untouched."""
    root = tmp_path / "project"
    shutil.copytree(pristine, root, symlinks=True)
    text = (root / "glossary/coupon.yml").read_text(encoding="utf-8")
    (root / "glossary/coupon.yml").write_text(text.replace("interval_days: 365", "interval_days: !!bool maybe"),
                                              encoding="utf-8")
    (root / "quizzes/old-modules.yml").mkdir()
    (root / "glossary/.#coupon.yml").symlink_to("user@host.1:2")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(root), "build",
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "KB_TODAY": FIXED_TODAY})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "glossary/coupon.yml:28:18: error[wrong-type]: 'maybe' is not a valid !!bool value" in output
    assert "quizzes/old-modules.yml:1:1: error[not-a-file]" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(tmp_path.glob(".site.*"))  # no staging folders left


# --- The sanitiser and the check agree ---------------------------------------

from html.parser import HTMLParser  # noqa: E402

from kb.render.sanitize import clean, findings  # noqa: E402

_tags = st.sampled_from(["a", "p", "div", "span", "script", "iframe", "svg", "path", "img", "input", "nav",
                         "style", "math", "object", "details", "animate", "strong"])
_attributes = st.sampled_from(["href", "class", "id", "onclick", "onload", "style", "src", "data-term",
                               "data-answers", "title", "action", "viewBox", "d", "hidden", "xlink:href"])
_values = st.sampled_from(["#x", "../p/", "https://example.org/", "mailto:a@b.c", "tel:+370", "javascript:alert(1)",
                           "java\rscript:alert(1)", " javascript:1", "&#106;avascript:1", "data:text/html,x",
                           "vbscript:x", "JaVaScRiPt:x", "x", ""])


def _element(tag: str, attrs: list, body: list) -> str:
    attributes = "".join(f' {name}="{value}"' for name, value in attrs)
    return f"<{tag}{attributes}>{''.join(body)}</{tag}>"


_elements = st.recursive(
    st.text(alphabet="ab &", max_size=6),
    lambda inner: st.builds(_element, _tags, st.lists(st.tuples(_attributes, _values), max_size=3),
                            st.lists(inner, max_size=3)),
    max_leaves=8)


class _Names(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.names |= {tag} | {f"{tag}@{name}" for name, _ in attrs}


def _names(html: str) -> set:
    parser = _Names()
    parser.feed(html)
    return parser.names


@settings(max_examples=300, deadline=None)
@given(st.lists(_elements, min_size=1, max_size=4).map("".join))
# Found by this test in random runs: inside <svg> the sanitiser drops or moves HTML
# elements, and judges xlink: attributes by their local name.
@example('<svg><input></input></svg>')
@example('<svg><a></a></svg>')
@example('<svg><a xlink:href="#x"></a></svg>')
@example('<svg><a xlink:href="java\rscript:alert(1)" xlink:title="t"></a></svg>')
def test_check_reports_what_the_sanitiser_removes(html):
    cleaned = clean(html)
    assert findings(cleaned) == []  # nothing the check refuses survives the sanitiser
    if not findings(html):  # nothing refused: the sanitiser keeps every tag and attribute
        assert _names(cleaned) == _names(html)
