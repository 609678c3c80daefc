"""`mkdocs serve` hears a save from the operating system, once, and no read as a save.

The kb plugin gives MkDocs' live-reload server watchdog's native observer
(kb.compat.mkdocs.use_native_file_events) instead of its 0.5 s polling. That
observer also reports files being opened and closed unwritten; every build
reads the watched content, so passing those on would rebuild forever.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from conftest import copy_project
from kb.compat.mkdocs import NATIVE_EVENTS_QUIET, use_native_file_events

pytestmark = pytest.mark.build


def test_watched_paths_move_to_the_native_observer_as_they_were(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "docs").mkdir()
    server.watch(str(tmp_path / "docs"), recursive=False)
    server.watch(str(tmp_path / "docs"), recursive=False)  # watched twice: unwatched once, still watched
    server.watch(str(tmp_path))
    polling = server.observer
    use_native_file_events(server)
    assert server.observer is not polling and "Polling" not in type(server.observer).__name__
    assert server._watched_paths == {str(tmp_path / "docs"): 2, str(tmp_path): 1}
    assert not server._watch_refs[str(tmp_path / "docs")].is_recursive
    assert server._watch_refs[str(tmp_path)].is_recursive
    assert polling.emitters == set()  # nothing is left on the polling observer
    assert server.build_delay == NATIVE_EVENTS_QUIET < 0.1  # MkDocs' own quiet period before a build


def test_polling_stays_when_the_system_refuses_native_watches(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    polling = server.observer
    libc = ctypes.CDLL(None, use_errno=True)
    held: list[int] = []
    try:
        # Use up this user's inotify instances (Linux allows 128 by default), as busy editors do.
        while len(held) < 100_000 and (fd := libc.inotify_init1(0)) >= 0:
            held.append(fd)
        assert ctypes.get_errno() in (errno.EMFILE, errno.ENFILE)
        assert use_native_file_events(server) is False
    finally:
        for fd in held:
            os.close(fd)
    assert server.observer is polling
    assert server.build_delay == 0.1  # polling: MkDocs' own quiet period stays
    assert server._watched_paths == {str(tmp_path): 1} and str(tmp_path) in server._watch_refs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(log: Path, pattern: str, count: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(re.findall(pattern, log.read_text(encoding="utf-8", errors="replace"))) >= count:
            return True
        time.sleep(0.05)
    return False


def start_serve(project: Path, log: Path, **env: str) -> subprocess.Popen[bytes]:
    """`mkdocs serve` of `project` on a free port, its output in `log`, with `env` added to the environment."""
    with log.open("w", encoding="utf-8") as out:
        return subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "--livereload",
                                 "--dev-addr", f"127.0.0.1:{free_port()}"],
                                cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                                stdout=out, stderr=subprocess.STDOUT)


def test_one_save_is_one_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    server = start_serve(project, log, KB_PREVIEW_LANGUAGE="lt")  # one language: quicker
    try:
        assert wait_for(log, r"Serving on", 1, timeout=120), log.read_text(encoding="utf-8")
        time.sleep(2)  # the start-up build has read every watched file
        assert "Detected file changes" not in log.read_text(encoding="utf-8")
        term = project / "glossary" / "coupon.yml"
        term.write_text(term.read_text(encoding="utf-8").replace("  lt: Talonas", "  lt: Naujas talonas", 1),
                        encoding="utf-8")
        assert wait_for(log, r"Reloading browsers|Documentation built", 2, timeout=30), log.read_text(encoding="utf-8")
        time.sleep(3)  # a rebuild that set off another one would show by now
        text = log.read_text(encoding="utf-8")
        assert text.count("Detected file changes") == 1, text[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
