"""Search in the built site: collect documents from rendered pages, write one
self-contained worker per language, and point Material's search box at it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Callable

from kb.compat.material import use_search_worker
from kb.content.project import Project
from kb.content.search_words import word_forms
from kb.render.tooltips import matcher_for
from kb.search.collect import split_sections
from kb.search.index import Doc, build_index, index_json
from kb.search.snowball_js import stemmers_bundle

WORKER_DIR = "assets/kb"
_WORKER_TEMPLATE = Path(__file__).with_name("worker.js")
# Pages that are not worth finding: the maintainers' table and quiz printouts.
_EXCLUDED_FOLDERS = ("status",)
_EXCLUDED_SUFFIXES = ("-sheet", "-key")
_KINDS = {"articles": "article", "playbooks": "playbook", "glossary": "glossary", "quizzes": "quiz"}
# Link lists at the end of pages ("check your knowledge", related terms, the
# next step on the learning path): they repeat the page's title words, so they
# would win over the content and Enter would open a list of links.
BOILERPLATE_SECTIONS = frozenset({"quiz", "related-terms", "next-step"})


def worker_path(lang: str) -> str:
    return f"{WORKER_DIR}/search-{lang}.js"


def point_material_at_worker(html: str, lang: str) -> str:
    """Replace Material's lunr worker URL in the page config with ours."""
    return use_search_worker(html, worker_path(lang))


class SearchCollector:
    def __init__(self, keywords: Callable[..., str] | None = None) -> None:
        """`keywords` stands in for `section_keywords`, with its arguments (the
        kb plugin passes one that reuses unchanged sections' keywords while serving)."""
        self.docs: dict[str, list[Doc]] = {}
        self.written: set[str] = set()
        self.keywords = keywords or self.section_keywords

    def add_page(self, project: Project, lang: str, folder: str, name: str, url: str, content: str) -> None:
        if folder in _EXCLUDED_FOLDERS or name.endswith(_EXCLUDED_SUFFIXES):
            return
        kind = _KINDS.get(folder, "page")
        if name == "index" and folder != "glossary":  # lists of playbooks or quizzes, home pages
            kind = "page"
        docs = self.docs.setdefault(lang, [])
        parent = len(docs)
        matcher = matcher_for(project, lang)
        lead_anchor = self._lead_anchor(project, folder, name)
        for number, section in enumerate(split_sections(content)):
            text = section.text
            if number == 0:
                # Index pages (home, playbook list, glossary intro) are signposts, not answers.
                page_kind = "page" if name == "index" else kind
                docs.append(Doc(url, section.title, text, page_kind, -1, self._page_keywords(project, lang, folder, name)))
                continue
            if (not text and kind != "glossary") or section.anchor in BOILERPLATE_SECTIONS:
                continue
            if section.anchor == lead_anchor:
                docs[parent] = replace(docs[parent], lead=len(docs))
            keywords = self.keywords(project, lang, kind, section.anchor, text, matcher)
            docs.append(Doc(f"{url}#{section.anchor}", section.title, text, kind, parent, keywords,
                            heading=not section.step))

    @staticmethod
    def _lead_anchor(project: Project, folder: str, name: str) -> str | None:
        """Where a match on the page as a whole opens: a playbook's first step."""
        if folder == "playbooks" and name in project.playbooks and project.playbooks[name].item.steps:
            return project.playbooks[name].item.steps[0].id
        return None

    @staticmethod
    def _page_keywords(project: Project, lang: str, folder: str, name: str) -> str:
        everyday = project.search_words.get(lang, {}).get(f"{folder}/{name}", [])
        if folder != "playbooks" or name not in project.playbooks:
            return " ".join(everyday)
        book = project.playbooks[name].item
        ids = list(dict.fromkeys(book.terms + [offer.term for offer in book.offers]))
        forms = [form for tid in ids if tid in project.terms for form in project.terms[tid].item.search_forms(lang)]
        return " ".join(forms + everyday)

    @staticmethod
    def section_keywords(project: Project, lang: str, kind: str, anchor: str, text: str, matcher) -> str:  # type: ignore[no-untyped-def]
        if kind == "glossary":
            term = project.terms.get(anchor)
            everyday = project.search_words.get(lang, {}).get(f"glossary/{anchor}", [])
            return " ".join(list(term.item.search_forms(lang)) + everyday) if term else ""
        if matcher is None:
            return ""
        found = dict.fromkeys(term_id for _, _, term_id in matcher.find(text))
        return " ".join(form for tid in found for form in project.terms[tid].item.search_forms(lang))

    def write_workers(self, site_dir: Path, project: Project) -> list[str]:
        """Write the worker of every language collected and not yet written."""
        written = []
        template = _WORKER_TEMPLATE.read_text(encoding="utf-8")
        for lang, docs in sorted(self.docs.items()):
            if lang in self.written:
                continue
            index = build_index(docs, lang, word_forms(project.search_words, lang))
            bundle = (stemmers_bundle((lang,)) + f"var KB_SEARCH_INDEX = {index_json(index)};\n" + template)
            path = site_dir / worker_path(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(bundle, encoding="utf-8")
            self.written.add(lang)
            written.append(worker_path(lang))
        return written


def write_empty_material_index(site_dir: Path) -> None:
    """Material still loads its own index before starting the worker; ours ignores
    it, so it is kept empty instead of holding every language's full text."""
    empty = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}, "docs": []}
    folder = site_dir / "search"
    folder.mkdir(exist_ok=True)
    (folder / "search_index.json").write_text(json.dumps(empty), encoding="utf-8")
    # Read instead of the JSON when the site is opened from file:// (offline zip).
    (folder / "search_index.js").write_text(f"var __index = {json.dumps(empty)};\n", encoding="utf-8")
