"""``search_tail`` finds what ``pattern.search`` finds, for every end-anchored pattern the
analysis searches that way, with the number of words it is given for it.

Texts are built from the patterns' own words (a word added to a pattern is exercised too),
glued punctuation, digits and every kind of whitespace (``\\x1c`` is whitespace to
``str.split`` but not to ``regex``).
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.analysis import attribution, numbers
from attrlint.analysis.tails import search_tail

# (pattern, words) exactly as the analysis searches them.
SEARCHED = [(numbers._DATE_BEFORE, 1), (numbers._AGE_BEFORE, 1), (numbers._NAME_AGE, 1), (numbers._IDENT_BEFORE, 1),
            (numbers._CAPITAL_WORD_BEFORE, 1), (numbers._BOUND_BEFORE, numbers._BOUND_WORDS),
            (attribution._PASSIVE_BEFORE, 3)]


def _words_of(patterns) -> list[str]:
    sources = " ".join(regex.sub(r"\\[A-Za-z]", " ", p.pattern) for p, _ in patterns)
    return sorted(set(regex.findall(r"[A-Za-z]{2,}", sources)))


_WORD = st.one_of(st.sampled_from(_words_of(SEARCHED)).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
                  st.sampled_from(["A", "x", "Smith", "5", "12", "1990", "U.S.", "-", "#", "/", "№", "quickly", "é"]))
_GLUE = st.sampled_from(["", "", "", ".", ",", "(", "-", "'"])
_SPACE = st.sampled_from([" ", " ", "  ", "\n", "\t", "\xa0", "\x1c", ""])
_TEXTS = st.lists(st.tuples(_GLUE, _WORD, _GLUE, _SPACE), max_size=10).map(
    lambda parts: "".join("".join(p) for p in parts))


def _span(m):
    return None if m is None else (m.span(), m.groups())


@settings(max_examples=1000, deadline=None)
@given(_TEXTS, st.data())
def test_searched_from_the_last_words_as_from_the_start(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for pattern, words in SEARCHED:
        assert _span(search_tail(pattern, text, words)) == _span(pattern.search(text)), pattern.pattern
        assert _span(search_tail(pattern, text, words, start, end)) == _span(pattern.search(text, start, end))


def test_the_longest_matches_are_found_whole():
    for text, pattern, found in (("The toll rose to in excess of ", numbers._BOUND_BEFORE, "in excess of "),
                                 ("It was not quickly ", attribution._PASSIVE_BEFORE, "was not quickly "),
                                 ("(is also reportedly\n", attribution._PASSIVE_BEFORE, "is also reportedly\n"),
                                 ("On Wednesday, ", numbers._DATE_BEFORE, "Wednesday, "),
                                 ("Route A-\n", numbers._IDENT_BEFORE, "A-")):
        words = dict(SEARCHED)[pattern]
        assert search_tail(pattern, text, words).group() == pattern.search(text).group() == found
