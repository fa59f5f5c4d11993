"""The HTML reader: the article body's prose, offsets exact in the original file."""

from __future__ import annotations

import pytest

from tests.readers_helpers import claims, lint, read

PAGE = """\
<!DOCTYPE html>
<html><head><title>Site with 55 pages</title>
<style>p::after { content: "90%"; }</style><script>var n = 5 < 6 && 7;</script></head>
<body>
<nav>Home | 12 sections</nav>
<p class="promo">Subscribe: 3 months free</p>
<article>
<h1>Army &amp; navy</h1>
<p>The army lost <b>1,200</b> tanks in May.<!-- attrlint-disable-line ATR001 --></p>
<p>Profits rose 40&#37; in&nbsp;May, <a href="https://example.org/r">the report</a> shows.</p>
<figure><figcaption>Smoke over 30 villages</figcaption></figure>
<pre>total = 12345</pre><p>Run <code>x = 300</code> now.</p>
<blockquote><p>We lost 800 homes.</p></blockquote>
<ul><li>First<li>About 70 boats sank.</ul>
<table><tr><th>Year<td>Exports fell 20% that year.</table>
</article>
<footer>Copyright 2024, 6 authors</footer>
</body></html>
"""


def test_article_body_only_and_exact_offsets():
    document, findings = lint(PAGE, ".html")
    found = [(f.rule, PAGE[f.start : f.end]) for f in findings]
    # "1,200 tanks" is silenced by the disable-line comment on its line.
    assert found == [
        ("ATR001", "over 30 villages"),
        ("ATR001", "800 homes"),
        ("ATR001", "About 70 boats"),
        ("ATR001", "20%"),
    ]
    assert [PAGE[c.start : c.end] for c in document.citations] == ["the report"]
    assert [PAGE[c.start : c.end] for c in document.comments] == ["<!-- attrlint-disable-line ATR001 -->"]


def test_block_kinds():
    document = read(PAGE, ".html")
    got = [(b.kind, " ".join(document.prose[b.start : b.end].split())) for b in document.blocks]
    assert got == [
        ("heading", "Army & navy"),
        ("paragraph", "The army lost 1,200 tanks in May."),
        ("paragraph", "Profits rose 40% in May, the report shows."),
        ("paragraph", "Smoke over 30 villages"),
        ("paragraph", "Run now."),
        ("blockquote", "We lost 800 homes."),
        ("list_item", "First"),
        ("list_item", "About 70 boats sank."),
        ("table_cell", "Year"),
        ("table_cell", "Exports fell 20% that year."),
    ]


def test_link_is_a_citation_only_when_configured():
    page = '<p>Profits rose 40&#37; in <a href="https://x">May</a>.</p>'
    assert claims(page, ".html") == []
    assert claims(page, ".html", links_are_citations=False) == [("ATR001", "40&#37;")]
    # An anchor without href cites nothing.
    assert claims('<p>Profits rose 40% in <a name="m">May</a>.</p>', ".html") == [("ATR001", "40%")]


def test_main_used_when_no_article_and_body_otherwise():
    main = "<body><p>Menu with 9 items</p><main><p>Profits rose 40% in May.</p></main></body>"
    assert claims(main, ".html") == [("ATR001", "40%")]
    body = "<html><head><title>4 things</title></head><body><p>Profits rose 40% in May.</p></body></html>"
    assert claims(body, ".html") == [("ATR001", "40%")]
    fragment = "<p>Profits rose 40% in May.</p>"
    assert claims(fragment, ".htm") == [("ATR001", "40%")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_keep_offsets_and_columns(newline):
    page = newline.join(["<html><body>", "<p>Intro.</p>", "<p>The firm &amp; its unit sold 4,000 cars.</p>",
                         "</body></html>", ""])
    document, findings = lint(page, ".html")
    (f,) = findings
    assert page[f.start : f.end] == "4,000 cars"
    assert document.lines.position(f.start) == (3, 33)


def test_prose_keeps_length_and_decodes_entities_in_place():
    page = "<p>A &lt;b&gt; &#x2014; &eacute;t&eacute; &amp</p>"
    document = read(page, ".html")
    assert len(document.prose) == len(page)
    assert document.prose.split() == ["A", "<", "b>", "\u2014", "é", "té", "&"]
    assert document.prose.index("\u2014") == page.index("&#x2014;")
