"""How often Python's cyclic garbage collector runs during `kb` work.

Loading content and rendering pages allocate millions of small objects
(positions, nodes, HTML fragments) that live until the command ends, and
almost none of them are in reference cycles. With Python's default
threshold, the collector runs after every 700 new objects and keeps
re-scanning them: about a tenth of a large build's time and a third of
`kb check`'s (bench/run.py). A higher first threshold keeps collection
(memory stays the same in the benchmark) but runs it far less often.
"""

from __future__ import annotations

import gc

# New objects between young-generation collections (Python's default: 700).
FIRST_THRESHOLD = 50_000


def collect_less_often() -> None:
    first, second, third = gc.get_threshold()
    if first < FIRST_THRESHOLD:
        gc.set_threshold(FIRST_THRESHOLD, second, third)
