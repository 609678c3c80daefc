"""Where `mkdocs serve` writes its site: in memory when the system has room.

`mkdocs serve` builds into a new temporary folder (Python's `tempfile`, so the
TMPDIR variable decides where) and, on every save, empties it and writes every
page and asset again. On a disk that is a few thousand file writes per save;
`/dev/shm`, the memory file system every Linux system has, takes them without
touching the disk. `make serve` and the serve benchmarks start MkDocs with TMPDIR
set to what `serve_temp_dir()` returns (`python -m kb.build.serve_dir` prints it).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

MEMORY_DIR = Path("/dev/shm")
# The served site is about 15 MB at today's content and 30 MB at 4x. Containers
# often get a small /dev/shm (Docker's default is 64 MB): below this, use the disk.
MIN_FREE_BYTES = 256 * 2**20


def serve_temp_dir(memory_dir: Path = MEMORY_DIR, min_free: int = MIN_FREE_BYTES) -> str:
    """`memory_dir` if it is a folder this user can write with `min_free` bytes free, else the usual temp folder."""
    try:
        usable = (memory_dir.is_dir() and os.access(memory_dir, os.W_OK | os.X_OK)
                  and shutil.disk_usage(memory_dir).free >= min_free)
    except OSError:
        usable = False
    return str(memory_dir) if usable else tempfile.gettempdir()


def stop_on_sigterm_as_on_ctrl_c() -> None:
    """Make SIGTERM (an editor or a script stopping the server) end `mkdocs serve` as Ctrl-C does.

    MkDocs removes its site folder when the server stops on KeyboardInterrupt;
    killed by SIGTERM's default action it leaves it, which in /dev/shm holds
    memory until the next reboot. Call from the main thread (the kb plugin's
    `on_startup`, for `serve` only)."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


if __name__ == "__main__":
    print(serve_temp_dir())
