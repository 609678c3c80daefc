"""Compile each theme template once per process instead of once per language build.

mkdocs-static-i18n runs one nested MkDocs build per language, and every build
makes a fresh Jinja environment, so Material's ~40 templates were compiled four
times per build, and four times again on every `mkdocs serve` rebuild. Jinja's
bytecode cache hook lets compiled templates outlive their environment.
"""

from __future__ import annotations

from typing import Any

import jinja2


class SharedTemplateCache(jinja2.BytecodeCache):
    """In-memory bytecode, reused while the template source is unchanged.

    Jinja itself checks the source checksum stored in each bucket, so an edited
    override template is recompiled. The key also holds the environment's
    extensions and syntax settings, because the same source compiles
    differently under a different configuration.
    """

    def __init__(self) -> None:
        self._code: dict[Any, bytes] = {}  # keyed on (template, environment settings)

    @staticmethod
    def _environment_key(environment: jinja2.Environment) -> tuple:
        return (
            tuple(sorted(environment.extensions)),
            environment.block_start_string, environment.variable_start_string,
            environment.comment_start_string, environment.trim_blocks, environment.lstrip_blocks,
            environment.autoescape if isinstance(environment.autoescape, bool) else id(environment.autoescape),
        )

    def get_bucket(self, environment, name, filename, source):  # type: ignore[no-untyped-def]
        key = (self.get_cache_key(name, filename), self._environment_key(environment))
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))  # type: ignore[arg-type]
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SHARED_TEMPLATE_CACHE = SharedTemplateCache()
