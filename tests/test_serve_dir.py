"""`make serve` has MkDocs write its site in memory when there is room, else where it always did."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kb.build.serve_dir import serve_temp_dir

ROOT = Path(__file__).resolve().parent.parent


def test_a_writable_folder_with_room_is_used(tmp_path):
    assert serve_temp_dir(tmp_path, min_free=0) == str(tmp_path)


def test_too_little_room_falls_back_to_the_usual_temporary_folder(tmp_path):
    # A container's 64 MB /dev/shm must not fill up: the site goes to disk instead.
    assert serve_temp_dir(tmp_path, min_free=2**62) == tempfile.gettempdir()


def test_a_missing_or_read_only_folder_falls_back(tmp_path):
    assert serve_temp_dir(tmp_path / "missing", min_free=0) == tempfile.gettempdir()
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # root writes anywhere: a file stands in for an unusable folder
        locked = tmp_path / "a-file"
        locked.write_text("", encoding="utf-8")
    assert serve_temp_dir(locked, min_free=0) == tempfile.gettempdir()


def test_make_serve_starts_mkdocs_with_the_chosen_folder():
    printed = subprocess.run([sys.executable, "-m", "kb.build.serve_dir"], capture_output=True, text=True, check=True)
    assert printed.stdout.strip() == serve_temp_dir()
    recipe = subprocess.run(["make", "-n", "-C", str(ROOT), "serve"], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if not k.startswith("MAKE")})
    assert recipe.returncode == 0, recipe.stderr
    assert 'TMPDIR="$(.venv/bin/python -m kb.build.serve_dir)"' in recipe.stdout


@pytest.mark.build
def test_a_server_stopped_with_sigterm_leaves_no_site_behind(tmp_path):
    # In /dev/shm a left-over site holds memory until the next reboot.
    from conftest import copy_project
    from test_serve_file_events import start_serve, wait_for

    project = copy_project(tmp_path / "project")
    temp = tmp_path / "temp"
    temp.mkdir()
    log = tmp_path / "serve.log"
    server = start_serve(project, log, KB_PREVIEW_LANGUAGE="fi", TMPDIR=str(temp))
    try:
        assert wait_for(log, r"Serving on", 1, timeout=120), log.read_text(encoding="utf-8")
        assert [p.name for p in temp.iterdir() if p.name.startswith("mkdocs_")] != []
    finally:
        server.terminate()  # SIGTERM, as an editor or a process manager stops it
        server.wait(timeout=30)
    assert list(temp.iterdir()) == [], log.read_text(encoding="utf-8")[-2000:]
