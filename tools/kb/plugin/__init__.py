"""MkDocs integration: the plugin's event hooks (`events`) and the caches that make repeated builds in `mkdocs serve` cheap.

The entry point `kb.plugin:KnowledgeBasePlugin` is registered in pyproject.toml.
"""

from kb.plugin.events import KnowledgeBasePlugin

__all__ = ["KnowledgeBasePlugin"]
