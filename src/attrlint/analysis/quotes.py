"""Direct quotations: where they open and close inside a block.

Curly quotes say which way they face; straight double quotes toggle.  A quotation left
open at the end of a block ends there (news style re-opens a continuing quote in the
next paragraph), so one unbalanced mark can never swallow the rest of an article.
Single quotes are ignored: they are mostly apostrophes and scare quotes.
"""

from __future__ import annotations

import regex

_MARK = regex.compile(r"[\"“”«»]")
_OPENERS = "“«"
_CLOSERS = "”»"


def quotation_spans(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans ``[open, close]`` (close mark included) of the quotations in one block."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _MARK.finditer(prose, start, end):
        mark = m.group()
        if mark in _OPENERS:
            if open_at < 0:
                open_at = m.start()
        elif mark in _CLOSERS:
            if open_at >= 0:
                spans.append((open_at, m.end()))
                open_at = -1
        elif open_at < 0:
            open_at = m.start()
        else:
            spans.append((open_at, m.end()))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, end))
    # Drop empty pairs such as '""'.
    return [(s, e) for s, e in spans if e - s > 2]
