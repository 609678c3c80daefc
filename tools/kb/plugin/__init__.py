"""MkDocs integration: the plugin's event hooks (`events`), its typed options
(`config`), and the reuse of unchanged renders between `mkdocs serve` rebuilds
(`render_reuse`: the plugin instance owns the store, the wrappers go on
through kb.compat and find it through the MkDocs config they are given).

The entry point `kb.plugin:KnowledgeBasePlugin` is registered in pyproject.toml.
"""

from kb.plugin.events import KnowledgeBasePlugin

__all__ = ["KnowledgeBasePlugin"]
