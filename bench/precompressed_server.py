"""A local static server that serves the site as the README tells hosts to.

It picks the build's `.br` or `.gz` copy when the browser accepts it (like
nginx `brotli_static`/`gzip_static` or Caddy `precompressed br gzip`), lets
the theme's hashed files be cached for a year, and makes everything else
revalidate (`no-cache` with an ETag, answered by `304 Not Modified`). The
Lighthouse benchmark measures first and repeat visits through it.
"""

from __future__ import annotations

import hashlib
import http.server
import re
import threading
from pathlib import Path

TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8"}
# Material names its bundles main.<hash>.min.css and bundle.<hash>.min.js: a new version is a new address.
HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)$")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    # HTTP/1.1 as real hosts speak it: keep-alive, and Chrome revalidates
    # no-cache responses by their validators (with HTTP/1.0 it fetched them anew).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # noqa: D102
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")}
        chosen, encoding = path, None
        for name, suffix in ENCODINGS:
            copy = path.with_name(path.name + suffix)
            if name in accepted and copy.is_file():
                chosen, encoding = copy, name
                break
        body = chosen.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        cache = "public, max-age=31536000, immutable" if HASHED.search(path.name) else "no-cache"
        fresh = self.headers.get("If-None-Match") == etag
        self.send_response(304 if fresh else 200)
        self.send_header("Content-Type", TYPES.get(path.suffix) or self.guess_type(str(path)))
        self.send_header("Cache-Control", cache)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if fresh:
            self.end_headers()
            return None
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def start(site: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site` on a free local port; returns the server (shutdown() it) and its base URL."""
    handler = lambda *a, **k: PrecompressedHandler(*a, directory=site, **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
