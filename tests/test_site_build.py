"""End to end: a real strict MkDocs build of the whole site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kb.checks.defects import KNOWN_DEFECTS
from kb.languages import LANGUAGES, url_prefix
from kb.search.site import worker_path

pytestmark = pytest.mark.build

ARTICLES = ("retention-programs", "retention-management", "what-is-retention")
ORIGINAL_LANGUAGE = {  # article → languages whose page is (mostly) an original
    "retention-programs": {"lt", "it", "fi"},
    "retention-management": {"pl"},
    "what-is-retention": {"lt"},
}


class _Headings(HTMLParser):
    """IDs of h2/h3 headings inside the article body."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.in_article = True
        if self.in_article and tag in ("h2", "h3") and attributes.get("id"):
            self.ids.append(attributes["id"] or "")


def article_html(site: Path, lang: str, slug: str) -> str:
    return (site / url_prefix(lang) / "articles" / slug / "index.html").read_text(encoding="utf-8")


def heading_ids(html: str) -> list[str]:
    parser = _Headings()
    parser.feed(html)
    return [i for i in parser.ids if not i.startswith("__")]


def test_all_twelve_article_pages_exist(built_site):
    pages = [built_site / url_prefix(lang) / "articles" / slug / "index.html" for lang in LANGUAGES for slug in ARTICLES]
    assert len(pages) == 12
    missing = [str(p) for p in pages if not p.is_file()]
    assert missing == []


@pytest.mark.parametrize("slug", ARTICLES)
def test_section_ids_identical_in_all_languages(built_site, slug):
    ids = {lang: heading_ids(article_html(built_site, lang, slug)) for lang in LANGUAGES}
    assert len(ids["lt"]) >= 5
    for lang in LANGUAGES:
        assert ids[lang] == ids["lt"], f"{lang} sections differ"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_have_language_and_source(built_site, lang):
    """An original names its source file; a translation names its original by
    title and language, never by a file name its reader cannot use."""
    for slug in ARTICLES:
        html = article_html(built_site, lang, slug)
        assert f'<html lang="{lang}"' in html
        file_name = re.search(r"\d{3}_[0-9a-f]{16}\.txt", html)
        note = re.search(r'<div class="admonition note kb-source">(.*?)</div>', html, re.S)
        if lang in ORIGINAL_LANGUAGE[slug]:
            assert file_name, f"{lang}/{slug} does not name its source"
            continue
        assert note and not file_name, f"{lang}/{slug} names a file as its source"
        original = re.search(r'hreflang="([a-z]{2})"', note.group(1)).group(1)
        title = re.search(r"<h1[^>]*>(.*?)<", article_html(built_site, original, slug)).group(1)
        assert title in note.group(1), f"{lang}/{slug}: the original's title is not named"


def test_translations_link_to_their_original(built_site):
    for slug, originals in ORIGINAL_LANGUAGE.items():
        for lang in set(LANGUAGES) - originals:
            html = article_html(built_site, lang, slug)
            match = re.search(r'<a href="([^"]+)" hreflang="([a-z]{2})">', html)
            assert match, f"{lang}/{slug} has no link to its original"
            target = (built_site / url_prefix(lang) / "articles" / slug / match.group(1) / "index.html").resolve()
            assert target.is_file() and match.group(2) in originals


def test_italian_key_points_are_in_every_language(built_site):
    for lang in LANGUAGES:
        html = article_html(built_site, lang, "retention-programs")
        body = html.split('id="key-points"', 1)[1].split("</ul>", 1)[0]
        assert body.count("<li>") == 5, lang


# The source's figures, written as each language's style sheet (locales/style) says.
FIGURES = {"lt": ("5–25 %", "96 %", "8 %"), "it": ("5–25%", "96%", "8%"),
           "pl": ("5–25%", "96%", "8%"), "fi": ("5–25 %", "96 %", "8 %")}


def test_figures_quoted_exactly(built_site):
    for lang in LANGUAGES:
        html = article_html(built_site, lang, "what-is-retention")
        for figure in FIGURES[lang]:
            assert figure in html, f"{figure} missing in {lang}"


