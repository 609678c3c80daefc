"""Property-based: whatever bytes arrive, the loader and model answer with
diagnostics, never with an exception."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
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
