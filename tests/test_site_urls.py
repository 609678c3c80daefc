"""Links between generated pages, in the URL style of the build they are for."""

from __future__ import annotations

from kb.render.links import SiteUrls, relative

SERVED = SiteUrls(directory_urls=True)  # mkdocs.yml's default
OFFLINE = SiteUrls(directory_urls=False)  # `kb offline`: KB_DIRECTORY_URLS=false


def test_served_site_uses_folders_and_the_default_language_is_at_the_root():
    assert SERVED.glossary("lt", "coupon") == "glossary/#coupon"
    assert SERVED.article("pl", "what-is-retention", "benefits") == "pl/articles/what-is-retention/#benefits"
    assert SERVED.quiz("fi", "retention-basics", "key") == "fi/quizzes/retention-basics-key/"
    assert SERVED.playbook("it", "cancellation-call") == "it/playbooks/cancellation-call/"
    assert SERVED.page("lt", "start/index") == "start/"


def test_offline_copy_names_each_html_file():
    assert OFFLINE.glossary("lt", "coupon") == "glossary/index.html#coupon"
    assert OFFLINE.article("pl", "what-is-retention", "benefits") == "pl/articles/what-is-retention.html#benefits"
    assert OFFLINE.quiz("fi", "retention-basics", "key") == "fi/quizzes/retention-basics-key.html"
    assert OFFLINE.playbook("it", "cancellation-call", "step-1") == "it/playbooks/cancellation-call.html#step-1"
    assert OFFLINE.page("lt", "start/index") == "start/index.html"


def test_relative_links_between_pages_of_one_style():
    assert relative(SERVED.glossary("pl", "coupon"), SERVED.article("pl", "x")) == "../../glossary/#coupon"
    assert relative(OFFLINE.glossary("pl", "coupon"), OFFLINE.article("pl", "x")) == "../glossary/index.html#coupon"
    assert relative(SERVED.page("lt", "start/index"), SERVED.quiz("it", "m")) == "../../../start/"
