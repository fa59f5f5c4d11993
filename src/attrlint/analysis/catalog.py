"""The patterns attrlint scans article text with, listed in one place.

The benchmark's bare-regex ceiling (``benchmarks/bench.py ceiling``) runs exactly these
compiled pattern objects over a whole text with ``finditer`` and nothing around them, so
"how close is the linter to the cost of its own patterns" compares like with like.  A
new scanning pattern belongs here too; patterns that only test a few characters around a
candidate (dates, ages, clause breaks) are not scans and are left out.
"""

from __future__ import annotations

import regex

from attrlint.analysis import attribution, claims, numbers, quotes
from attrlint.analysis.lexicons import Lexicons, default_lexicons
from attrlint.document import segment
from attrlint.readers import plaintext


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
