"""The end of an article: the next step on the learning path.

A new rep who finishes reading should not hit the footer: the article ends
with the quiz modules that cover it (those that list it to study first, else
those whose questions cite it) and a way back to "Start here".
"""

from __future__ import annotations

from kb.content.articles import ArticlePage
from kb.content.project import Project
from kb.render.links import SiteUrls, relative
from kb.render.text import attr, md_text
from kb.render.training import module_order

NEXT_STEP_ID = "next-step"  # search leaves this section out (kb.search.site.BOILERPLATE_SECTIONS)


def covering_modules(project: Project, slug: str) -> list[str]:
    """IDs of the modules that cover an article, in learning-path order."""
    ordered = module_order(project)
    studied = [m.id for m in ordered if f"articles/{slug}" in m.study]
    if studied:
        return studied
    return [m.id for m in ordered if any(q.cite.split("#")[0] == slug for q in m.questions)]


def next_step_markdown(project: Project, page: ArticlePage, urls: SiteUrls, here: str) -> str:
    ui = project.ui[page.lang]
    buttons = [
        f'<a class="md-button md-button--primary" href="{attr(relative(urls.quiz(page.lang, mid), here))}">'
        f'{md_text(ui["take_quiz"])}: {md_text(project.quizzes[mid].item.title[page.lang])}</a>'
        for mid in covering_modules(project, page.slug)
    ]
    start = relative(urls.page(page.lang, "start/index"), here)
    buttons.append(f'<a class="md-button" href="{attr(start)}">{md_text(ui["back_to_start"])}</a>')
    return "\n".join(["", "", f"## {md_text(ui['next_step'])} {{#{NEXT_STEP_ID}}}", "",
                      '<p class="kb-next-step">' + " ".join(buttons) + "</p>", ""])
