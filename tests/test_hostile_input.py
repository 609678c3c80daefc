"""Careless and hostile inputs that are more than one YAML file (issue 17).

Each case changes a copy of the real project (a lock file, a folder named
like a file, a symlink out of the project, a missing checksum file, a
non-UTF-8 byte in mkdocs.yml, two modules whose page names collide, a
prerequisite cycle, an article with raw HTML ...) and `kb check` must report
exactly the diagnostics in tests/bad-input/hostile/<case>.expected: located,
no traceback (an empty file is a documented acceptance). Single-file cases
live next to the others in tests/bad-input/<folder>/.

Regenerate the expected files after a deliberate change with
KB_UPDATE_GOLDEN=1 pytest tests/test_hostile_input.py, then review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.content.project import load_project
from kb.diagnostics import Diagnostic, Severity, render
from conftest import FIXED_TODAY

EXPECTED = Path(__file__).parent / "bad-input" / "hostile"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"
ARTICLE = "docs/lt/articles/retention-programs.md"
MODULE = "quizzes/retention-basics.yml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: '{old}' not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _module_copy(root: Path, module_id: str, prerequisites: list[str]) -> None:
    text = (root / MODULE).read_text(encoding="utf-8").replace("id: retention-basics", f"id: {module_id}", 1)
    lines = [f"prerequisites: [{', '.join(prerequisites)}]" if line.startswith("prerequisites:") else line
             for line in text.split("\n")]
    (root / f"quizzes/{module_id}.yml").write_text("\n".join(lines), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(text)


CASES = {
    # Emacs' lock file: a dangling symlink. Editor files are ignored (README, "Checking").
    "lock-file": lambda root: (root / "glossary/.#coupon.yml").symlink_to("root@host.4242:1700000000"),
    "backup-file": lambda root: shutil.copy(root / "glossary/coupon.yml", root / "glossary/coupon.yml~"),
    "dangling-symlink": lambda root: (root / "glossary/gone.yml").symlink_to("nowhere.yml"),
    "folder-named-like-a-file": lambda root: (root / "quizzes/old-modules.yml").mkdir(),
    "yaml-extension": lambda root: shutil.copy(root / "glossary/coupon.yml", root / "glossary/voucher.yaml"),
    "missing-checksums": lambda root: (root / "sources/SHA256SUMS").unlink(),
    # On the first line, so the expected position does not move when mkdocs.yml grows.
    "mkdocs-not-utf8": lambda root: (root / "mkdocs.yml").write_bytes(b"# caf\xe9\n" + (root / "mkdocs.yml").read_bytes()),
    "symlink-out-of-project": lambda root: ((root / "docs/lt/articles/notes.txt").symlink_to("/etc/passwd"),
                                            (root / "glossary/passwd.yml").symlink_to("/etc/passwd")),
    # 50 MB, refused by its size: the file is sparse and never read.
    "fifty-megabytes": lambda root: os.truncate(_touch(root / "glossary/huge.yml"), 50 * 1024 * 1024),
    "key-page-collision": lambda root: _module_copy(root, "retention-basics-key", []),
    "prerequisite-cycle": lambda root: (_module_copy(root, "cycle-a", ["cycle-b"]), _module_copy(root, "cycle-b", ["cycle-c"]),
                                        _module_copy(root, "cycle-c", ["cycle-a"])),
    "ui-placeholder-misspelt": lambda root: _edit(root / "locales/ui/fi.yml", "{date}", "{päivä}"),
    "ui-string-html": lambda root: _edit(root / "locales/ui/pl.yml", 'say: "', 'say: "<img src=x onerror=alert(1)>'),
    "company-placeholder-in-article": lambda root: _append(root / "docs/fi/articles/retention-programs.md",
                                                           "\nKuponki: {company:coupon-value}.\n"),
    "article-raw-html": lambda root: _append(root / ARTICLE, "\n<script>alert(1)</script>\n\n"
                                             '<img src="x" onerror="alert(1)">\n\n[a](javascript:alert(1))\n\n'
                                             '<iframe src="javascript:alert(1)"></iframe>\n\n'
                                             "[b](data:text/html,x)\n\n<svg onload=alert(1)></svg>\n"),
    "article-control-character": lambda root: _append(root / "docs/pl/articles/what-is-retention.md", "\nTekst\x01.\n"),
    "ui-control-character": lambda root: _edit(root / "locales/ui/it.yml", 'say: "', 'say: "\\0'),
    # Windows line ends in an article: accepted.
    "article-crlf": lambda root: (root / ARTICLE).write_bytes((root / ARTICLE).read_bytes().replace(b"\n", b"\r\n")),
    "article-unclosed-fence": lambda root: _edit(root / "docs/it/articles/retention-programs.md", "\n## ", "\n```\n\n## "),
}


def _touch(path: Path) -> Path:
    path.touch()
    return path


# project_copy and pinned_today come from conftest.py.
pytestmark = [pytest.mark.usefixtures("pinned_today"), pytest.mark.corpus]


def _failing(diagnostics: list[Diagnostic]) -> str:
    return render([d for d in diagnostics if d.severity is not Severity.NOTE])


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_gives_exact_diagnostics(case, project_copy):
    CASES[case](project_copy)
    actual = _failing(load_project(project_copy, check_only=True).diagnostics)
    expected_file = EXPECTED / f"{case}.expected"
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(actual + "\n" if actual else "", encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8").rstrip("\n")
    for line in actual.splitlines():
        assert line.split(":", 3)[1].isdigit() and line.split(":", 3)[2].isdigit(), line


def test_every_case_at_once_without_traceback(project_copy):
    """All problems of one run are reported together, by the real command."""
    for case in sorted(CASES):
        CASES[case](project_copy)
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project_copy), "check"],
                            capture_output=True, text=True, env={**os.environ, "KB_TODAY": FIXED_TODAY})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    reported = set(result.stdout.splitlines())
    for case in CASES:
        expected = (EXPECTED / f"{case}.expected").read_text(encoding="utf-8").splitlines()
        assert set(expected) <= reported, case


def test_github_annotations_escape_file_names_and_messages():
    """GitHub's workflow-command rules: properties also end at ',' and ':'; data ends at a newline."""
    from kb.diagnostics import error

    line = error("glossary/a,b=c:d%e.yml", 3, 4, "wrong-type", "50% of\nthis, and: that\r").format_github()
    assert line == ("::error file=glossary/a%2Cb=c%3Ad%25e.yml,line=3,col=4,title=wrong-type"
                    "::50%25 of%0Athis, and: that%0D")


