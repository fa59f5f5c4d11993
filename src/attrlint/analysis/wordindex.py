"""Scanning a sentence with a pattern by trying it only where a match can start.

``pattern.finditer(text, start, end)`` makes the ``regex`` engine try the pattern at every
position; with big alternations (quantities, reporting verbs, vague phrases) that is most
of attrlint's time.  Here the text is read once into its runs of letters (case-folded,
with where each starts), a few thousand characters ahead of the sentence asked about, and
shared by every pattern and by the next sentences (:class:`SpanWords`);
:mod:`attrlint.analysis.match_starts` says which words, characters or digits can open a
match, each pattern's candidate positions are worked out once per reading, and the pattern is tried
anchored (``pattern.match``) at those positions only, in order, skipping positions inside
the previous match.  Because every position where a match can start is tried, the
matches are exactly those of ``finditer``; a pattern whose starts cannot be worked out is
scanned with ``finditer`` itself.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress, repeat
from operator import itemgetter
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
                 "serial", "_compiled", "_by_key", "_branches")

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
        self.serial = _TRIGGERS.add(self.words)
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


class _Triggers:
    """The words that open a match of any scanner made so far: a reading of the words keeps
    only the runs that are one of them, and each scanner picks its own from those."""

    def __init__(self) -> None:
        self.words: frozenset[str] = frozenset()
        self.count = 0  # scanners whose words are in ``words``

    def add(self, words: frozenset[str]) -> int:
        """Take in a new scanner's words; its serial number."""
        self.words |= words
        self.count += 1
        return self.count - 1


_TRIGGERS = _Triggers()
_position = itemgetter(0)


def _can_open(starts: MatchStarts, key: str, is_word: bool) -> bool:
    """Can a match with these starts open at the folded word (or the character) ``key``?"""
    if is_word:
        return key in starts.words or any(key.startswith(p) for p in starts.prefixes)
    return key in starts.chars or bool(starts.digit and _DIGIT.match(key)) or bool(starts.space and _SPACE.match(key))


class SpanWords:
    """The runs of letters of ``text[start:end]``, read once for every scanner and every
    sentence in that span: each scanner's candidate positions over the whole span are
    worked out once (:meth:`candidates`) and a sentence inside it takes its share of them.

    A sentence ``text[s:e]`` inside the span (see :meth:`serves`) gets exactly the
    candidates it would get read on its own, because whitespace (or the span's own edge)
    stands on both sides of it: no run of letters or digits crosses its edges, and
    lower-casing, whose only context-dependent case (a final sigma) never looks across
    whitespace, folds its characters the same way.
    """

    __slots__ = ("text", "start", "end", "folded", "words", "starts", "_triggers", "_known", "_runs", "_found")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.folded = fold(text[start:end])
        parts = _RUN_SPLIT.split(self.folded)  # gap, run, gap, run, ..., gap
        self.words = parts[1::2]
        # parts[2k + 1] (the k-th run) starts where parts[: 2k + 1] end (absolute positions).
        self.starts = list(accumulate(map(len, parts), initial=start))[1::2]
        # The runs that open a match of a scanner known now (the first ``_known`` scanners).
        self._triggers, self._known = _TRIGGERS.words, _TRIGGERS.count
        self._runs: tuple[list[int], list[str]] | None = None
        self._found: dict[Scanner, tuple[list[int], list[tuple[int, str, bool]]]] = {}

    def serves(self, start: int, end: int) -> bool:
        """Can the candidates of ``text[start:end]`` be taken from this span's?"""
        text = self.text
        return (self.start <= start and end <= self.end
                and (start == self.start or text[start - 1].isspace())
                and (end == self.end or text[end].isspace()))

    def candidates(self, scanner: Scanner) -> tuple[list[int], list[tuple[int, str, bool]]]:
        """Where a match of the scanner's pattern can open in the whole span, in order (absolute
        positions), and the same with the word (True) or character (False) found there.
        Worked out once per scanner; a sentence takes its share with ``bisect``."""
        found = self._found.get(scanner)
        if found is not None:
            return found
        wanted = scanner.words
        if scanner.prefixes:
            starts, words = self.starts, self.words
            prefixes = scanner.prefixes
            mask = [w in wanted or w.startswith(prefixes) for w in words]
        else:
            starts, words = self._trigger_runs() if scanner.serial < self._known else (self.starts, self.words)
            mask = list(map(wanted.__contains__, words))
        keyed = list(zip(compress(starts, mask), compress(words, mask), repeat(True)))
        if scanner.opener is not None:
            start = self.start
            keyed += [(start + m.start(), m.group(), False) for m in scanner.opener.finditer(self.folded)]
            keyed.sort(key=_position)  # positions are unique: words start at letters, openers not
        found = self._found[scanner] = ([at for at, _, _ in keyed], keyed)
        return found

    def _trigger_runs(self) -> tuple[list[int], list[str]]:
        """Where the runs that are trigger words start, and those runs (read once)."""
        if self._runs is None:
            mask = list(map(self._triggers.__contains__, self.words))
            self._runs = list(compress(self.starts, mask)), list(compress(self.words, mask))
        return self._runs


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


