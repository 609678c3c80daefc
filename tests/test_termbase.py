"""The termbase rule: an avoided variant is reported in any inflected form, at
its own line and column, with the preferred term; correct phrases that contain
an avoided word are left alone; the real content is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.checks.style import check_style
from kb.checks.termbase import check_terminology
from kb.checks.texts import all_prose
from kb.content.model import GlossaryTerm
from kb.content.style import StyleSheet

LANGS = ("lt", "it", "pl", "fi")

# (language, preferred term, avoided variant in its base form, a sentence using an inflected form of it)
CASES = [
    ("lt", "klientų išlaikymo skyrius", "atšaukimo skyrius", "Klientą sujunkite su atšaukimo skyriumi."),
    ("it", "disdetta", "annullamento", "Gli annullamenti vanno registrati subito."),
    ("pl", "skarga", "reklamacja", "Klient złożył wczoraj dwie reklamacje."),
    ("fi", "asiakkaiden säilyttämisosasto", "asiakaspysyvyysosasto", "Ohjaa puhelu asiakaspysyvyysosastolle heti."),
]
INFLECTED = {"lt": "atšaukimo skyriumi", "it": "annullamenti", "pl": "reklamacje", "fi": "asiakaspysyvyysosastolle"}


def term(preferred: dict[str, str], avoid: dict[str, list[dict[str, str]]], synonyms: dict[str, list[str]] | None = None) -> GlossaryTerm:
    texts = {lang: preferred.get(lang, "x") for lang in LANGS}
    return GlossaryTerm.model_validate({
        "id": "sample", "term": texts, "definition": texts,
        "synonyms": {lang: (synonyms or {}).get(lang, []) for lang in LANGS},
        "forms": {lang: [] for lang in LANGS}, "cite": "a#b", "avoid": avoid,
        "review": {"owner": "t", "last_reviewed": "2026-01-01", "interval_days": 365},
    })


def write_article(root: Path, lang: str, lines: list[str]) -> str:
    rel = f"docs/{lang}/articles/sample.md"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\narticle: sample\nsource: x.txt\n---\n\n# Title\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return rel


@pytest.mark.parametrize(("lang", "preferred", "variant", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_inflected_variant_is_reported_at_its_position(tmp_path, lang, preferred, variant, sentence):
    rel = write_article(tmp_path, lang, ["Pirmoji eilutė.", "  " + sentence])
    glossary = term({lang: preferred}, {lang: [{"term": variant, "reason": "machine-translation"}]})
    found = check_terminology(all_prose(tmp_path), [(glossary, "glossary/sample.yml")], LANGS)
    column = 3 + sentence.index(INFLECTED[lang])
    assert [d.format() for d in found] == [
        f"{rel}:9:{column}: error[avoided-term]: '{INFLECTED[lang]}' is an avoided variant of '{variant}' "
        f"(machine-translation): write '{preferred}' (termbase: glossary/sample.yml)"
    ]


def test_other_languages_are_not_checked_against_a_variant(tmp_path):
    write_article(tmp_path, "it", ["Klient złożył reklamację."])
    glossary = term({"pl": "skarga"}, {"pl": [{"term": "reklamacja", "reason": "different-concept"}]})
    assert check_terminology(all_prose(tmp_path), [(glossary, "glossary/sample.yml")], LANGS) == []


def test_a_correct_phrase_containing_an_avoided_word_is_not_reported(tmp_path):
    write_article(tmp_path, "fi", ["Asiakas haluaa irtisanoa sopimuksen, ei peruuttaa tilauksensa."])
    glossary = term({"fi": "irtisanoa sopimus"}, {"fi": [{"term": "peruuttaa", "reason": "different-concept"}]},
                    synonyms={"fi": ["peruuttaa tilauksen"]})
    assert check_terminology(all_prose(tmp_path), [(glossary, "glossary/sample.yml")], LANGS) == []


def test_variant_in_yaml_text_is_located_inside_the_value(tmp_path):
    rel = "quizzes/sample.yml"
    (tmp_path / "quizzes").mkdir()
    (tmp_path / rel).write_text("id: sample\ntitle:\n  pl: Jak przyjąć reklamację klienta\n", encoding="utf-8")
    glossary = term({"pl": "skarga"}, {"pl": [{"term": "reklamacja", "reason": "different-concept"}]})
    [found] = check_terminology(all_prose(tmp_path), [(glossary, "glossary/sample.yml")], LANGS)
    assert (found.path, found.line, found.col) == (rel, 3, 19)


def test_style_rule_is_reported_at_the_match(tmp_path):
    rel = write_article(tmp_path, "fi", ["Jopa 96% asiakkaista."])
    sheet = StyleSheet.model_validate({
        "address": "a", "numbers": "n", "quotation_marks": "q", "capitalisation": "c",
        "rules": [{"id": "percent-space", "pattern": r"\d%", "message": "space before %"}],
    })
    [found] = check_style(all_prose(tmp_path), {"fi": (sheet, "locales/style/fi.yml")})
    assert found.format() == f"{rel}:8:7: error[style]: space before % ('6%'; rule percent-space in locales/style/fi.yml)"


def test_invalid_style_pattern_is_a_located_error(tmp_path):
    from kb.content.style import load_style_sheets
    (tmp_path / "locales/style").mkdir(parents=True)
    for lang in LANGS:
        (tmp_path / f"locales/style/{lang}.yml").write_text(
            "address: a\nnumbers: n\nquotation_marks: q\ncapitalisation: c\nrules:\n"
            "  - id: broken\n    pattern: '(unclosed'\n    message: m\n", encoding="utf-8")
    _, problems = load_style_sheets(tmp_path)
    assert len(problems) == 4
    assert all(p.line == 7 and p.severity.value == "error" for p in problems)


def test_real_content_follows_the_termbase_and_style_sheets(root):
    from kb.content.project import load_project
    project = load_project(root)
    offending = [d.format() for d in project.diagnostics if d.code in {"avoided-term", "style"}]
    assert offending == []


def test_style_sheet_that_is_a_folder_is_refused_like_any_content_file(tmp_path):
    from kb.content.style import load_style_sheets
    (tmp_path / "locales/style/lt.yml").mkdir(parents=True)
    _, problems = load_style_sheets(tmp_path)
    assert "locales/style/lt.yml:1:1: error[not-a-file]: locales/style/lt.yml is a folder, but its name ends in .yml: rename it" \
        in [p.format() for p in problems]


def test_a_changed_termbase_or_style_sheet_is_applied_to_texts_already_checked(tmp_path):
    """Checks of unchanged texts are cached for `serve`; a changed rule must still reach them."""
    rel = write_article(tmp_path, "it", ["Gli annullamenti vanno registrati subito."])
    texts = lambda: list(all_prose(tmp_path))  # noqa: E731
    clean = term({"it": "disdetta"}, {lang: [] for lang in LANGS})
    assert check_terminology(texts(), [(clean, "glossary/sample.yml")], LANGS) == []
    avoided = term({"it": "disdetta"}, {**{lang: [] for lang in LANGS},
                                        "it": [{"term": "annullamento", "reason": "machine-translation"}]})
    found = check_terminology(texts(), [(avoided, "glossary/sample.yml")], LANGS)
    assert [d.code for d in found] == ["avoided-term"] and found[0].path == rel
    reason = term({"it": "disdetta"}, {**{lang: [] for lang in LANGS},
                                       "it": [{"term": "annullamento", "reason": "calque"}]})
    assert "(calque)" in check_terminology(texts(), [(reason, "glossary/sample.yml")], LANGS)[0].message

    def sheet(pattern: str) -> dict[str, tuple[StyleSheet, str]]:
        return {"it": (StyleSheet.model_validate({
            "address": "x", "numbers": "x", "quotation_marks": "x", "capitalisation": "x",
            "rules": [{"id": "sample", "pattern": pattern, "message": "no"}]}), "locales/style/it.yml")}
    assert check_style(texts(), sheet("zzz")) == []
    assert [d.code for d in check_style(texts(), sheet("subito"))] == ["style"]
