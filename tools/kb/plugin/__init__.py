"""MkDocs integration: the plugin's event hooks (`events`), its typed options
(`config`), and the reuse of unchanged renders between `mkdocs serve` rebuilds
(`render_reuse`, through kb.compat).

The entry point `kb.plugin:KnowledgeBasePlugin` is registered in pyproject.toml.
"""

from kb.plugin.events import KnowledgeBasePlugin

__all__ = ["KnowledgeBasePlugin"]
