"""Work the build does not repeat: the serve watcher skips generated pages, the quiz sidebar stays short."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.livereload import LiveReloadServer

from kb.render.generate import GENERATED_DIRS, SIDEBAR_MODULE_LIMIT
from kb.plugin.events import _watch_docs_without_generated_pages, expand_nav


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
