"""Glossary tooltips on rendered HTML."""

import pytest

from kb.content.project import load_project
from kb.render.links import SiteUrls
from kb.render.tooltips import add_tooltips

# The served site's URL style (mkdocs.yml: use_directory_urls).
URLS = SiteUrls(directory_urls=True)


@pytest.fixture(scope="module")
def project(root):
    return load_project(root)


def _a_form(project, lang, term_id, index=-1):
    return project.terms[term_id].item.forms[lang][index]


def test_first_mention_only_and_inflected_forms(project):
    lt_forms = project.terms["coupon"].item.forms["lt"]
    html = f"<p>{lt_forms[0]} ir vėl {lt_forms[-1]}.</p>"
    out = add_tooltips(html, project, "lt", URLS, "articles/x/")
    assert out.count('class="kb-term"') == 1
    assert 'data-term="coupon"' in out and 'href="../../glossary/#coupon"' in out


def test_inflected_form_matches(project):
    form = _a_form(project, "pl", "coupon")
    out = add_tooltips(f"<p>Klient dostał {form.upper()}.</p>", project, "pl", URLS, "pl/articles/x/")
    assert 'data-term="coupon"' in out


@pytest.mark.parametrize("wrapper", ["<h2>{}</h2>", "<code>{}</code>", "<a href='#'>{}</a>",
                                     '<div class="quiz"><p>{}</p></div>', "<pre><span>{}</span></pre>"])
def test_never_inside_headings_code_links_or_quizzes(project, wrapper):
    form = _a_form(project, "it", "coupon", 0)
    html = wrapper.format(form) + f"<p>{form}</p>"
    out = add_tooltips(html, project, "it", URLS, "it/articles/x/")
    assert out.count("kb-term") == 1
    assert out.endswith(f'data-term="coupon">{form}</a></p>')


def test_definition_is_escaped_in_the_title(project):
    out = add_tooltips("<p>kuponas</p>", project, "lt", URLS, "articles/x/")
    title = out.split('title="', 1)[1].split('"', 1)[0]
    assert "<" not in title and '"' not in title
