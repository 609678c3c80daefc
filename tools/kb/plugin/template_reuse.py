"""Reuse a page's finished HTML between `mkdocs serve` rebuilds while its inputs are unchanged.

After the Markdown (render_reuse.py), the theme's templates wrap each page:
Material's base.html and its partials, navigation included. A save changes a
few pages, yet every page went through Jinja again: an eighth of a one-language
rebuild at 4x content. Jinja's documented `Environment.template_class` is set
in MkDocs' public `on_env` event to a template whose `render` looks the output
up by a digest of everything a template can read:

- every value in the context, the configuration included as it stands at this
  page (mkdocs-static-i18n rewrites `extra.alternate` for each page); the
  build's own objects (navigation, page list, settings) once per language build;
- for the page itself: its address, title, HTML, table of contents, front
  matter and neighbours; for every other page: address and title (the
  navigation);
- the theme's template sources: the overrides folder (read once per language
  build), and Material's and MkDocs' versions for their own.

`build_date_utc` is left out: it changes with every build, and no template of
the theme reads it (tests/test_render_reuse.py checks). A value whose only
description is its address (an object without a repr of its own) gives a key
that never matches again: the page is rendered, never served stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from kb.plugin.render_reuse import store_of

# Context values that change every build and that no template of the theme reads.
UNREAD_CONTEXT = frozenset({"build_date_utc"})
# Context values MkDocs makes anew for each page (the rest are the build's own objects).
PER_PAGE_CONTEXT = frozenset({"base_url", "extra_css", "extra_javascript"})


class ReusingTemplate(jinja2.Template):
    """A template that, for a page while serving, reuses the output of identical inputs."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        variables = dict(*args, **kwargs)
        config, page = variables.get("config"), variables.get("page")
        store = store_of(config) if isinstance(config, Mapping) and "plugins" in config else None
        if store is None or not isinstance(page, Page):
            return super().render(variables)
        key = page_render_key(self.name, variables, _language_build(self.environment))
        return store.render_template(lambda: super(ReusingTemplate, self).render(variables), key)


class _LanguageBuild:
    """Descriptions that hold for all pages of one language build (one Jinja environment).

    While a build renders its pages, only the configuration's `extra` changes
    (mkdocs-static-i18n's language links); the rest of the configuration, the
    navigation and the page list are described once. mkdocs-static-i18n builds
    the next language with the same config object, changed, in a new environment.
    """

    def __init__(self) -> None:
        self.described: dict[int, tuple[Any, Any]] = {}  # id → (the object, kept alive; its description)
        self.config: tuple[Any, Any] | None = None
        self.theme: tuple[Any, ...] | None = None

    def theme_sources(self, theme: Any) -> tuple[Any, ...]:
        """The theme's template sources, read once per build."""
        if self.theme is None:
            self.theme = _theme_sources(theme)
        return self.theme

    def describe(self, value: Any) -> str:
        """A digest of the value's description (the navigation's is long; pages share it)."""
        known = self.described.get(id(value))
        if known is None:
            known = self.described[id(value)] = (value, _digest(_describe(value)))
        return known[1]

    def describe_config(self, config: Mapping[str, Any]) -> str:
        """A digest of the configuration but its `extra`, described once per build."""
        if self.config is None or self.config[0] is not config:
            self.config = (config, _digest(_describe({key: value for key, value in config.items() if key != "extra"})))
        return self.config[1]


_builds: list[Any] = [None, None]  # the environment last seen, and its _LanguageBuild


def _language_build(environment: jinja2.Environment) -> _LanguageBuild:
    if _builds[0] is not environment:
        _builds[:] = [environment, _LanguageBuild()]
    return _builds[1]


def page_render_key(template_name: str | None, variables: Mapping[str, Any], build: _LanguageBuild) -> str:
    config = variables["config"]
    described: list[tuple[Any, ...]] = []
    for name, value in sorted(variables.items()):
        if name in UNREAD_CONTEXT:
            continue
        if name == "page":
            described.append((name, _page(value)))
        elif name == "config":
            described.append((name, build.describe_config(config), _describe(config.get("extra"))))
        elif value is None or isinstance(value, (str, int, float, bool)):
            described.append((name, value))
        elif name in PER_PAGE_CONTEXT:
            described.append((name, _describe(value)))
        else:
            described.append((name, build.describe(value)))
    return _digest((template_name, build.theme_sources(config["theme"]), described))


def _digest(description: Any) -> str:
    return hashlib.sha256(repr(description).encode("utf-8", "surrogatepass")).hexdigest()


def _text_digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _describe(value: Any) -> Any:
    """A plain-data description of a context value: equal descriptions render alike."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Page):
        return ("page", value.file.src_uri, value.url, value.title)  # another page, as the navigation shows it
    if isinstance(value, File):
        return ("file", value.src_uri, value.url)
    if isinstance(value, StructureItem):  # a navigation section or link
        return (type(value).__name__, value.title, getattr(value, "url", None),
                _describe(getattr(value, "children", None)))
    if isinstance(value, BasePlugin):
        return ("plugin", type(value).__qualname__, _describe(value.config))
    if isinstance(value, (AnchorLink, TableOfContents)):
        return _toc(value)
    if isinstance(value, Mapping):
        return tuple((str(key), _describe(item)) for key, item in sorted(value.items(), key=lambda kv: str(kv[0])))
    if isinstance(value, Navigation):
        return ("navigation", _describe(value.items))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return tuple(_describe(item) for item in items)
    if callable(value) and hasattr(value, "__qualname__"):
        return ("callable", getattr(value, "__module__", ""), value.__qualname__)
    return repr(value)


def _page(page: Page) -> tuple[Any, ...]:
    neighbours = tuple(None if other is None else (other.url, other.title)
                       for other in (page.previous_page, page.next_page))
    return ("this page", page.file.src_uri, page.file.dest_uri, page.url, page.canonical_url, page.edit_url,
            page.title, _text_digest(page.content), _toc(page.toc), _describe(page.meta), page.is_homepage, neighbours,
            tuple(ancestor.title for ancestor in page.ancestors))


def _toc(toc: Any) -> tuple[Any, ...]:
    if isinstance(toc, AnchorLink):
        return (toc.title, toc.id, toc.level, tuple(_toc(child) for child in toc.children))
    return tuple(_toc(item) for item in toc)


# Packaged templates change only with an upgrade, which needs a new process anyway.
PACKAGED_THEMES = (version("mkdocs"), version("mkdocs-material"))


def _theme_sources(theme: Any) -> tuple[Any, ...]:
    """The templates' sources: the overrides folder's files, and the packaged themes."""
    custom = getattr(theme, "custom_dir", None)
    overrides = []
    if custom and Path(custom).is_dir():
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                overrides.append((path.relative_to(custom).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()))
    return (PACKAGED_THEMES, tuple(overrides))
