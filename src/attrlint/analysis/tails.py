"""Searching a pattern anchored at the end of a text (``...\\s*$``) from near the end.

``pattern.search(text)`` tries such a pattern at every position although a match can only
start within the text's last few words.  When a match spans at most ``words`` words (runs
of non-whitespace: the pattern separates them by whitespace) and only whitespace follows
it, it starts no earlier than the last ``words`` of them, so the search starts there and
finds the same match (``\\b`` and look-behinds still see the text before that point).
"""

from __future__ import annotations

import regex


def search_tail(pattern: regex.Pattern, text: str, words: int, start: int = 0,
                end: int | None = None) -> regex.Match | None:
    """``pattern.search(text, start, end)`` for a pattern whose matches end the text and
    span at most ``words`` whitespace-separated words."""
    if end is None:
        end = len(text)
    parts = text[start:end].rsplit(None, words)
    if len(parts) > words:
        start += len(parts[0])  # the last ``words`` words start after this
    return pattern.search(text, start, end)
