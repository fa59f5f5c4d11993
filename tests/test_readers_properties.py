"""Whatever the input, readers keep ``prose`` aligned with the source text.

Invariant: ``prose`` has the length of ``text``; every non-blank character of ``prose``
is the source character at the same offset, except inside a decoded entity/escape; and
blocks, citations and comments lie within the text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.readers_helpers import read

_MD_PIECES = ["# ", "## ", "\n", "\r\n", "\r", "\n\n", "> ", "- ", "1. ", "*", "**", "_", "`", "```\n", "    ",
              "[", "]", "(", ")", "](http://x/1)", "![", "<!-- c -->", "<b>", "</b>", "&amp;", "&#37;", "\\",
              "\\*", "|", "---", "\n---\n", "+++", "[^1]", "[^1]: ", "\t", "\"", "'", "title: ", "40%",
              "14,000 people", "said", " ", "Word", "é", "\u00a0"]
_HTML_PIECES = ["<p>", "</p>", "<article>", "</article>", "<a href='u'>", "</a>", "<a>", "<script>", "</script>",
                "<pre>", "</pre>", "<br>", "<li>", "<td>", "<h2>", "</h2>", "<!-- c -->", "&amp;", "&#37;",
                "&#x2014;", "&nbsp", "&bogus;", "<", ">", "&", "\n", "\r\n", "\r", " ", "40%", "said",
                "14,000 people", "<body>", "<main>", "é"]


def _check(text: str, suffix: str) -> None:
    document = read(text, suffix)
    assert len(document.prose) == len(text)
    inside_decoded = set()
    for span in document.decoded:
        inside_decoded.update(range(span.start, span.end))
    for i, ch in enumerate(document.prose):
        if ch != " " and i not in inside_decoded:
            assert ch == text[i], (i, ch, text[i])
    for span in [*document.blocks, *document.citations, *document.comments]:
        assert 0 <= span.start < span.end <= len(text)
    for comment in document.comments:
        assert text[comment.start : comment.end].startswith("<!--")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_MD_PIECES), max_size=40))
def test_markdown_prose_stays_aligned(pieces):
    _check("".join(pieces), ".md")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40))
def test_html_prose_stays_aligned(pieces):
    _check("".join(pieces), ".html")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_without_error(text):
    _check(text, ".md")
    _check(text, ".html")
