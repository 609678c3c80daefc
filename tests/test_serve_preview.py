"""`make serve PREVIEW=fi`: one language, at the site root, for a faster author's loop.

mkdocs-static-i18n's documented `build_only_locale` (KB_PREVIEW_LANGUAGE in
mkdocs.yml) builds only that language; the kb plugin lays out its links, 404
page and search for it, and refuses it for a site to publish.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import copy_project
from test_determinism import digests
from test_render_reuse import SERVE_LIKE_REBUILDS

pytestmark = pytest.mark.build

OTHER_LANGUAGES = ("lt", "it", "pl")


@pytest.fixture
def checkout_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def serve_like(project: Path, site: Path, edits: dict[str, list[str]], language: str = "fi") -> None:
    """Two `serve` builds of a one-language preview, with `edits` saved between them."""
    env = {**os.environ, "KB_PREVIEW_LANGUAGE": language}
    run = subprocess.run([sys.executable, "-c", SERVE_LIKE_REBUILDS, str(site), json.dumps(edits)],
                         cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]


def dead_links(site: Path) -> dict[str, str]:
    """Relative links and sources that lead to no file, except into languages the preview leaves out."""
    dead = {}
    for page in site.rglob("*.html"):
        for href in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or href.startswith("/"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_relative_to(site.resolve()):
                dead[href] = str(page.relative_to(site))  # out of the site altogether
                continue
            if target.relative_to(site.resolve()).parts[:1] in {(lang,) for lang in OTHER_LANGUAGES}:
                continue
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                dead[href] = str(page.relative_to(site))
    return dead


def test_preview_builds_one_language_at_the_root_and_a_save_shows_everywhere(checkout_copy: Path, tmp_path: Path) -> None:
    edits = {"glossary/coupon.yml": ["  fi: Seteli, jonka", "  fi: Muokattu seteli, jonka"]}
    served = tmp_path / "served"
    serve_like(checkout_copy, served, edits)

    home = (served / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi"' in home
    # Only Finnish is built, at the root: no language folders, one search worker.
    assert not any((served / lang).exists() for lang in (*OTHER_LANGUAGES, "fi"))
    workers = sorted(p.name for p in (served / "assets" / "kb").glob("search-*.js"))
    assert workers == ["search-fi.js"]
    # The rebuild after the save wrote the new text into the page and into the search index.
    assert "Muokattu" in (served / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "muokattu" in (served / "assets" / "kb" / "search-fi.js").read_text(encoding="utf-8").lower()
    # Links between Finnish pages (tooltips, citations, next steps) lead to pages of the preview.
    assert dead_links(served) == {}

    # What the preview serves after the save is what a preview of the saved content serves from the start.
    fresh = tmp_path / "fresh"
    serve_like(checkout_copy, fresh, {})
    first, second = digests(served), digests(fresh)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_preview_is_never_built_to_publish(checkout_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    env = {**os.environ, "KB_PREVIEW_LANGUAGE": "fi"}
    for command in (["mkdocs", "build", "--site-dir", str(site)], ["kb", "build", "--site-dir", str(site)]):
        run = subprocess.run([str(Path(sys.executable).parent / command[0]), *command[1:]],
                             cwd=checkout_copy, env=env, capture_output=True, text=True)
        assert run.returncode == 1, (command, run.stderr[-2000:])
        assert "Traceback" not in run.stderr
        assert "KB_PREVIEW_LANGUAGE=fi builds one language" in run.stderr, run.stderr[-2000:]
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"


def test_an_unknown_preview_language_is_a_clear_error(checkout_copy: Path) -> None:
    env = {**os.environ, "KB_PREVIEW_LANGUAGE": "de"}
    run = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build"], cwd=checkout_copy, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "Locale de is not present in languages" in run.stderr, run.stderr[-2000:]
