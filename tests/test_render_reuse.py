"""`mkdocs serve` reuses unchanged pages' HTML, and its site equals a fresh build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from kb.build.precompress import precompress_site
from kb.build.sitebuild import build_site
from test_determinism import digests

pytestmark = pytest.mark.build
ROOT = Path(__file__).resolve().parent.parent

# What `mkdocs serve` does: one process, plugins started with command="serve",
# a fresh config per rebuild, an edit between rebuilds.
SERVE_LIKE_REBUILDS = r"""
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.WARNING)  # a failed build says why on stderr
site, edits = sys.argv[1], json.loads(sys.argv[2])
config = load_config("mkdocs.yml", site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
for path, (old, new) in edits.items():
    text = Path(path).read_text(encoding="utf-8")
    assert old in text, path
    Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")
build(load_config("mkdocs.yml", site_dir=site))
# MkDocs keeps the plugin instance across rebuilds (it defines on_startup), and the plugin keeps the store.
print(json.dumps(dict(config.plugins["kb"].render_reuse.reused)))
"""


@pytest.fixture
def checkout_copy(tmp_path):
    """The whole project, to build (conftest's project_copy holds only the content)."""
    return copy_project(tmp_path / "project")


def test_serve_rebuild_after_edits_equals_a_fresh_build(checkout_copy, tmp_path):
    term = (checkout_copy / "glossary" / "coupon.yml").read_text(encoding="utf-8")
    definition = term.split("definition:\n  lt: ", 1)[1].split(" ", 1)[0]
    edits = {
        "glossary/coupon.yml": ["definition:\n  lt: " + definition, "definition:\n  lt: Redaguota " + definition],
        # A new form of a term: Polish pages whose HTML did not change get a tooltip and a search keyword.
        "glossary/refund.yml": ["  pl: [", "  pl: [dlatego, "],
        # A translation: editing an original would (rightly) fail the strict build as outdated translations.
        "docs/pl/articles/retention-programs.md": ["## ", "## Poprawione: "],
        # Titles: a playbook's, and the glossary's, which only the navigation shows on other pages.
        "playbooks/cancellation-call.yml": ['  fi: "Irtisanomispuhelu"', '  fi: "Irtisanomispuhelu asiakkaalta"'],
        "locales/ui/fi.yml": ['glossary: "Sanasto"', 'glossary: "Sanasto ja termit"'],
        # A line of mkdocs-quiz's catalogue.
        "locales/mkdocs-quiz/lt.po": ['msgstr "Testo eiga"', 'msgstr "Testo eiga dabar"'],
    }
    served = tmp_path / "served"
    run = subprocess.run([sys.executable, "-c", SERVE_LIKE_REBUILDS, str(served), json.dumps(edits)],
                         cwd=checkout_copy, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    reused = json.loads(run.stdout.strip().splitlines()[-1])
    # Most pages and quizzes did not change, so the second build reused them...
    assert reused.get("pages", 0) > 100 and reused.get("quizzes", 0) > 40
    assert reused.get("templates", 0) > 60 and reused.get("catalogues", 0) > 40
    assert reused.get("sanitized", 0) > 100
    fresh = tmp_path / "fresh"
    assert build_site(checkout_copy, fresh) == 0
    # `kb build` adds .gz/.br copies after MkDocs; `mkdocs serve` has no use for them.
    precompress_site(served)
    first, second = digests(served), digests(fresh)
    assert first.keys() == second.keys()
    # ...and what it served is byte for byte what a fresh build of the edited content gives.
    assert [name for name in first if first[name] != second[name]] == []
    assert "Redaguota" in (served / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Poprawione:" in (served / "pl" / "articles" / "retention-programs" / "index.html").read_text(encoding="utf-8")
    assert "Irtisanomispuhelu asiakkaalta" in (served / "fi" / "playbooks" / "index.html").read_text(encoding="utf-8")
    assert "Sanasto ja termit" in (served / "fi" / "articles" / "retention-programs" / "index.html").read_text(encoding="utf-8")
    assert 'data-term="refund">Dlatego</a>' in (served / "pl" / "articles" / "what-is-retention" / "index.html").read_text(encoding="utf-8")
    assert "Testo eiga dabar" in (served / "quizzes" / "retention-basics" / "index.html").read_text(encoding="utf-8")


def test_an_edited_theme_override_renders_every_page_again(checkout_copy, tmp_path):
    edits = {"overrides/main.html": ['{% extends "base.html" %}', '{% extends "base.html" %}\n{#- edited -#}'
                                     '{% block announce %}kbmark{% endblock %}']}
    served = tmp_path / "served"
    run = subprocess.run([sys.executable, "-c", SERVE_LIKE_REBUILDS, str(served), json.dumps(edits)],
                         cwd=checkout_copy, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    reused = json.loads(run.stdout.strip().splitlines()[-1])
    assert reused.get("templates", 0) == 0
    # The glossary did not change: tooltips and search keywords were reused.
    assert reused.get("tooltips", 0) > 20 and reused.get("keywords", 0) > 200
    assert "kbmark" in (served / "fi" / "glossary" / "index.html").read_text(encoding="utf-8")


def test_no_theme_template_reads_what_template_reuse_leaves_out():
    # plugin/template_reuse.py leaves these out of a page's key: no template may read them.
    from mkdocs.config import load_config

    from kb.plugin.template_reuse import UNREAD_CONTEXT
    theme_dirs = load_config(str(ROOT / "mkdocs.yml")).theme.dirs  # overrides/, Material's, MkDocs' shared ones
    templates = [path for folder in theme_dirs for path in Path(folder).rglob("*")
                 if path.suffix in (".html", ".xml", ".js") and ".icons" not in path.parts]
    assert len(templates) > 50
    for name in UNREAD_CONTEXT:
        assert [t for t in templates if name in t.read_text(encoding="utf-8")] == []


# Two serve-like rebuilds, not strict (as `mkdocs serve` is used while writing), of a page with a broken link.
WARNINGS_PER_REBUILD = r"""
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

class Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []
    def emit(self, record):
        self.messages.append(record.getMessage())

count = Count()
logging.getLogger("mkdocs").addHandler(count)
config = load_config("mkdocs.yml", site_dir=sys.argv[1], strict=False)
config.plugins.on_startup(command="serve", dirty=False)
seen = []
for _ in range(2):
    count.messages.clear()
    build(config if not seen else load_config("mkdocs.yml", site_dir=sys.argv[1], strict=False))
    seen.append([m for m in count.messages if "no-such-page.md" in m])
print(json.dumps({"warnings": seen, "reused": config.plugins["kb"].render_reuse.reused["pages"]}))
"""


def test_a_reused_page_still_reports_its_warnings(checkout_copy, tmp_path):
    article = checkout_copy / "docs" / "pl" / "articles" / "retention-programs.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n[Zobacz też](no-such-page.md)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", WARNINGS_PER_REBUILD, str(tmp_path / "served")],
                         cwd=checkout_copy, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["reused"] > 100
    first, second = result["warnings"]
    assert len(first) == 1 and second == first


# The wrappers stay on the classes for the whole process; a plain build in it must not reuse anything.
STORE_ONLY_WHILE_SERVING = r"""
import json
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from kb.plugin.render_reuse import RenderReuse, store_of

config = load_config("mkdocs.yml")
kb = config.plugins["kb"]
states = {}
for command in ("serve", "build"):
    config.plugins.on_startup(command=command, dirty=False)
    kb.on_config(config)
    store = store_of(config)
    states[command] = None if store is None else (type(store) is RenderReuse and store is kb.render_reuse)
states["wrapped"] = hasattr(Page.render, "__wrapped__")
print(json.dumps(states))
"""


def test_only_a_serving_kb_plugin_keeps_renders(checkout_copy):
    run = subprocess.run([sys.executable, "-c", STORE_ONLY_WHILE_SERVING], cwd=checkout_copy, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {"serve": True, "build": None, "wrapped": True}
