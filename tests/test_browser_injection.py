"""Script injection: a site built from a corpus of hostile content is harmless in Chromium.

The corpus (tests/injection/) holds script-injection vectors of every kind
content can carry: raw HTML in an article (script, event handlers, iframe,
object, embed, SVG, MathML), encoded and control-character schemes
(`&#106;avascript:`, `java\\rscript:`), `data:` links, `attr_list` blocks
(`{ style=... }`, `{ onclick=... }`), HTML and Markdown links in interface
strings, a company value, and the titles the theme prints outside the page
body (a heading with entity-encoded markup, a home page's front matter title).

The trust model (README, "Trust model"): `kb check` reports every vector at
its source line (exit 1, so CI refuses the change), while the site build
cleans the same HTML silently through the allow-list sanitiser and succeeds.
So this test checks both: the exact check report, and then, page by page in
Chromium, that no dialog opens, no vector's script runs, no request leaves
the local server and no link on the page has a scheme outside the allow-list.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import serve_folder, FIXED_TODAY
from kb.build.sitebuild import build_site

pytestmark = [pytest.mark.browser, pytest.mark.build]

CORPUS = Path(__file__).parent / "injection"
ARTICLE = "docs/lt/articles/retention-programs.md"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"


def _write_text(root: Path, file: str, at: list, text) -> None:  # type: ignore[no-untyped-def]
    path = root / file
    raw = path.read_text(encoding="utf-8")
    first = raw.split("\n", 1)[0] + "\n" if raw.startswith("#") else ""  # the schema comment
    data = yaml.safe_load(raw)
    target = data
    for key in at[:-1]:
        target = target[key]
    target[at[-1]] = text
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(first + body, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory, root) -> Path:
    copy = tmp_path_factory.mktemp("hostile") / "project"
    copy.mkdir()
    for folder in ("sources", "locales", "glossary", "playbooks", "quizzes", "schemas", "overrides"):
        shutil.copytree(root / folder, copy / folder)
    shutil.copytree(root / "docs", copy / "docs", ignore=shutil.ignore_patterns(
        "glossary", "playbooks", "quizzes", "start", "trainers", "status", "exports"))
    for name in ("company.yml", "mkdocs.yml"):
        shutil.copy(root / name, copy / name)
    with (copy / ARTICLE).open("a", encoding="utf-8") as article:
        article.write((CORPUS / "article.md").read_text(encoding="utf-8"))
    for entry in yaml.safe_load((CORPUS / "texts.yml").read_text(encoding="utf-8")):
        _write_text(copy, entry["file"], entry["at"], entry["text"])
    for entry in yaml.safe_load((CORPUS / "pages.yml").read_text(encoding="utf-8")):
        page = copy / entry["file"]
        text = page.read_text(encoding="utf-8")
        assert text.count(entry["replace"]) >= 1, entry
        page.write_text(text.replace(entry["replace"], entry["with"], 1), encoding="utf-8")
    return copy


def test_check_reports_every_vector_at_its_source_line(hostile_project):
    result = subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(hostile_project), "check"],
                            capture_output=True, text=True, env={**os.environ, "KB_TODAY": FIXED_TODAY})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    errors = "\n".join(line for line in result.stdout.splitlines() if ": error[" in line) + "\n"
    expected = CORPUS / "check.expected"
    if UPDATE:
        expected.write_text(errors, encoding="utf-8")
    assert errors == expected.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(hostile_project, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("hostile-build") / "site"
    assert build_site(hostile_project, site) == 0, "the build cleans unsafe HTML instead of failing"
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve_folder(hostile_site) as url:
        yield url


# Every link, form and embedded resource on a page, with anything outside the allow-list.
_UNSAFE_IN_PAGE = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const quizForm = el.tagName === 'FORM' && name === 'onsubmit' && a.value === 'return false;';
      if (name.startsWith('on') && !quizForm) bad.push(el.tagName + ' ' + name);
    }
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (!['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol)) bad.push('link ' + a.protocol);
  }
  // SVG only as a static shape (the home pages' card icons): <path> and nothing else inside.
  const active = 'article iframe, article object, article embed, article math, article img, article svg *:not(path)';
  for (const el of document.querySelectorAll(active)) {
    bad.push('element ' + el.tagName);
  }
  for (const el of document.querySelectorAll('[id^="kb-injected"]')) bad.push('injected ' + el.tagName);
  for (const el of document.querySelectorAll('article [style]')) {
    if (!el.closest('#quiz-progress-sidebar, #quiz-progress-mobile')) bad.push('style on ' + el.tagName);
  }
  return bad;
}"""


def test_no_vector_runs_in_chromium(browser, hostile_site, hostile_url):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) > 100  # every page of the site, in four languages
    context = browser.new_context()
    dialogs: list[str] = []
    outside: list[str] = []

    def refuse(request_route):  # type: ignore[no-untyped-def]
        outside.append(request_route.request.url)
        request_route.abort()

    # Every request not to the local server is intercepted and refused (the pattern is
    # matched in the browser, so the site's own requests do not wait for Python).
    context.route(re.compile("^(?!" + re.escape(hostile_url + "/") + ")"), refuse)
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    problems = {}
    try:
        for page in pages:
            tab.goto(f"{hostile_url}/{page.removesuffix('index.html')}", wait_until="load")
            pwned = tab.evaluate("() => window.__pwned || null")
            unsafe = tab.evaluate(_UNSAFE_IN_PAGE)
            if pwned or unsafe:
                problems[page] = (pwned, unsafe)
        # Where the vectors are, a click on each link the sanitiser disarmed (it keeps the text).
        for page, disarmed in (("articles/retention-programs/", 4), ("glossary/", 2)):
            tab.goto(f"{hostile_url}/{page}", wait_until="load")
            links = tab.query_selector_all("article a:not([href])")
            assert len(links) >= disarmed
            for link in links:
                link.click()
            tab.wait_for_timeout(100)
            assert tab.evaluate("() => window.__pwned || null") is None
    finally:
        context.close()
    assert problems == {}
    assert dialogs == []
    assert outside == []
