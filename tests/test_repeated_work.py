"""Work the build no longer repeats: compiled templates, the serve watcher, the quiz sidebar."""

from __future__ import annotations

import shutil

import jinja2
import pytest
from mkdocs.livereload import LiveReloadServer

from kb.render.generate import GENERATED_DIRS, SIDEBAR_MODULE_LIMIT
from kb.plugin.events import _watch_docs_without_generated_pages, expand_nav
from kb.plugin.template_cache import SharedTemplateCache


def environment(cache: SharedTemplateCache, source: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}))
    env.bytecode_cache = cache
    return env


def test_templates_compile_once_across_environments_and_again_after_an_edit():
    cache = SharedTemplateCache()
    assert environment(cache, "Hello {{ name }}").get_template("page.html").render(name="Vilnius") == "Hello Vilnius"
    assert len(cache._code) == 1
    # A second language build: a new environment, the same compiled code.
    assert environment(cache, "Hello {{ name }}").get_template("page.html").render(name="Roma") == "Hello Roma"
    assert len(cache._code) == 1
    # An edited template is compiled again, not served stale.
    assert environment(cache, "Ciao {{ name }}").get_template("page.html").render(name="Roma") == "Ciao Roma"


def test_templates_compile_separately_under_other_environment_settings():
    cache = SharedTemplateCache()
    plain = environment(cache, "{% for x in items %}{{ x }}{% endfor %}")
    plain.get_template("page.html")
    looping = environment(cache, "{% for x in items %}{{ x }}{% endfor %}")
    looping.add_extension("jinja2.ext.loopcontrols")
    looping.get_template("page.html")
    assert len(cache._code) == 2


def test_serve_does_not_watch_generated_pages(root, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(root / "docs", docs)
    # A fresh checkout has no generated folders until a build writes them: make them
    # exist, or the assertions below would pass whatever the watcher does.
    for lang in ("lt", "it", "pl", "fi"):
        for folder in GENERATED_DIRS:
            (docs / lang / folder).mkdir(exist_ok=True)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(docs))  # what `mkdocs serve` does before the plugins' on_serve
        _watch_docs_without_generated_pages(server, docs)
        watched = set(server._watched_paths)
        assert str(docs) in watched  # non-recursive now: new top-level files are still seen
        for lang in ("lt", "it", "pl", "fi"):
            assert str(docs / lang / "articles") in watched
            for folder in GENERATED_DIRS:
                assert str(docs / lang / folder) not in watched
        assert server._watch_refs[str(docs)].is_recursive is False
    finally:
        server.server_close()
        server.observer.stop()


def test_quiz_modules_leave_the_sidebar_above_the_limit(project, monkeypatch):
    nav = [{"Quizzes": "quizzes/index.md"}, "glossary/index.md"]
    listed = expand_nav(nav, project)
    assert len(listed[0]["Quizzes"]) == len(project.quizzes) <= SIDEBAR_MODULE_LIMIT
    monkeypatch.setattr("kb.render.generate.SIDEBAR_MODULE_LIMIT", len(project.quizzes) - 1)
    assert expand_nav(nav, project) == ["glossary/index.md"]


@pytest.fixture
def project(root):
    from kb.content.project import load_project

    return load_project(root)
