"""Direct quotations: where they open and close inside a block.

Curly quotes say which way they face; straight double quotes toggle.  A quotation left
open at the end of a block ends there (news style re-opens a continuing quote in the
next paragraph), so one unbalanced mark can never swallow the rest of an article.
Single quotes are ignored: they are mostly apostrophes and scare quotes.
"""

from __future__ import annotations

import regex

from attrlint.pattern_cache import compile_pattern

_MARK = compile_pattern(r"[\"“”«»]")
_OPENERS = "“«"
_CLOSERS = "”»"


def quotation_spans(prose: str, start: int, end: int, starts_open: bool = False) -> list[tuple[int, int]]:
    """Spans ``[open, close]`` (close mark included) of the quotations in one block.

    ``starts_open``: the block carries on a quotation left open by the previous block; a
    quote mark opening the block re-opens it (news style) rather than closing it.
    """
    spans: list[tuple[int, int]] = []
    open_at = start if starts_open else -1
    if starts_open:
        lead = regex.match(r"\s*[\"“«]", prose, pos=start, endpos=end)
        if lead:
            start = lead.end()
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


def left_open(prose: str, spans: list[tuple[int, int]], block_end: int) -> bool:
    """Does the block end inside a quotation that no mark closed?"""
    return bool(spans) and spans[-1][1] == block_end and prose[block_end - 1] not in "\"”»"


def continues_quotation(prose: str, start: int, end: int) -> bool:
    """After a block left inside a quotation, does this block carry it on?  Yes when it opens
    with a quote mark (the news convention), or its first mark closes a quotation (a
    curly closer, or an odd number of straight marks): evidence, not a default, so one
    stray mark cannot turn the rest of an article into a quotation."""
    if regex.match(r"\s*[\"“«]", prose, pos=start, endpos=end):
        return True
    first = _MARK.search(prose, start, end)
    if first is None:
        return False
    if first.group() in _CLOSERS:
        return True
    if first.group() != '"' or _opens_here(prose, first.start(), end):
        return False  # 'the governor said, "The museum ...' opens a new quotation
    marks = _MARK.findall(prose, start, end)
    return all(m == '"' for m in marks) and len(marks) % 2 == 1


def _opens_here(prose: str, at: int, end: int) -> bool:
    """A straight quote with a space (or nothing) before it and a word after it opens."""
    before = prose[at - 1] if at > 0 else " "
    after = prose[at + 1] if at + 1 < end else " "
    return (before.isspace() or before in "([—–") and not after.isspace()
