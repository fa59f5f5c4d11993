"""Word lists as fast regular expressions.

The ``regex`` module tries the branches of an alternation one after another at every
position, so ``(?:said|says|saying|...)`` with hundreds of forms costs hundreds of
attempts per word.  :func:`literal_alternation` writes the same set of words as a
prefix tree (``sa(?:id|ys|ying)``), which the engine walks one character at a time.

The tree prefers the longest form that matches (each optional tail is greedy), which is
exactly what an alternation sorted longest-first does: two forms that match at the same
place are always prefixes of one another, so "longest first" and "deepest first" agree,
including when the pattern around them backtracks.
"""

from __future__ import annotations

import regex

# Characters that mean themselves in a pattern; a space stands for ``\s+`` in escaped forms.
_PLAIN_WORD = regex.compile(r"[\p{L}\p{N}'’&-]+")
_PLAIN_PHRASE = regex.compile(r"[\p{L}\p{N}'’&-]+(?: [\p{L}\p{N}'’&-]+)*")


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
            return "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in ordered)
        return "|".join(ordered)
    root: dict = {}
    for form in forms:
        node = root
        for ch in form.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = [(r"\s+" if ch == " " else regex.escape(ch)) + _emit(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body