def test_glossary_letter_index_escapes_a_terms_first_character(project_copy):
    """A term starting with '"' or '<' files under '#', and nothing of it reaches the markup raw."""
    from kb.checks.html_safety import _render
    from kb.render.glossary import glossary_markdown
    from kb.render.links import SiteUrls
    from kb.render.sanitize import findings

    for term_id, first in (("coupon", '"'), ("refund", "<")):
        path = project_copy / f"glossary/{term_id}.yml"
        path.write_text(re.sub(r"(?m)(^term:\n  lt: )(.*)$", lambda m: f"{m.group(1)}'{first}{m.group(2)}'",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    project = load_project(project_copy)
    assert not [d for d in project.diagnostics if d.severity is Severity.ERROR]
    markdown = glossary_markdown(project, "lt", SiteUrls(directory_urls=True))
    index = next(line for line in markdown.splitlines() if line.startswith('<nav class="kb-letters"'))
    assert index.count('<a href="#letter-other">#</a>') == 1
    assert "## &#35; {#letter-other}" in markdown
    page = _render(markdown.split("---", 2)[2])
    assert findings(page) == []
    assert page.count('id="letter-other"') == 1


def test_serve_reports_a_bad_save_and_keeps_the_last_good_content(project_copy, capsys):
    """`mkdocs serve`: after a good build, a broken save is reported located, once, and not raised."""
    from types import SimpleNamespace

    from kb.content.watch import fingerprint
    from kb.plugin.events import KnowledgeBasePlugin

    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="serve", dirty=False)
    config = SimpleNamespace(strict=True)
    good = load_project(project_copy, report_unsafe_html=False)
    plugin.project, plugin._fingerprint = good, (fingerprint(project_copy), True)
    CASES["yaml-extension"](project_copy)
    _edit(project_copy / "glossary/coupon.yml", "interval_days: 365", "interval_days: !!bool maybe")
    plugin._load(project_copy, config, (fingerprint(project_copy), True))  # raises nothing
    assert plugin.project is good
    printed = capsys.readouterr().err
    assert "glossary/coupon.yml:28:18: error[wrong-type]: 'maybe' is not a valid !!bool value" in printed
    assert "glossary/voucher.yaml:1:1: error[wrong-extension]" in printed
