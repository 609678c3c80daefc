"""Compile each theme template once per process instead of once per language build.

MkDocs gives every build a new Jinja environment, and mkdocs-static-i18n runs
one build per language, so each template (Material's base.html and its ~40
partials) was parsed and compiled four times per build, and four times again
on every `mkdocs serve` rebuild: about a quarter of a serve rebuild's time.

Jinja's documented bytecode cache fixes that: the plugin sets one on each new
environment in MkDocs' `on_env` event, and keeps the compiled code in memory
for the life of the plugin. Jinja checks each template's source checksum
before using its cached code, so an edited template (`mkdocs serve
--watch-theme`, overrides/) is compiled again.
"""

from __future__ import annotations

import jinja2


class InMemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self.compiled = 0  # templates compiled (not found in the cache): for tests and curiosity

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # rejects code for another source checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled += 1
        self._code[bucket.key] = bucket.bytecode_to_string()

    def __len__(self) -> int:
        return len(self._code)