# How much text one reading of the words covers: the sentences of a document are scanned in
# order, so one reading serves the next few thousand characters' worth of them.
_READ_AHEAD = 4096
_last: SpanWords | None = None


def span_words(text: str, start: int, end: int) -> SpanWords:
    """Words covering ``text[start:end]``, kept for the next callers: every scanner of a
    sentence, and the sentences after it, read the same words."""
    global _last
    last = _last
    if last is not None and last.text is text and last.serves(start, end):
        return last
    stop = end
    if end < len(text) and text[end].isspace():
        stop = max(end, min(len(text), start + _READ_AHEAD))
        space = _SPACE.search(text, stop)  # read ahead to a whitespace: the next sentence may end there
        stop = space.start() if space is not None else len(text)
    last = _last = SpanWords(text, start, stop)
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
    words = _last
    if words is None or words.text is not text or not words.serves(start, end):
        words = span_words(text, start, end)
    return _scan(scanner(pattern), words, start, end, False)


def scan_slice(pattern: regex.Pattern | Source, text: str, start: int, end: int) -> Iterable[regex.Match]:
    """The matches of ``pattern.finditer(text[start:end])`` (positions relative to ``start``)."""
    words = _last
    if words is None or words.text is not text or not words.serves(start, end):
        words = span_words(text, start, end)
    return _scan(scanner(pattern), words, start, end, True)


def matches(pattern: regex.Pattern | Source, words: SpanWords, sliced: bool = False) -> Iterable[regex.Match]:
    """The matches of ``pattern`` in the span ``words`` was read from, found from its words
    (``sliced``: in the span as a string of its own, as ``scan_slice``).  Matches of an
    alternation come from the sub-pattern of the branches tried there: the same spans and
    named groups as the whole pattern's, not the same group numbers."""
    return _scan(scanner(pattern), words, words.start, words.end, sliced)


def _scan(found: Scanner, words: SpanWords, start: int, end: int, sliced: bool) -> Iterable[regex.Match]:
    """The matches in ``text[start:end]``, a part of the span ``words`` serves."""
    if found.starts is None:
        if sliced:
            return found.pattern.finditer(words.text[start:end])
        return found.pattern.finditer(words.text, start, end)
    positions, keyed = words.candidates(found)
    first = bisect_left(positions, start)
    last = bisect_left(positions, end, first)
    if first == last:
        return ()  # the common case: nothing in the sentence can open a match
    text = words.text
    if sliced:
        text, offset, end = text[start:end], -start, end - start
        start = 0
    else:
        offset = 0
    if found.alternation is not None:
        return _anchored_branches(found, text, start, end, keyed[first:last], offset)
    return matches_at(found.pattern, text, start, end, positions[first:last], offset)


def matches_at(pattern: regex.Pattern, text: str, start: int, end: int,
               candidates: list[int], offset: int = 0) -> Iterable[regex.Match]:
    """``pattern.finditer(text, start, end)``, trying ``pattern`` only at each candidate +
    ``offset`` (in order; every position where a match can start must be among them)."""
    if not candidates:
        return ()
    found: list[regex.Match] = []
    match = pattern.match
    resume = start
    for at in candidates:
        at += offset
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
                       candidates: list[tuple[int, str, bool]], offset: int) -> Iterable[regex.Match]:
    """As :func:`_anchored`, trying at each candidate only the branches that can start there."""
    if not candidates:
        return ()
    found: list[regex.Match] = []
    resume = start
    for at, key, is_word in candidates:
        at += offset
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
