"""mkdocs-quiz warns "Built-in translation for 'lt' not found" before it reads our
catalogue; the kb plugin mutes that warning for the languages mkdocs.yml gives a
catalogue for, and only those, for whichever configuration was loaded last."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config


def warned(message: str) -> bool:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_quiz")
    record = logger.makeRecord(logger.name, logging.WARNING, __file__, 1, message, None, None)
    return all(f.filter(record) for f in logger.filters)


def configure(root: Path, catalogues: str) -> None:
    """Load a configuration whose mkdocs-quiz catalogues are `catalogues` (next to the copy's mkdocs.yml)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("      custom_translations:\n")
    text = text[:start] + catalogues + text[start:].split("\n", 5)[-1]
    (root / "mkdocs-quiz-catalogues.yml").write_text(text, encoding="utf-8")
    config = load_config(str(root / "mkdocs-quiz-catalogues.yml"))
    config.plugins["kb"]._mute_quiz_fallback_warning(config)


def test_only_the_languages_with_a_catalogue_are_muted(root: Path) -> None:
    configure(root, "      custom_translations:\n        lt: locales/mkdocs-quiz/lt.po\n")
    assert not warned("Built-in translation for 'lt' not found. Available languages: en, fr, pt-BR.")
    assert warned("Built-in translation for 'fi' not found. Available languages: en, fr, pt-BR.")
    configure(root, "      custom_translations:\n        fi: locales/mkdocs-quiz/fi.po\n")
    assert warned("Built-in translation for 'lt' not found. Available languages: en, fr, pt-BR.")
    assert not warned("Built-in translation for 'fi' not found. Available languages: en, fr, pt-BR.")
    assert warned("Custom translation file not found: x.po")
