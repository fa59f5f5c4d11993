"""Word lists as fast regular expressions.

The ``regex`` module tries the branches of an alternation one after another at every
position, so ``(?:said|says|saying|...)`` with hundreds of forms costs hundreds of
attempts per word.  :func:`literal_alternation` groups the words by their first
characters (``s(?:a(?:ying|id|ys))``), so the engine rejects most words after one or two
comparisons.  Two levels of grouping are enough: deeper nesting compiles slower (and
compiling is most of a small run's start-up) without scanning faster.

The result prefers the longest form that matches, exactly like an alternation sorted
longest first: forms that match at the same place are prefixes of one another, so they
share a group and keep their longest-first order inside it (a form that ends where a
group starts is its empty, last, branch).
"""

from __future__ import annotations

import regex

from attrlint.pattern_cache import code_stamp, compile_pattern, remembered

# Characters that mean themselves in a pattern; a space stands for ``\s+`` in escaped forms.
_PLAIN_WORD = compile_pattern(r"[\p{L}\p{N}'’&-]+")
_PLAIN_PHRASE = compile_pattern(r"[\p{L}\p{N}'’&-]+(?: [\p{L}\p{N}'’&-]+)*")
GROUPING_DEPTH = 2
_STAMP = code_stamp(__file__)


def literal_alternation(forms, *, escaped: bool) -> str:
    """Regex source matching any of ``forms``, longest first; use with IGNORECASE.

    ``escaped=True``: forms are plain text (a space matches ``\\s+``).  ``escaped=False``:
    forms are regex fragments; when one is not a plain word, the result is the ordinary
    longest-first alternation, so every entry keeps its meaning.
    """
    forms = list(dict.fromkeys(forms))
    plain = _PLAIN_PHRASE if escaped else _PLAIN_WORD
    if not all(plain.fullmatch(f) for f in forms):
        ordered = sorted(forms, key=len, reverse=True)
        if escaped:
            return "|".join(_escape(f) for f in ordered)
        return "|".join(ordered)
    words = sorted({f.lower() for f in forms})
    # Kept in the pattern cache: grouping the ~600 reporting-verb forms costs milliseconds a run.
    return remembered("grouped-alternation", _STAMP, (tuple(words), GROUPING_DEPTH),
                      lambda: _grouped(words, GROUPING_DEPTH))


def _grouped(forms: list[str], depth: int) -> str:
    if depth == 0 or len(forms) <= 1:
        return "|".join(_escape(f) for f in sorted(forms, key=len, reverse=True))
    by_first: dict[str, list[str]] = {}
    for form in forms:
        if form:
            by_first.setdefault(form[0], []).append(form[1:])
    branches = []
    for first, rests in by_first.items():
        inner = _grouped(rests, depth - 1)
        already_grouped = depth > 1 and len(rests) > 1
        branches.append(_escape(first) + (inner if already_grouped or not inner else f"(?:{inner})"))
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in forms else body


def _escape(text: str) -> str:
    return regex.escape(text).replace(r"\ ", r"\s+")
