"""Content model and loading.

YAML read with the position of every value, the typed (pydantic) model of
terms, playbooks, quiz modules and company values, article pages, interface
strings, the source articles, the JSON Schemas generated from the model, and
the fingerprint `mkdocs serve` watches. Loading never raises for a content
mistake: every problem becomes a located diagnostic on the `Project`.
"""
