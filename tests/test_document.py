"""The document model: offsets, line/column conversion, paragraphs and sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.document import segment
from attrlint.document.model import LineIndex
from attrlint.readers.plaintext import PlainTextReader


def sentences(text: str) -> list[str]:
    doc = PlainTextReader().read("t.txt", text)
    return [text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He stayed.", ["Mr. Smith went to Washington.", "He stayed."]),
        ("The U.S. economy grew 3.5 percent. Jobs rose.", ["The U.S. economy grew 3.5 percent.", "Jobs rose."]),
        ("Troops entered the U.S. The President spoke.", ["Troops entered the U.S.", "The President spoke."]),
        ("Gen. Syrskyi said so. Jan. 5 was cold.", ["Gen. Syrskyi said so.", "Jan. 5 was cold."]),
        ("Article No. 5 applies. It matters.", ["Article No. 5 applies.", "It matters."]),
        ("J. R. R. Tolkien wrote it. Fans agree.", ["J. R. R. Tolkien wrote it.", "Fans agree."]),
        ('"We won," she said. "It was hard."', ['"We won," she said.', '"It was hard."']),
        ("He said: \u201cIt is over.\u201d Then he left.", ["He said: \u201cIt is over.\u201d", "Then he left."]),
        ("Wait... what happened? Nobody knows!", ["Wait... what happened?", "Nobody knows!"]),
        ("It fell. . . Then it rose.", ["It fell. . .", "Then it rose."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_sentences_never_cross_paragraphs():
    assert sentences("A title without a stop\n\nThe body starts here. It ends.") == [
        "A title without a stop", "The body starts here.", "It ends."]


def test_hard_wrapped_lines_are_one_sentence():
    assert sentences("The ministry said that\nprices rose sharply.") == ["The ministry said that\nprices rose sharply."]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_index_handles_every_line_end(newline):
    text = f"ab{newline}cd{newline}{newline}ef"
    index = LineIndex(text)
    offset = text.index("e")
    assert index.position(offset) == (4, 1)
    assert index.offset(4, 1) == offset
    assert index.position(text.index("d")) == (2, 2)


def test_line_index_counts_code_points_not_bytes():
    text = "🙂 é 14,000 troops"
    assert LineIndex(text).position(text.index("14")) == (1, 5)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Evansville, Indiana, United States - The show opened.", "Evansville, Indiana, United States -"),
        ("KYIV (Reuters) — Sirens sounded across the city.", "KYIV (Reuters) —"),
        ("Taipei, Taiwan — The festival opened on Saturday.", "Taipei, Taiwan —"),
    ],
)
def test_place_dateline_opening_a_paragraph_is_its_own_unit(text, first):
    from attrlint.document.segment import split_sentences

    spans = split_sentences(text, 0, len(text))
    assert text[spans[0][0] : spans[0][1]] == first
    assert len(spans) == 2


def test_a_dash_inside_a_sentence_is_no_dateline():
    from attrlint.document.segment import split_sentences

    text = "The mayor, Ann Lee - a former nurse - opened the clinic."
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "A", "Mr", "1", " ", "  ", "\n", "\t", "\x1c", ".", "..", " .", " . .", "!", "?!",
                                  "…", '"', "“", "”", "’", ")", "]", "("]), max_size=16).map("".join), st.data())
def test_boundary_candidates_tried_at_stops_are_finditers(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for s, e in ((0, len(text)), (start, end)):
        expected = [m.span() for m in segment._CANDIDATE.finditer(text, s, e)]
        assert [m.span() for m in segment._candidates(text, s, e)] == expected
