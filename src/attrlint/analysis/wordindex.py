"""Scanning a sentence with a pattern by trying it only where a match can start.

``pattern.finditer(text, start, end)`` makes the ``regex`` engine try the pattern at every
position; with big alternations (quantities, reporting verbs, vague phrases) that is most
of attrlint's time.  Here the sentence is read once into its runs of letters (case-folded,
with where each starts), shared by every pattern; :mod:`attrlint.analysis.match_starts`
says which words, characters or digits can open a match, and the pattern is tried
anchored (``pattern.match``) at those positions only, in order, skipping positions inside
the previous match.  Because every position where a match can start is tried, the
matches are exactly those of ``finditer``; a pattern whose starts cannot be worked out is
scanned with ``finditer`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from attrlint.analysis.match_starts import MatchStarts, match_starts

_RUN_SPLIT = regex.compile(r"(\p{L}+)")
# The only characters that match an ASCII letter case-insensitively (in the ``regex``
# module) but that ``str.lower`` does not turn into it; "İ" would also lengthen the text.
_FOLD_EXCEPTIONS = {"İ": "i", "ſ": "s"}


def fold(text: str) -> str:
    """``text`` lower-cased so that a case-insensitive ASCII comparison becomes ``==``.
    Same length as ``text``; letters stay letters and non-letters stay non-letters."""
    for odd, plain in _FOLD_EXCEPTIONS.items():
        if odd in text:
            text = text.replace(odd, plain)
    return text.lower()


class Scanner:
    """One pattern with what can start its matches (None: scan it with plain ``finditer``)."""

    __slots__ = ("pattern", "starts", "words", "prefixes", "opener")

    def __init__(self, pattern: regex.Pattern) -> None:
        self.pattern = pattern
        self.starts = starts = match_starts(pattern.pattern, pattern.flags)
        self.words = starts.words if starts else frozenset()
        self.prefixes = tuple(sorted(starts.prefixes)) if starts else ()
        self.opener = _opener(starts) if starts else None


class SpanWords:
    """The runs of letters of ``text[start:end]``: folded run -> where it starts (relative)."""

    __slots__ = ("text", "start", "end", "sliced", "folded", "positions")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.sliced = text[start:end]
        self.folded = fold(self.sliced)
        parts = _RUN_SPLIT.split(self.folded)  # gap, run, gap, run, ..., gap
        positions: dict[str, list[int]] = {}
        get = positions.get
        at = len(parts[0])
        for word, gap in zip(parts[1::2], parts[2::2], strict=True):
            found = get(word)
            if found is None:
                positions[word] = [at]
            else:
                found.append(at)
            at += len(word) + len(gap)
        self.positions = positions

    def candidates(self, scanner: Scanner) -> list[int]:
        """Relative positions where a match of the scanner's pattern can open, in order."""
        positions = self.positions
        found: list[int] = []
        for word in scanner.words.intersection(positions):
            found += positions[word]
        if scanner.prefixes:
            for word, where in positions.items():
                if word.startswith(scanner.prefixes) and word not in scanner.words:
                    found += where
        if scanner.opener is not None:
            found += [m.start() for m in scanner.opener.finditer(self.folded)]
        found.sort()
        return found


def _opener(starts: MatchStarts) -> regex.Pattern | None:
    """A character class finding the non-letter characters that can open a match."""
    parts = [regex.escape(c) for c in sorted(starts.chars)]
    if starts.digit:
        parts.append(r"\d")
    if starts.space:
        parts.append(r"\s")
    return regex.compile("[" + "".join(parts) + "]") if parts else None


_last: SpanWords | None = None


def span_words(text: str, start: int, end: int) -> SpanWords:
    """The words of ``text[start:end]``, kept for the next caller asking about the same span
    (every scanner of a sentence reads the same words)."""
    global _last
    last = _last
    if last is None or last.text is not text or last.start != start or last.end != end:
        last = _last = SpanWords(text, start, end)
    return last


@cache
def scanner(pattern: regex.Pattern) -> Scanner:
    return Scanner(pattern)


def scan(pattern: regex.Pattern, text: str, start: int, end: int) -> Iterable[regex.Match]:
    """The matches of ``pattern.finditer(text, start, end)``."""
    return matches(pattern, span_words(text, start, end))


def scan_slice(pattern: regex.Pattern, text: str, start: int, end: int) -> Iterable[regex.Match]:
    """The matches of ``pattern.finditer(text[start:end])`` (positions relative to ``start``)."""
    return matches(pattern, span_words(text, start, end), sliced=True)


def matches(pattern: regex.Pattern, words: SpanWords, sliced: bool = False) -> Iterable[regex.Match]:
    """The matches of ``pattern`` in the span ``words`` was read from, found from its words
    (``sliced``: in the span as a string of its own, as ``scan_slice``)."""
    found = scanner(pattern)
    text, start, end = (words.sliced, 0, words.end - words.start) if sliced else (words.text, words.start, words.end)
    if found.starts is None:
        return pattern.finditer(text, start, end)
    return _anchored(pattern, text, start, end, words.candidates(found))


def _anchored(pattern: regex.Pattern, text: str, start: int, end: int,
              candidates: list[int]) -> Iterable[regex.Match]:
    """Try ``pattern`` at ``start`` + each candidate, as ``finditer`` would reach them."""
    if not candidates:
        return ()
    found: list[regex.Match] = []
    match = pattern.match
    resume = start
    for relative in candidates:
        at = start + relative
        if at < resume:
            continue  # inside the previous match: finditer goes on from its end
        m = match(text, at, end)
        if m is not None:
            if m.end() == at:
                # An empty match: finditer's rules for what may follow one are its own.
                return pattern.finditer(text, start, end)
            found.append(m)
            resume = m.end()
    return found
