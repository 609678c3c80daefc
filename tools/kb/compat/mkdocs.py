"""MkDocs internals used by kb. Verified against mkdocs 1.6.1 (and its watchdog, 7.1.0).

- `Page.render` is wrapped during `mkdocs serve` so an unchanged page reuses
  its HTML (plugin/render_reuse.py: a serve rebuild after a glossary edit
  took 2.4 s of CPU instead of 4.2 s). MkDocs has no event to skip a page's
  Markdown conversion, and `mkdocs serve --dirty` rebuilds only changed files,
  which is wrong here: a glossary edit changes tooltips on every page.
- `Page._title_from_render` is the title found while rendering; a reused
  render must restore it with the HTML.
- `LiveReloadServer.observer` polls the watched files every 0.5 s (MkDocs has
  no option for it), a quarter of a second per save on average.
  `use_native_file_events` gives it watchdog's native observer (inotify on
  Linux) instead, moving what is watched so far (`_watched_paths`,
  `_watch_refs`). That observer also reports files being opened and closed
  unwritten, which MkDocs would take for a change: the build reads every
  watched file, so it would rebuild forever. Only changes are passed on.
- `LiveReloadServer.build_delay`: after a change, MkDocs waits until no other
  change came for 0.1 s before it builds. An editor's save reaches the native
  observer as events within a millisecond of each other, so it waits 0.05 s
  instead: half a tenth of a second sooner on screen for every save.
"""

from __future__ import annotations

from typing import Any, Callable

from watchdog import events
from watchdog.observers import Observer

from kb.compat import optional, wrap_once

VERIFIED = {"mkdocs": "1.6.1", "watchdog": "7.1.0"}
# Seconds without another change before a rebuild starts, with native file events.
NATIVE_EVENTS_QUIET = 0.05

# Qualified name → signature, as inspect.signature prints it for the verified version.
SIGNATURES = {
    "mkdocs.structure.pages:Page.render": "(self, config: 'MkDocsConfig', files: 'Files') -> 'None'",
    "mkdocs.livereload:LiveReloadServer.watch": "(self, path: 'str', func: 'None' = None, *, recursive: 'bool' = True) -> 'None'",
    "watchdog.observers.api:BaseObserver.schedule":
        "(self, event_handler: 'FileSystemEventHandler', path: 'str | Path', *, recursive: 'bool' = False, "
        "event_filter: 'list[type[FileSystemEvent]] | None' = None, follow_symlink: 'bool' = False) -> 'ObservedWatch'",
}
# What a save can look like: written in place, or written aside and moved over.
CHANGE_EVENTS: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileModifiedEvent, events.FileMovedEvent, events.FileDeletedEvent,
    events.FileClosedEvent]


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """Watchdog's native observer, reporting only changes (not files opened or read)."""

    def schedule(self, event_handler: Any, path: str, *, recursive: bool = False,
                 event_filter: Any = None, **options: Any) -> Any:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGE_EVENTS, **options)


def use_native_file_events(server: Any) -> bool:
    """Hear saves from the operating system instead of polling (call before the server starts).

    Returns False, and leaves MkDocs' polling as it was, when the system refuses
    native watches: Linux limits inotify instances per user (128 by default),
    and editors and IDEs often use them up."""
    watched = {path: (server._watch_refs[path].is_recursive, count) for path, count in server._watched_paths.items()}
    if not _native_watches_work({path: recursive for path, (recursive, _) in watched.items()}):
        return False
    try:
        native = _ChangesObserver()
    except OSError:  # the limit was reached since the probe
        return False
    for ref in server._watch_refs.values():
        server.observer.unschedule(ref)
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = native
    for path, (recursive, count) in watched.items():
        for _ in range(count):
            server.watch(path, recursive=recursive)
    server.build_delay = min(server.build_delay, NATIVE_EVENTS_QUIET)
    return True


def wrap_page_render(wrap: Callable[[Callable[..., None]], Callable[..., None]]) -> None:
    wrap_once(optional("mkdocs.structure.pages", "Page"), "render", wrap)


def render_title(page: Any) -> str | None:
    title: str | None = page._title_from_render
    return title


def restore_render_title(page: Any, title: str | None) -> None:
    page._title_from_render = title


def _native_watches_work(paths: dict[str, bool]) -> bool:
    """Start a native observer on `paths` (path -> recursive) and stop it again: does the system allow it?"""
    try:
        probe = _ChangesObserver()  # may already need an inotify instance
    except OSError:
        return False
    try:
        for path, recursive in paths.items():
            probe.schedule(events.FileSystemEventHandler(), path, recursive=recursive)
        probe.start()
        return True
    except OSError:
        return False
    finally:
        probe.stop()  # also stops the watches that did start
        if probe.is_alive():
            probe.join()
