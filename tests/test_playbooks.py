"""Playbooks: real content passes, golden pages, company settings."""

from __future__ import annotations


import pytest

from golden_files import assert_matches_golden

from kb.languages import LANGUAGES
from kb.content.project import load_project
from kb.render.links import SiteUrls
from kb.render.playbooks import fill, playbook_markdown
from conftest import FIXED_TODAY

# The served site's URL style (mkdocs.yml: use_directory_urls).
URLS = SiteUrls(directory_urls=True)

REQUIRED = {"cancellation-call", "complaint-call", "complaint-letter", "loyalty-enrolment", "problem-resolution",
            "proactive-communication", "positive-feedback-reply"}


@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def test_seven_playbooks_every_step_cited(project):
    assert REQUIRED <= set(project.playbooks)
    for loaded in project.playbooks.values():
        for step in loaded.item.steps:
            slug, _, section = step.cite.partition("#")
            assert all(project.article(slug, lang).section(section) for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_playbook_page_matches_golden(small_project, lang, monkeypatch):
    monkeypatch.setenv("KB_TODAY", FIXED_TODAY)
    actual = playbook_markdown(small_project, small_project.playbooks["cancellation-call"].item, lang, URLS)
    assert_matches_golden(f"playbook.cancellation-call.{lang}.md", actual)


def test_unset_company_value_asks_the_team_lead(project):
    assert project.company.item.value("max-monthly-discount") is None
    text = fill(project, "Up to {company:max-monthly-discount}.", "it")
    assert text == f"Up to ({project.ui['it']['ask_team_lead']})."


def test_overdue_playbook_shows_needs_review(project, monkeypatch):
    monkeypatch.setenv("KB_TODAY", "2030-01-01")
    page = playbook_markdown(project, project.playbooks["complaint-call"].item, "pl", URLS)
    assert page.split("\n")[2].startswith('!!! warning "Wymaga przeglądu')
