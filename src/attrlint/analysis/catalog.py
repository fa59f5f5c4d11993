"""The patterns attrlint scans article text with, listed in one place.

The benchmark's bare-regex ceiling (``benchmarks/bench.py ceiling``) scans a whole text
with exactly these compiled pattern objects and nothing around them, so "how close is
the linter to the cost of its own patterns" compares like with like.  It scans the way
the analysis does (:func:`scan_text`): the text's words are read once, and each pattern
is tried only where a match can start (:mod:`attrlint.analysis.wordindex`) for the
patterns in :data:`WORD_INDEXED`, and with ``finditer`` for the others.  ``finditer`` over the
same patterns (``plain=True``) is the cost of the patterns before that.  A new scanning
pattern belongs here too; patterns that only test a few characters around a candidate
(dates, ages, clause breaks) are not scans and are left out.
"""

from __future__ import annotations

import regex

from attrlint.analysis import attribution, claims, numbers, quotes
from attrlint.analysis.lexicons import Lexicons, default_lexicons
from attrlint.analysis.wordindex import SpanWords, matches
from attrlint.document import segment
from attrlint.readers import plaintext

# The patterns the analysis scans through the word index (the others with finditer).
WORD_INDEXED = frozenset({"quantities", "according-to", "by-agent", "issued-by", "reporting-verbs", "vague-phrases"})


def scanning_patterns(lexicons: Lexicons | None = None) -> dict[str, regex.Pattern]:
    """``{name: compiled pattern}`` for every pattern run across the prose of a document."""
    lex = lexicons or default_lexicons()
    return {
        "paragraph-breaks": plaintext._BLANK_LINE,
        "sentence-boundaries": segment._CANDIDATE,
        "credit-labels": segment._CREDIT_LABEL,
        "quotation-marks": quotes._MARK,
        "quantities": numbers._pattern(tuple(lex.number_words)),
        "according-to": attribution._ACCORDING,
        "by-agent": attribution._BY_AGENT,
        "issued-by": attribution._ISSUED,
        "reporting-verbs": attribution._verb_pattern(lex.reporting_verb_pattern),
        "vague-phrases": lex.vague_phrase_pattern,
        "claim-words": claims._WORD,
        "verb-candidates": claims._WORDS,
        "modal-speculation": claims._MODAL_SPECULATION,
    }


def scan_text(text: str, patterns: dict[str, regex.Pattern], plain: bool = False) -> int:
    """Scan all of ``text`` with each pattern as the analysis scans a sentence; the number
    of matches.  ``plain``: every pattern with ``finditer`` at every position instead."""
    words = None if plain else SpanWords(text, 0, len(text))
    found = 0
    for name, pattern in patterns.items():
        if words is not None and name in WORD_INDEXED:
            found += sum(1 for _ in matches(pattern, words))
        else:
            found += sum(1 for _ in pattern.finditer(text))
    return found
