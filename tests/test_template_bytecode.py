"""Theme templates are compiled once for the four language builds, and the site is the same without it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import copy_project
from kb.build.sitebuild import build_site
from test_determinism import digests

pytestmark = pytest.mark.build

# Two builds in one process, as `mkdocs serve` runs them; prints the cache's figures after each.
TWO_BUILDS = r"""
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="serve", dirty=False)
figures = []
for _ in range(2):
    build(config)
    cache = config.plugins["kb"].template_bytecode
    figures.append({"compiled": cache.compiled, "cached": len(cache)})
    config = load_config("mkdocs.yml", site_dir=sys.argv[1])
print(json.dumps(figures))
"""


def test_each_template_is_compiled_once_per_process(tmp_path):
    project = copy_project(tmp_path / "project")
    run = subprocess.run([sys.executable, "-c", TWO_BUILDS, str(tmp_path / "site")], cwd=project,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    first, second = json.loads(run.stdout.strip().splitlines()[-1])
    # Four language builds and a 404 page each: without the cache every template would be compiled four times.
    assert first["cached"] > 10 and first["compiled"] == first["cached"]
    # The rebuild compiles nothing: the templates did not change.
    assert second == first


def test_the_site_is_the_same_without_the_shared_templates(tmp_path):
    project = copy_project(tmp_path / "project")
    assert build_site(project, tmp_path / "with") == 0
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - kb\n" in text
    config.write_text(text.replace("\n  - kb\n", "\n  - kb:\n      compile_templates_once: false\n", 1), encoding="utf-8")
    assert build_site(project, tmp_path / "without") == 0
    with_cache, without = digests(tmp_path / "with"), digests(tmp_path / "without")
    assert with_cache.keys() == without.keys()
    assert [name for name in with_cache if with_cache[name] != without[name]] == []
