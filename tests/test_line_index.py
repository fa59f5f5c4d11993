"""Line tables: the fast LineIndex agrees with a character-by-character reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.document.model import LineIndex


def _reference_positions(text: str) -> list[tuple[int, int]]:
    """(line, column) of every offset, walking the text one character at a time."""
    out, line, column, i = [], 1, 1, 0
    while i <= len(text):
        out.append((line, column))
        if i < len(text) and text[i] in "\r\n":
            if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
                out.append((line, column + 1))
                i += 1
            line, column = line + 1, 1
        else:
            column += 1
        i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab é\r\n\t", max_size=60))
def test_positions_match_reference(text):
    index = LineIndex(text)
    assert [index.position(o) for o in range(len(text) + 1)] == _reference_positions(text)
    for offset in range(len(text) + 1):
        assert index.offset(*index.position(offset)) == offset
