"""Word lists written as grouped patterns match exactly what a longest-first alternation matches."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.analysis.alternation import literal_alternation

# Few tokens, so that forms often extend one another ("ab", "abs", "ab so").
TOKENS = st.sampled_from(["ab", "abs", "a-b", "so", "it's"])
WORDS = st.lists(st.lists(TOKENS, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=15)
TEXT = st.lists(st.tuples(TOKENS, st.sampled_from([" ", "  ", "\n", ", ", ".", "x", ""]), st.booleans()),
                max_size=20).map(lambda parts: "".join((t.upper() if up else t) + sep for t, sep, up in parts))


def _spans(alternation: str, text: str) -> list[tuple[int, int]]:
    pattern = regex.compile(rf"(?<![\p{{L}}'’-])(?:{alternation})(?![\p{{L}}'’-])", regex.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(WORDS, TEXT)
def test_same_matches_as_longest_first_alternation(words, text):
    plain = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    assert _spans(literal_alternation(words, escaped=True), text) == _spans(plain, text)


def test_regex_fragments_keep_their_meaning():
    assert literal_alternation(["rumou?red", "said"], escaped=False) == "rumou?red|said"
    assert regex.fullmatch(literal_alternation(["two", "twenty", "ten"], escaped=False), "Twenty", regex.I)
