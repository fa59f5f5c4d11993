"""The Markdown reader: prose only, offsets exact in the original file."""

from __future__ import annotations

import pytest

from tests.readers_helpers import claims, lint, read

ARTICLE = """\
---
title: "Floods hit the north"
tags: [flood, 2024]
count: 5000
---
# Floods hit the north

Floods have displaced **14,000** people in the _north_ of the country.

<!-- attrlint-disable-next-line ATR002 -->
Rice prices rose by 70% in May, the trade ministry said.

```python
total = 12345 + 678  # 99 percent
```

    indented = 4500

Rebuilding will cost [$2 billion](https://example.org/wb-report "2024 report").
The `x = 300` call listed ![chart of 80% growth](img/80.png) nothing.

The army sent 40 trucks &amp; 12 boats to the region.
"""


def test_article_with_code_comment_front_matter_and_link():
    document, findings = lint(ARTICLE, ".md")
    numeric = [ARTICLE[f.start : f.end] for f in findings if f.rule == "ATR001"]
    # Only prose figures without a source or link: nothing from code, the comment, the
    # front matter's data keys, the image, the inline code, or the linked figure.
    assert numeric == ["14,000** people", "40 trucks"]
    comment = "<!-- attrlint-disable-next-line ATR002 -->"
    assert [ARTICLE[c.start : c.end] for c in document.comments] == [comment]
    assert [ARTICLE[c.start : c.end] for c in document.citations] == ["$2 billion"]
    # The figures in code, the front matter, the image and the link never reach the analysis.
    for hidden in ("2024", "5000", "12345", "99 percent", "4500", "300", "80%", "wb-report"):
        assert hidden not in document.prose


def test_link_counts_as_citation_only_when_configured():
    text = "Rebuilding will cost [$2 billion](https://example.org/r).\n"
    assert claims(text, ".md") == []
    assert claims(text, ".md", links_are_citations=False) == [("ATR001", "$2 billion")]


def test_footnote_marker_is_a_citation():
    text = "Exports fell by 30% last year.[^1]\n\n[^1]: Customs data, 2024 report with 55 pages.\n"
    document = read(text, ".md")
    assert claims(text, ".md") == []
    assert claims(text, ".md", links_are_citations=False) == [("ATR001", "30%")]
    # The footnote definition is a source, not prose.
    assert "55" not in document.prose


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Tom \\& Jerry sold 4,000 cars.\n", "4,000 cars"),
        ("Tom &amp; Jerry sold *4,000* cars.\n", "4,000* cars"),
        ("The *firm* sold 4,000 cars &mdash; a record.\n", "4,000 cars"),
        ("Profits rose 40&#37; in May.\n", "40&#37;"),
        ("Profits rose 40\\% in May.\n", "40\\%"),
        ("See [the *report*](http://x/1) and `code 9`. Profits rose 40% in May.\n", "40%"),
        ("- first item\n- Profits rose 40% in May.\n", "40%"),
        ("> A quote.\n> Profits rose 40% in May.\n", "40%"),
        ("| Year | Note |\n|---|---|\n| 2020 | Profits rose 40% in May. |\n", "40%"),
        ("Setext heading\n==============\n\nProfits rose\n40% in May.\n", "40%"),
        ("## Profits rose 40% in May ##\n", "40%"),
        ("1. 1 thing\n2. Profits rose 40% in May.\n", "40%"),
    ],
)
def test_offsets_slice_the_original(text, claim):
    found = claims(text, ".md")
    assert found and found[-1] == ("ATR001", claim)


def test_block_kinds():
    text = (
        "---\ndescription: 'The dek'\n---\n# Head\n\nPara.\n\n- item\n\n> quoted\n\n"
        "| a | b |\n|---|---|\n| c | d |\n"
    )
    document = read(text, ".md")
    got = [(b.kind, text[b.start : b.end]) for b in document.blocks]
    assert got == [("meta", "The dek"), ("heading", "Head"), ("paragraph", "Para."), ("list_item", "item"),
                   ("blockquote", "quoted"), ("table_cell", "a"), ("table_cell", "b"), ("table_cell", "c"),
                   ("table_cell", "d")]


def test_prose_keeps_length_and_blanks_markup():
    text = "Costs **rose** to [$5](http://u/7 \"t\") <span>now</span> `c 8`.\r\n"
    document = read(text, ".md")
    assert len(document.prose) == len(text)
    words = document.prose.split()
    assert words == ["Costs", "rose", "to", "$5", "now", "."]
    assert [document.prose.index(w) for w in words] == [text.index(w) for w in words]
    assert document.prose.endswith(".\r\n")


@pytest.mark.parametrize(
    ("header", "claim"),
    [
        ('---\ntitle: "14,000 displaced"\n---\n', "14,000 displaced"),
        ("---\ntitle: 14,000 displaced # a comment\n---\n", "14,000 displaced"),
        ("---\nsummary: >-\n  Floods forced\n  14,000 people out\n---\n", "14,000 people"),
        ("---\ndek: 'It''s 14,000 people'\nother: 12 boats\n---\n", "14,000 people"),
        ('+++\ntitle = "14,000 displaced"\nweight = 12\n[extra]\nsummary = "40 boats"\n+++\n', "14,000 displaced"),
        ("+++\ndescription = '''\nFloods forced 14,000 people out\n'''\n+++\n", "14,000 people"),
    ],
)
def test_front_matter_fields_are_linted_in_place(header, claim):
    text = header + "\nBody text without figures.\n"
    assert claims(text, ".md") == [("ATR001", claim)]
    document = read(text, ".md")
    assert document.blocks[0].kind == "meta"


def test_invalid_toml_front_matter_is_blanked_not_read():
    text = '+++\ntitle = "14,000 displaced\n+++\n\nBody text.\n'
    assert claims(text, ".md") == []


def test_crlf_and_cr_keep_offsets_and_columns():
    body = "# Title\n\nThe *firm* sold 4,000 cars &amp; trucks.\n"
    for newline in ("\r\n", "\r"):
        text = body.replace("\n", newline)
        document, findings = lint(text, ".md")
        (f,) = findings
        assert text[f.start : f.end] == "4,000 cars"
        assert document.lines.position(f.start) == (3, 17)
