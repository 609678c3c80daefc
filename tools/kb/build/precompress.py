"""Pre-compressed copies (.gz and .br) of the built site's text assets.

Static hosts can serve these directly (nginx `gzip_static`/`brotli_static`,
Caddy `precompressed`), so a phone on a slow link gets Brotli without the
server compressing on every request. The copies are
deterministic: gzip without a timestamp or file name, Brotli at a fixed
quality, files visited in sorted order.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

# The text assets of a built site (pages, styles, scripts, search index, sitemap, icons).
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})
# Below this, the compressed copy saves less than a network packet's overhead.
MIN_SIZE = 256


def gzip_bytes(data: bytes) -> bytes:
    # mtime=0 and no file name in the header: same input, same bytes.
    return gzip.compress(data, compresslevel=9, mtime=0)


# Brotli's best quality (11) only for the assets every page loads (theme bundle and
# styles, kb.js, the search index): 14 files, 1.2 s per build. The rest, mostly the
# pages and the theme's unused search-language files, take quality 5: on the real
# site quality 11 for all 191 files cost 7.2 s per build for 1,362 KB against 0.1 s
# for 1,522 KB, time every author's build and every test build would pay.
BEST_QUALITY, QUICK_QUALITY = 11, 5


def brotli_quality(relative: str) -> int:
    """The quality for a file of the site (path relative to the site, with /)."""
    shared = relative.startswith("assets/") and not relative.startswith("assets/javascripts/lunr/")
    return BEST_QUALITY if shared else QUICK_QUALITY


def brotli_bytes(data: bytes, quality: int = BEST_QUALITY) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)


def precompress_site(site: Path) -> int:
    """Write `<file>.gz` and `<file>.br` beside each text asset where they are smaller; return how many."""
    written = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        quality = brotli_quality(path.relative_to(site).as_posix())
        for suffix, packed in ((".gz", gzip_bytes(data)), (".br", brotli_bytes(data, quality))):
            copy = path.with_name(path.name + suffix)
            # A copy no smaller than the original would only cost the host a lookup.
            if len(packed) < len(data):
                copy.write_bytes(packed)
                written += 1
    return written
