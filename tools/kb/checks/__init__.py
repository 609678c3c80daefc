"""Checks across content files: references, citations, translation status, quiz modules, and the source defects no page may contain."""
