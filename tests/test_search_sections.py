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


STEPS = """<h1 id="cancel">Cancellation call</h1>
<h2 id="steps">Steps</h2>
<div class="kb-step" id="confirm-request">
<p class="kb-step-action"><span class="kb-step-number">1</span> Let the customer finish. \
<a class="headerlink" href="#confirm-request">¶</a></p>
<p><strong>Why:</strong> Every customer counts.</p>
</div>
<div class="kb-step" id="find-out-why">
<p class="kb-step-action"><span class="kb-step-number">2</span> Ask why.</p>
<p>Needs first.</p>
</div>
<h2 id="quiz">Check your knowledge</h2>
<p><a href="../quiz/">Quiz</a></p>
"""


def test_each_playbook_step_is_a_section_titled_by_its_action():
    assert split_sections(STEPS) == (
        Section("", "Cancellation call", ""),
        Section("steps", "Steps", ""),
        Section("confirm-request", "1 Let the customer finish.", "Why: Every customer counts.", step=True),
        Section("find-out-why", "2 Ask why.", "Needs first.", step=True),
        Section("quiz", "Check your knowledge", "Quiz"),
    )


def test_inline_markup_joins_its_text_and_blocks_separate_it():
    # The glossary's link lines: a preview read "bezpłatna wymiana , kupon" before.
    page = (
        '<h2 id="coupon">Coupon</h2><p><strong>Related:</strong> <a href="#a">free exchange</a>, '
        '<a href="#b">refund</a></p><ul><li>one</li><li>two</li></ul><p>re<abbr title="x">fund</abbr>ed'
        "<br>next</p><p>last</p>"
    )
    assert split_sections(page)[1] == Section("coupon", "Coupon", "Related: free exchange, refund one two refunded next last")
