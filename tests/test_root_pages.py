"""A language's hand-written root pages (docs/<lang>/*.md, the home page).

Material prints their front matter into the page as it is, so it is checked
like every other content file: all mistakes at once, each at its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import kb_check
from kb.content.root_pages import load_root_pages
from kb.diagnostics import render


def _write(root: Path, lang: str, text: str) -> None:
    page = root / "docs" / lang / "index.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")


def test_the_real_home_pages_are_clean(root):
    pages, problems = load_root_pages(root)
    assert sorted(pages) == [f"docs/{lang}/index.md" for lang in ("fi", "it", "lt", "pl")]
    assert problems == []


def test_every_front_matter_mistake_is_reported_at_its_line(tmp_path):
    _write(tmp_path, "lt", "---\ntitle: Pradžia\ndescription: \"x\"\ntemplate: main.html\nhide:\n  - navigaton\n---\n\n# Pradžia\n")
    _write(tmp_path, "it", "---\ntitle: Inizio\ntitle: Di nuovo\n---\n")
    _write(tmp_path, "pl", "---\ntitle: [Start\n---\n")
    _write(tmp_path, "fi", "---\ntitle: Alku <script>x()</script>\nhide: toc\n---\n")
    _, problems = load_root_pages(tmp_path)
    assert render(problems).splitlines() == [
        "docs/fi/index.md:2:8: error[unsafe-html]: title: '<script' is not allowed in text: no scripts, "
        "event-handler attributes or javascript: links",
        "docs/fi/index.md:3:7: error[wrong-type]: hide must be a list, not text",
        "docs/it/index.md:3:1: error[duplicate-key]: duplicate key 'title' (first defined on line 2): remove one of them",
        "docs/lt/index.md:3:1: error[unknown-field]: unknown field 'description'; allowed: title, hide",
        "docs/lt/index.md:4:1: error[unknown-field]: unknown field 'template'; allowed: title, hide",
        "docs/lt/index.md:6:5: error[invalid-value]: hide[0] must be one of 'navigation', 'toc', 'footer', 'path' "
        "or 'tags', not 'navigaton'",
        "docs/pl/index.md:3:1: error[yaml-syntax]: did not find expected ',' or ']' (while parsing a flow sequence)",
    ]


@pytest.mark.usefixtures("pinned_today")
def test_kb_check_reports_a_home_page_body_and_front_matter_and_exits_1(project_copy):
    home = project_copy / "docs" / "pl" / "index.md"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace("hide:", "icon: x\nhide:", 1) + "\n<iframe src=\"https://example.com\"></iframe>\n",
                    encoding="utf-8")
    lines = text.count("\n") + 2
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error[" in line]
    assert errors == [
        "docs/pl/index.md:3:1: error[unknown-field]: unknown field 'icon'; allowed: title, hide",
        f"docs/pl/index.md:{lines + 1}:1: error[unsafe-html]: <iframe> is not allowed on a page "
        "(the page would show this text without it)",
    ]
