"""Highlighting article text in HTML: escaping, nesting, crossing ranges, offsets kept."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from attrlint.formats.html_markup import Highlight, mark_up


class _Pieces(HTMLParser):
    """Reads marked-up text back: the whole text, and the text inside each highlight."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[dict] = []
        self.by_key: dict[str, list[str]] = {}
        self.elements: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.open.append(attrs)
        self.elements.append(attrs)
        self.by_key.setdefault(attrs["data-k"], [])

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for attrs in self.open:
            self.by_key[attrs["data-k"]].append(data)


def _highlight(i: int, start: int, end: int) -> Highlight:
    return Highlight(start, end, "mark", attrs=(("data-k", str(i)),), first_only=(("id", f"h{i}"),))


def _read(html: str) -> _Pieces:
    parser = _Pieces()
    parser.feed(html)
    parser.close()
    assert parser.open == [], "every element is closed"
    return parser


def test_script_in_text_stays_text():
    text = 'Officials said <script>alert(1)</script> & "more" 5 < 6.'
    out = mark_up(text, [_highlight(0, 15, 40)])
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "".join(_read(out).text) == text


def test_carriage_returns_survive_html_parsing():
    text = "One line\r\nanother\rthird"
    out = mark_up(text, [_highlight(0, 5, 15)])
    assert "\r" not in out and out.count("&#13;") == 2
    assert "".join(_read(out).text) == text


def test_crossing_ranges_split_the_later_one():
    text = "abcdefghij"
    out = mark_up(text, [_highlight(0, 0, 6), _highlight(1, 3, 9)])
    assert out == ('<mark data-k="0" id="h0">abc<mark data-k="1" id="h1">def</mark></mark>'
                   '<mark data-k="1">ghi</mark>j')


def test_nested_ranges_nest_and_longer_is_outer():
    out = mark_up("abcdef", [_highlight(1, 1, 3), _highlight(0, 1, 5)])
    assert out == 'a<mark data-k="0" id="h0"><mark data-k="1" id="h1">bc</mark>de</mark>f'


def test_empty_and_out_of_range_highlights():
    out = mark_up("abc", [Highlight(1, 1, "mark", attrs=(("data-k", "0"),), after="<sup></sup>"),
                          _highlight(1, 2, 99)])
    assert out == 'a<mark data-k="0"></mark><sup></sup>b<mark data-k="1" id="h1">c</mark>'


def test_after_follows_the_last_piece_only():
    h0 = Highlight(0, 4, "b", attrs=(("data-k", "0"),))
    h1 = Highlight(2, 6, "i", attrs=(("data-k", "1"),), after="<sup>1</sup>")
    assert mark_up("abcdefg", [h0, h1]) == '<b data-k="0">ab<i data-k="1">cd</i></b><i data-k="1">ef</i><sup>1</sup>g'


def test_attribute_values_are_escaped():
    h = Highlight(0, 1, "mark", attrs=(("title", 'say "<b>" & \'x\'\nnext'),))
    out = mark_up("a", [h])
    assert out == '<mark title="say &quot;&lt;b&gt;&quot; &amp; &#x27;x&#x27;&#10;next">a</mark>'


@st.composite
def _text_and_ranges(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\r\n\u00e9\U0001f600")), max_size=40))
    ranges = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=8))
    return text, [(min(a, b), max(a, b)) for a, b in ranges]


@given(_text_and_ranges())
def test_any_highlights_give_well_formed_html_with_exact_text(case):
    text, ranges = case
    highlights = [_highlight(i, s, e) for i, (s, e) in enumerate(ranges)]
    parsed = _read(mark_up(text, highlights))
    assert "".join(parsed.text) == text
    for i, (s, e) in enumerate(ranges):
        assert "".join(parsed.by_key[str(i)]) == text[s:e]
        assert sum(1 for el in parsed.elements if el.get("id") == f"h{i}") == 1
