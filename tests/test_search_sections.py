"""Rendered pages split into searchable sections: what is kept, what is skipped."""

from __future__ import annotations

from kb.search.collect import Section, split_sections

PAGE = """<h1 id="returns">Returns &amp; refunds<a class="headerlink" href="#returns" title="Link">&para;</a></h1>
<p>Say <em>sorry</em> first.<br/>Then listen.</p>
<!-- a comment <h2 id="not-a-heading">x</h2> -->
<script>if (a < b && c > d) { document.write("<h2 id='fake'>no</h2>") }</script>
<style>p > a { color: red }</style>
<h2 id="steps">Steps <code>1&ndash;3</code><a class="headerlink" href="#steps">&para;</a></h2>
<p>Check the order.</p>
<div class="quiz"><p>Question?</p><input type="radio" name="q"><label>Yes <img src="x.png"></label><div><p>nested</p></div></div>
<p data-note='a > b'>After the quiz.</p>
<h3>No anchor</h3>
<p>Still in steps.</p>
<nav><h2 id="in-nav">Skipped</h2></nav>
<h2 id="empty">Empty</h2>
"""


def test_sections_keep_headings_and_text_and_skip_the_rest():
    assert split_sections(PAGE) == (
        Section("", "Returns & refunds", "Say sorry first. Then listen."),
        Section("steps", "Steps 1–3", "Check the order. After the quiz."),  # text under an h3 without ID is dropped
        Section("empty", "Empty", ""),
    )
