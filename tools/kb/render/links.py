"""Site URLs of pages, so generated Markdown can link across languages.

Links between languages cannot be Markdown links to .md files (each language
is built on its own, so MkDocs does not know the others' files); they are
computed here, in the URL style of the build: `x/` on a served site,
`x.html` for the offline copy opened from the file system. The style is a
value (`SiteUrls`) the plugin makes from mkdocs.yml's `use_directory_urls`
and passes down to every page it renders, so no render depends on which
build ran last in the process.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from kb.languages import DEFAULT_LANGUAGE, url_prefix


@dataclass(frozen=True)
class SiteUrls:
    """Where each page of the site is, in one build's URL style."""

    directory_urls: bool  # mkdocs.yml's `use_directory_urls`: false for the offline copy
    # The language at the site root; the others are under <lang>/. Another than the
    # default only in a one-language preview (`make serve PREVIEW=fi`).
    root_language: str = DEFAULT_LANGUAGE

    def page(self, lang: str, path: str, anchor: str | None = None) -> str:
        """Site URL of a page given its docs path without `.md` (e.g. `glossary/index`)."""
        path = url_prefix(lang, self.root_language) + path
        if self.directory_urls:
            url = path[: -len("index")] if path.endswith("index") else path + "/"
        else:
            url = path + ".html"
        return f"{url}#{anchor}" if anchor else url

    def article(self, lang: str, slug: str, section: str | None = None) -> str:
        return self.page(lang, f"articles/{slug}", section)

    def quiz(self, lang: str, module_id: str, page: str = "") -> str:
        """A module's quiz page, or its `sheet` or answer `key`."""
        suffix = f"-{page}" if page else ""
        return self.page(lang, f"quizzes/{module_id}{suffix}")

    def glossary(self, lang: str, term_id: str | None = None) -> str:
        return self.page(lang, "glossary/index", term_id)

    def playbook(self, lang: str, playbook_id: str, step: str | None = None) -> str:
        return self.page(lang, f"playbooks/{playbook_id}", step)


def relative(target: str, from_page_url: str) -> str:
    """Relative link from a page (its site URL) to a target site URL."""
    path, _, anchor = target.partition("#")
    link = get_relative_url(path or ".", from_page_url or ".")
    if path.endswith("/") and not link.endswith("/"):
        link += "/"
    return f"{link}#{anchor}" if anchor else link
