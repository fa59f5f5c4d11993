"""What can start a match of a pattern, read from the pattern's source.

The ``regex`` engine tries every branch of a big alternation at every position of the
text.  Most of attrlint's scanning patterns can only start at a few words ("said",
"according", a number word), at a digit or at a currency sign, so trying them only
there (see :mod:`attrlint.analysis.wordindex`) gives the same matches for a fraction of
the cost.  :func:`match_starts` works those starts out from the pattern source, so that
lexicon entries added through configuration and edits to a pattern are followed
automatically.

The analysis over-approximates: a start it reports may never match (that only costs an
attempt), but every position where the pattern can match is covered.  A letter start is
a *word*: the lowercase ASCII letters that open the match, with ``complete`` when the
pattern guarantees that the run of letters in the text ends there ("said" followed by a
non-letter) and a *prefix* otherwise.  It is only reported when the pattern also
guarantees that no letter precedes the match (``\\b``, ``(?<![\\p{L}...])``, ``(?<=\\s)``),
so the match starts where a run of letters starts.  A non-letter start is a set of
characters, digits (only where a run of digits starts, when the pattern rules out a digit
before the match) or whitespace.  Whenever the source uses something this module does not
understand at a place that decides where a match starts (``\\w`` or ``.`` at the start, a
non-ASCII letter, unusual flags), it answers ``None`` and the caller scans the plain way.

:func:`split_alternation` cuts a pattern ``head(?:branch|branch|...)tail`` into its
branches, each with its own starts, so that a scanner can try at a word only the branches
that can start with it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

from attrlint.pattern_cache import code_stamp, remembered

# Cached analyses are redone when this module or the parser changes.  The parser
# (:mod:`attrlint.analysis.pattern_shape`) is imported only when an analysis is not cached.
_STAMP = code_stamp(__file__, str(Path(__file__).with_name("pattern_shape.py")))


class MatchStarts(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """Where a match can start.  Words are lowercase ASCII; text is compared case-folded."""

    words: frozenset[str]  # the whole run of letters at the start equals one of these
    prefixes: frozenset[str]  # the run of letters at the start begins with one of these
    chars: frozenset[str]  # a non-letter character that can open a match
    digit: bool  # a ``\d`` character can open a match
    space: bool  # any ``\s`` character can open a match
    digit_inside: bool = True  # ... also right after another digit (else only where a run of digits starts)


@cache
def match_starts(source: str, flags: int) -> MatchStarts | None:
    """The starts of ``regex.compile(source, flags)``, or None when they cannot be worked out.
    Kept in the pattern cache between runs (the analysis costs milliseconds per pattern)."""
    stored = remembered("match-starts", _STAMP, (source, int(flags)),
                        lambda: _starts_data(_computed_match_starts(source, flags)))
    return _starts_from(stored)


def _computed_match_starts(source: str, flags: int) -> MatchStarts | None:
    from attrlint.analysis.pattern_shape import compute_match_starts

    return compute_match_starts(source, flags)


def _starts_data(starts: MatchStarts | None) -> tuple | None:
    """:class:`MatchStarts` as a plain tuple (``marshal`` takes no tuple subclass), and back below."""
    return None if starts is None else tuple(starts)


def _starts_from(data: tuple | None) -> MatchStarts | None:
    return None if data is None else MatchStarts(*data)


def union(starts: tuple[MatchStarts, ...]) -> MatchStarts:
    """The starts of an alternation of patterns with these starts."""
    return MatchStarts(frozenset().union(*(s.words for s in starts)), frozenset().union(*(s.prefixes for s in starts)),
                       frozenset().union(*(s.chars for s in starts)), any(s.digit for s in starts),
                       any(s.space for s in starts), any(s.digit_inside for s in starts))


class Alternation(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """A pattern ``head(?:branch|branch|...)tail`` whose head only asserts (``\\b``, lookbehinds):
    a match starts in one of the branches, so at a given position only the branches that
    can start there need trying, in their order."""

    head: str
    branches: tuple[str, ...]
    tail: str
    joiner: str  # between branches ("\\n|" in verbose patterns: a comment may end a branch)
    branch_starts: tuple[MatchStarts | None, ...]  # the starts of the pattern with one branch only

    def source(self, chosen: tuple[int, ...]) -> str:
        return self.head + self.joiner.join(self.branches[i] for i in chosen) + self.tail


@cache
def split_alternation(source: str, flags: int, min_branches: int = 2) -> Alternation | None:
    """The pattern as :class:`Alternation` (nested single-branch groups looked through), or
    None (also when it has fewer than ``min_branches`` branches).  Kept in the pattern cache."""
    stored = remembered("split-alternation", _STAMP, (source, int(flags), min_branches),
                        lambda: _alternation_data(_computed_split_alternation(source, flags, min_branches)))
    if stored is None:
        return None
    head, branches, tail, joiner, branch_starts = stored
    return Alternation(head, branches, tail, joiner, tuple(_starts_from(s) for s in branch_starts))


def _alternation_data(alternation: Alternation | None) -> tuple | None:
    if alternation is None:
        return None
    return (*alternation[:-1], tuple(_starts_data(s) for s in alternation.branch_starts))


def _computed_split_alternation(source: str, flags: int, min_branches: int) -> Alternation | None:
    from attrlint.analysis.pattern_shape import compute_split_alternation

    return compute_split_alternation(source, flags, min_branches)