def test_no_known_defect_in_any_built_page(built_site):
    texts = [p for p in built_site.rglob("*") if p.suffix in (".html", ".json", ".xml")]
    assert len(texts) > 16
    found = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(built_site)}: {d}" for d in KNOWN_DEFECTS if d in text]
    # The search index the site uses is the one in each language's worker (Material's
    # search_index.json is emptied); it escapes non-ASCII letters, so check its decoded text.
    for lang in LANGUAGES:
        path = built_site / worker_path(lang)
        line = next(li for li in path.read_text(encoding="utf-8").splitlines() if li.startswith("var KB_SEARCH_INDEX = "))
        decoded = json.dumps(json.loads(line.removeprefix("var KB_SEARCH_INDEX = ").removesuffix(";")), ensure_ascii=False)
        assert "articles/retention-programs/" in decoded, f"{lang}: the search index lists no article"
        found += [f"{path.relative_to(built_site)}: {d}" for d in KNOWN_DEFECTS if d in decoded]
    assert found == []


def test_home_pages_lead_to_articles(built_site):
    for lang in LANGUAGES:
        html = (built_site / url_prefix(lang) / "index.html").read_text(encoding="utf-8")
        assert html.count('class="grid cards"') == 1
        for slug in ARTICLES:
            assert f"articles/{slug}/" in html, f"{lang} home does not link {slug}"


def test_browser_tabs_name_each_home_once_and_other_pages_with_the_site(built_site, root):
    names = {lang: _site_name(root, lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        home = (built_site / url_prefix(lang) / "index.html").read_text(encoding="utf-8")
        playbook = (built_site / url_prefix(lang) / "playbooks" / "cancellation-call" / "index.html").read_text(encoding="utf-8")
        assert re.findall(r"<title>(.*?)</title>", home) == [names[lang]]
        (title,) = re.findall(r"<title>(.*?)</title>", playbook)
        assert title.endswith(f" - {names[lang]}") and len(title) > len(names[lang]) + 3


def _site_name(root: Path, lang: str) -> str:
    """The language's site_name as mkdocs.yml gives it to mkdocs-static-i18n."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    block = text[text.index(f"- locale: {lang}") :]
    return re.search(r"site_name: (.+)", block).group(1).strip()  # type: ignore[union-attr]


def test_quiz_assets_are_shared_files_and_other_pages_carry_none(built_site):
    quiz = (built_site / "pl" / "quizzes" / "retention-basics" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../assets/kb/mkdocs-quiz.css"' in quiz and 'src="../../../assets/kb/mkdocs-quiz.js"' in quiz
    assert (built_site / "assets" / "kb" / "mkdocs-quiz.js").stat().st_size > 10_000
    article = (built_site / "pl" / "articles" / "retention-programs" / "index.html").read_text(encoding="utf-8")
    assert "mkdocs-quiz" not in article and "quizTracker" not in article
    for page in (quiz, article):
        assert len(page.encode("utf-8")) < 60_000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_contents_list_letters_and_every_term_keeps_its_anchor(built_site, lang):
    html = (built_site / url_prefix(lang) / "glossary" / "index.html").read_text(encoding="utf-8")
    toc_targets = set(re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html))
    term_ids = set(re.findall(r'<h3 id="([^"]+)"', html))
    assert toc_targets and all(target.startswith("letter-") for target in toc_targets)
    assert len(term_ids) >= 50, "every term is still a linkable heading"


def test_heading_links_are_named_in_the_page_language(built_site):
    names = {"lt": "Nuoroda į šią vietą", "it": "Link a questa sezione", "pl": "Link do tej sekcji",
             "fi": "Linkki tähän kohtaan"}
    pages = sorted(built_site.rglob("*.html"))
    assert not [p for p in pages if "Permanent link" in p.read_text(encoding="utf-8")]
    for lang, name in names.items():
        article = article_html(built_site, lang, "retention-programs")
        assert f'class="headerlink" href="#definition" title="{name}"' in article
        glossary = (built_site / url_prefix(lang) / "glossary" / "index.html").read_text(encoding="utf-8")
        # No title, so no Material tooltip per glossary heading; still named for screen readers.
        assert f'aria-label="{name}"' in glossary and 'class="headerlink" href="#letter-a" title=' not in glossary
