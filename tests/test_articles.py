"""Article pages: sections, digests, translation stamps."""

from kb.content.articles import digest, load_article, parse_sections
from kb.content.stamp import stamp_page_text

PAGE = """---
article: demo
source: 000_88bb955b8ffc392c.txt
translation:
  from: it
  sections: [b]
---

# Title

## First {#a}

Text of a.

```
## not a heading {#x}
```

### Second {#b}

Text of b.
"""


def test_sections_and_title():
    page, problems = load_article(PAGE.encode(), "docs/lt/articles/demo.md", "lt")
    assert problems == []
    assert page.title == "Title"
    assert [(s.id, s.title, s.level, s.line) for s in page.sections] == [("a", "First", 2, 11), ("b", "Second", 3, 19)]
    assert page.translated_sections == {"b": None}
    assert page.where_meta("translation", "from") == (5, 3)


def test_digest_ignores_spacing_but_not_words():
    assert digest("a  b\n\nc") == digest("a b c")
    assert digest("a b c") != digest("a b d")


def test_heading_without_id_is_reported():
    _, _, problems = parse_sections("# T\n\n## No id here\n", 1, "p.md")
    assert [p.format() for p in problems] == [
        "p.md:3:1: error[missing-section-id]: heading 'No id here' needs an ID so it can be cited: '## No id here {#section-id}'"
    ]


def test_stamp_rewrites_the_section_list():
    stamped = stamp_page_text(PAGE, {"b": "0123456789ab"})
    assert "  sections:\n    b: 0123456789ab\n---" in stamped
    page, problems = load_article(stamped.encode(), "docs/lt/articles/demo.md", "lt")
    assert problems == [] and page.translated_sections == {"b": "0123456789ab"}


def test_front_matter_errors_are_located_in_the_file():
    bad = PAGE.replace("source: 000_88bb955b8ffc392c.txt", "source: nowhere.txt")
    _, problems = load_article(bad.encode(), "p.md", "lt")
    assert [p.format() for p in problems] == [
        "p.md:3:9: error[invalid-id]: source 'nowhere.txt' is not a valid ID: use lowercase letters, digits and hyphens (kebab-case)"
    ]
