"""One diagnostic is one line, whatever content its message quotes."""

from __future__ import annotations

import pytest

from conftest import LOCATED, kb_check
from kb.diagnostics import error


def test_control_characters_in_a_message_are_written_as_escapes():
    message = "unknown field '\n'; value 'a\tb\x07' and Lithuanian ąčę stay as they are"
    assert error("glossary/x.yml", 1, 3, "unknown-field", message).format() == (
        "glossary/x.yml:1:3: error[unknown-field]: unknown field '\\n'; value 'a\\tb\\x07' and Lithuanian ąčę stay as they are")


@pytest.mark.usefixtures("pinned_today")
def test_a_key_that_is_a_line_break_is_reported_on_one_line(project_copy):
    # Found by tests/test_properties.py: a quoted key "\n" printed a diagnostic over two lines.
    term = project_copy / "glossary" / "coupon.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("\nid: coupon", '\n"\\n": coupon', 1), encoding="utf-8")
    result = kb_check(project_copy)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("glossary/coupon.yml")]
    assert "glossary/coupon.yml:2:1: error[unknown-field]: unknown field '\\n'" in "\n".join(lines)
    assert all(LOCATED.match(line) for line in lines), lines
