"""How many processes `kb build` and `kb check` split their work over."""

from __future__ import annotations

import os

# Past two processes, the machines this runs on (2-core CI runners and office
# PCs) only queue the work, and each process costs memory and start-up time.
MAX_DEFAULT_JOBS = 2


def default_jobs() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAX_DEFAULT_JOBS, cores))
