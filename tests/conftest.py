"""Shared fixtures: a real strict build of the site, a local server, Chromium.

Tests never write into the checkout: `root` is a copy of the project in a
temporary folder, and builds run there. The clock is fixed (KB_TODAY) for the
session and for every build it starts, so no test fails on the day a review
falls due.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from kb.build.sitebuild import build_site
from kb.clock import ENVIRONMENT_VARIABLE as CLOCK_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Before the first review of the real content falls due (2027-05-22); tests that
# need a review overdue set a later date themselves.
FIXED_TODAY = "2026-11-23"
# One diagnostic as kb prints it: path:line:col: severity[code]: message, on one line.
LOCATED = re.compile(r"^[^:\n]+:[1-9][0-9]*:[1-9][0-9]*: (error|warning|note)\[[a-z0-9-]+\]: .+$")


def kb_check(project: Path) -> subprocess.CompletedProcess[str]:
    """The real `kb check` command on `project`, on the tests' fixed date."""
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(project), "check"],
                          capture_output=True, text=True, env={**os.environ, CLOCK_VARIABLE: FIXED_TODAY})
os.environ[CLOCK_VARIABLE] = FIXED_TODAY
# Hypothesis would keep its example database and caches in .hypothesis/ inside the checkout.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="kb-hypothesis-"))
settings.register_profile("kb", database=None)
settings.load_profile("kb")

# What a copy of the project leaves out: tooling, output, caches.
NOT_PROJECT = shutil.ignore_patterns(".venv", ".git", "site", ".site.*", "build", "node_modules", "__pycache__",
                                     ".pytest_cache", ".hypothesis", "*.egg-info")


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=NOT_PROJECT)
    return target


@pytest.fixture(scope="session")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project: tests read it, and builds write their generated pages into it."""
    return copy_project(tmp_path_factory.mktemp("checkout") / "project")


# What `kb check` reads: the content, without the pages and site a build writes.
CONTENT_DIRS = ("sources", "locales", "glossary", "playbooks", "quizzes", "schemas")
CONTENT_FILES = ("company.yml", "mkdocs.yml")


@pytest.fixture
def project_copy(tmp_path: Path, root: Path) -> Path:
    """The project's content in a temporary folder of its own, for one test to change
    (the bad and hostile input tests). Tests that build the site copy all of it instead."""
    return copy_content(root, tmp_path / "project")


def copy_content(root: Path, copy: Path) -> Path:
    copy.mkdir()
    for folder in CONTENT_DIRS:
        shutil.copytree(root / folder, copy / folder)
    for name in CONTENT_FILES:
        shutil.copy(root / name, copy / name)
    for page in [*root.glob("docs/*/*.md"), *root.glob("docs/*/articles/*.md")]:
        target = copy / page.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, target)
    return copy


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> str:
    """The session's fixed date, set again for one test whose expected output names
    dates (review due dates), whatever an earlier test left in the environment."""
    monkeypatch.setenv(CLOCK_VARIABLE, FIXED_TODAY)
    return FIXED_TODAY


FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project (one article in each language, a few terms, one playbook, one quiz).

    Golden pages are rendered from it, so an edit to the live content does not
    rewrite them. The source articles and interface strings come from the checkout.
    """
    target = tmp_path_factory.mktemp("fixture") / "project"
    shutil.copytree(FIXTURE_PROJECT, target)
    shutil.copytree(ROOT / "sources", target / "sources")
    # The everyday search words name live pages the small project does not have.
    shutil.copytree(ROOT / "locales", target / "locales", ignore=shutil.ignore_patterns("search"))
    (target / "locales" / "search").mkdir()
    for lang in ("lt", "it", "pl", "fi"):
        (target / "locales" / "search" / f"{lang}.yml").write_text("# none in the small project\n", encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def small_project(fixture_project: Path):
    from kb.content.project import load_project

    project = load_project(fixture_project)
    assert [d.format() for d in project.diagnostics if d.severity.value != "note"] == []
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    """The real site, built strictly (zero warnings) into a temporary folder."""
    site = tmp_path_factory.mktemp("build") / "site"
    assert build_site(root, site) == 0, "strict mkdocs build failed"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A local HTTP server for `folder` on a free port, for as long as the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright.

    Missing Chromium fails under CI=true (a skipped browser test would hide a
    missing install step) and skips only on a developer machine.
    """
    if not Path(CHROMIUM).exists():
        message = "Debian's chromium is not installed (make test installs it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
