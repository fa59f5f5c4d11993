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
from typing import NamedTuple

import regex

from attrlint.analysis.match_starts import MatchStarts, match_starts, split_alternation, union
from attrlint.pattern_cache import compile_pattern

_RUN_SPLIT = compile_pattern(r"(\p{L}+)")
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


# Splitting pays when each word selects a few of many branches (verbs, vague phrases); a
# pattern of a few branches that any article needs nearly all of (quantities) is compiled whole.
_MIN_BRANCHES = 12
_DIGIT = compile_pattern(r"\d")
_SPACE = compile_pattern(r"\s")


class Source(NamedTuple):
    """A pattern not compiled yet: scanning it through :func:`scan` compiles only the parts
    of it that the text needs (see :class:`Scanner`)."""

    source: str
    flags: int


class Scanner:
    """One pattern with what can start its matches (``starts`` None: scan with ``finditer``).

    When the pattern is one big alternation (reporting verbs, vague phrases), the word or
    character at a candidate position selects the branches that can start there, and only
    those are compiled and tried (``patterns_at``): the whole pattern is never compiled, which
    is most of the start-up of a small run, and each attempt tries a few branches, not all.
    """

    __slots__ = ("source", "flags", "starts", "words", "prefixes", "opener", "alternation", "branch_starts",
                 "_compiled", "_by_key", "_branches")

    def __init__(self, source: str, flags: int, compiled: regex.Pattern | None = None) -> None:
        self.source, self.flags, self._compiled = source, flags, compiled
        self.alternation, self.branch_starts = None, ()
        alternation = split_alternation(source, flags, _MIN_BRANCHES)
        if alternation is not None and all(alternation.branch_starts):
            self.alternation, self.branch_starts = alternation, alternation.branch_starts
            self.starts = starts = union(alternation.branch_starts)  # a match starts in one of them
        else:
            self.starts = starts = match_starts(source, flags)
        self.words = starts.words if starts else frozenset()
        self.prefixes = tuple(sorted(starts.prefixes)) if starts else ()
        self.opener = _opener(starts) if starts else None
        self._by_key: dict[tuple[str, bool], tuple[regex.Pattern, ...]] = {}
        self._branches: dict[int, regex.Pattern] = {}

    @property
    def pattern(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = compile_pattern(self.source, self.flags)
        return self._compiled

    def patterns_at(self, key: str, is_word: bool) -> tuple[regex.Pattern, ...]:
        """The branches to try, in order, where the folded word (or the character) ``key``
        starts: ``head(?:A|B)tail`` matches there as ``head A tail`` does, or else as
        ``head B tail`` does (the head only asserts), so each branch is compiled on its own,
        once, whichever words select it."""
        found = self._by_key.get((key, is_word))
        if found is None:
            found = self._by_key[key, is_word] = tuple(
                self._branch(i) for i, starts in enumerate(self.branch_starts) if _can_open(starts, key, is_word))
        return found

    def _branch(self, i: int) -> regex.Pattern:
        compiled = self._branches.get(i)
        if compiled is None:
            compiled = self._branches[i] = compile_pattern(self.alternation.source((i,)), self.flags)
        return compiled


def _can_open(starts: MatchStarts, key: str, is_word: bool) -> bool:
    """Can a match with these starts open at the folded word (or the character) ``key``?"""
    if is_word:
        return key in starts.words or any(key.startswith(p) for p in starts.prefixes)
    return key in starts.chars or bool(starts.digit and _DIGIT.match(key)) or bool(starts.space and _SPACE.match(key))


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

    def keyed_candidates(self, scanner: Scanner) -> list[tuple[int, str, bool]]:
        """As :meth:`candidates`, each with the word (True) or character (False) found there."""
        positions = self.positions
        found: list[tuple[int, str, bool]] = []
        for word in scanner.words.intersection(positions):
            found += [(at, word, True) for at in positions[word]]
        if scanner.prefixes:
            for word, where in positions.items():
                if word.startswith(scanner.prefixes) and word not in scanner.words:
                    found += [(at, word, True) for at in where]
        if scanner.opener is not None:
            found += [(m.start(), m.group(), False) for m in scanner.opener.finditer(self.folded)]
        found.sort()
        return found


def _opener(starts: MatchStarts) -> regex.Pattern | None:
    """A pattern finding the non-letter characters that can open a match."""
    members = [regex.escape(c) for c in sorted(starts.chars)]
    if starts.digit and starts.digit_inside:
        members.append(r"\d")
    if starts.space:
        members.append(r"\s")
    parts = ["[" + "".join(members) + "]"] if members else []
    if starts.digit and not starts.digit_inside:
        parts.append(r"(?<!\d)\d")  # only where a run of digits starts
    return compile_pattern("|".join(parts)) if parts else None


_last: SpanWords | None = None


def span_words(text: str, start: int, end: int) -> SpanWords:
    """The words of ``text[start:end]``, kept for the next caller asking about the same span
    (every scanner of a sentence reads the same words)."""
    global _last
    last = _last
    if last is None or last.text is not text or last.start != start or last.end != end:
        last = _last = SpanWords(text, start, end)
    return last


_scanners: dict[Source, Scanner] = {}
# The same, by the identity of the object asked about (kept alive here, so its id stays its
# own): the lookup every scan of every sentence makes, without hashing a source.
_by_object: dict[int, tuple[object, Scanner]] = {}
_MAX_KNOWN_OBJECTS = 1024


def scanner(pattern: regex.Pattern | Source) -> Scanner:
    """The scanner of a compiled pattern or a :class:`Source`, built once."""
    known = _by_object.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    key = pattern if isinstance(pattern, Source) else Source(pattern.pattern, pattern.flags)
    found = _scanners.get(key)
    if found is None:
        found = _scanners[key] = Scanner(key.source, key.flags, None if isinstance(pattern, Source) else pattern)
    if len(_by_object) >= _MAX_KNOWN_OBJECTS:
        _by_object.clear()  # a long-lived process building lexicons again and again
    _by_object[id(pattern)] = (pattern, found)
    return found


def scan(pattern: regex.Pattern | Source, text: str, start: int, end: int) -> Iterable[regex.Match]:
    """The matches of ``pattern.finditer(text, start, end)``."""
    return matches(pattern, span_words(text, start, end))


def scan_slice(pattern: regex.Pattern | Source, text: str, start: int, end: int) -> Iterable[regex.Match]:
    """The matches of ``pattern.finditer(text[start:end])`` (positions relative to ``start``)."""
    return matches(pattern, span_words(text, start, end), sliced=True)


def matches(pattern: regex.Pattern | Source, words: SpanWords, sliced: bool = False) -> Iterable[regex.Match]:
    """The matches of ``pattern`` in the span ``words`` was read from, found from its words
    (``sliced``: in the span as a string of its own, as ``scan_slice``).  Matches of an
    alternation come from the sub-pattern of the branches tried there: the same spans and
    named groups as the whole pattern's, not the same group numbers."""
    found = scanner(pattern)
    if sliced:
        text, start, end = words.sliced, 0, words.end - words.start
    else:
        text, start, end = words.text, words.start, words.end
    if found.starts is None:
        return found.pattern.finditer(text, start, end)
    if found.alternation is not None:
        return _anchored_branches(found, text, start, end, words.keyed_candidates(found))
    return _anchored(found.pattern, text, start, end, words.candidates(found))


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


def _anchored_branches(scanner: Scanner, text: str, start: int, end: int,
                       candidates: list[tuple[int, str, bool]]) -> Iterable[regex.Match]:
    """As :func:`_anchored`, trying at each candidate only the branches that can start there."""
    found: list[regex.Match] = []
    resume = start
    for relative, key, is_word in candidates:
        at = start + relative
        if at < resume:
            continue
        for pattern in scanner.patterns_at(key, is_word):
            m = pattern.match(text, at, end)
            if m is not None:
                if m.end() == at:
                    return scanner.pattern.finditer(text, start, end)
                found.append(m)
                resume = m.end()
                break
    return found
