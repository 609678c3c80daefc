"""Markdown produced from the content model: notes on article pages, generated pages."""
