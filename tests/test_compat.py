"""Every private function kb wraps still has the signature it was verified with.

A release of MkDocs or mkdocs-quiz that changes one fails here (and the
installed versions are pinned in requirements.lock), instead of changing the
build silently. After checking the new version, update the module's
SIGNATURES and VERIFIED.
"""

from __future__ import annotations

import importlib
import inspect
from importlib import metadata
from pathlib import Path

import pytest

from kb.compat import material as compat_material
from kb.compat import mkdocs as compat_mkdocs
from kb.compat import mkdocs_quiz as compat_mkdocs_quiz
from kb.compat import mkdocs_static_i18n as compat_i18n

MODULES = (compat_mkdocs, compat_mkdocs_quiz, compat_material, compat_i18n)
ROOT = Path(__file__).resolve().parent.parent


def resolve(qualified: str) -> object:
    module, _, attribute = qualified.partition(":")
    target: object = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


@pytest.mark.parametrize("qualified, recorded",
                         [item for module in MODULES for item in getattr(module, "SIGNATURES", {}).items()])
def test_wrapped_signature_is_the_verified_one(qualified: str, recorded: str) -> None:
    # A wrapper installed by an earlier test keeps the library's own function as __wrapped__.
    original = inspect.unwrap(resolve(qualified))  # type: ignore[arg-type]
    assert str(inspect.signature(original)) == recorded, f"{qualified} changed: check kb.compat, then update SIGNATURES"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_installed_versions_are_the_verified_ones(module) -> None:  # type: ignore[no-untyped-def]
    for distribution, version in module.VERIFIED.items():
        assert metadata.version(distribution) == version, f"{distribution} is not the version {module.__name__} was verified with"


def _package_dir(name: str) -> Path:
    return Path(importlib.import_module(name).__file__).parent  # type: ignore[arg-type]


@pytest.mark.parametrize("template, marker", [(t, m) for t, ms in compat_material.TEMPLATE_MARKERS.items() for m in ms])
def test_material_templates_still_write_what_kb_rewrites(template: str, marker: str) -> None:
    text = (_package_dir("material") / "templates" / template).read_text(encoding="utf-8")
    assert marker in text, f"material/templates/{template} changed: check kb.compat.material"


def test_search_partial_override_is_the_theme_partial_with_one_change() -> None:
    theme = (_package_dir("material") / "templates/partials/search.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    before, after = compat_material.SEARCH_PARTIAL_CHANGE
    body = lambda text: text.split("-#}", 1)[1]  # noqa: E731 (the leading comment differs by design)
    assert body(theme).count(before) == 1
    assert body(ours) == body(theme).replace(before, after), "re-copy the theme's partial, then apply the one change"


@pytest.mark.parametrize("module, marker", [(m, x) for m, xs in compat_i18n.SOURCE_MARKERS.items() for x in xs])
def test_static_i18n_still_sets_language_links_as_an_attribute(module: str, marker: str) -> None:
    source = (_package_dir("mkdocs_static_i18n") / f"{module}.py").read_text(encoding="utf-8")
    assert marker in source, f"mkdocs_static_i18n/{module}.py changed: check kb.compat.mkdocs_static_i18n"


def test_material_rewrites_apply_to_the_markup_they_were_written_for() -> None:
    page = ('<link rel="alternate" href="../it/" hreflang="it">'
            '<link rel="alternate" type="application/rss+xml" title="x" href="feed.xml">'
            '<script>{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    out = compat_material.use_search_worker(compat_material.drop_language_alternates(page), "assets/kb/search-lt.js")
    assert 'hreflang="it"' not in out and "application/rss+xml" in out
    assert '"search": "../assets/kb/search-lt.js"' in out


def test_mkdocs_still_waits_for_build_delay_before_a_rebuild() -> None:
    # kb.compat.mkdocs shortens `build_delay` for native file events; if MkDocs stopped
    # reading it, setting it would change nothing and the figures would silently regress.
    from mkdocs.livereload import LiveReloadServer

    assert "timeout=self.build_delay" in inspect.getsource(LiveReloadServer._build_loop)
