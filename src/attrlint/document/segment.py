"""Sentence splitting for news prose.

A boundary is a run of terminal punctuation (``.``, ``!``, ``?``, ``…``), optionally
followed by closing quotes or brackets, then whitespace, then something that can open a
sentence.  Candidates are rejected after abbreviations (``Mr.``, ``Gen.``, ``Jan.``),
initials (``J. R. R.``), and dotted acronyms followed by a word that does not usually
start a sentence ("U.S. President ..."), so "the U.S. The President ..." still splits.
Decimals never split because the stop is not followed by whitespace.  A line break
inside a block is a soft space (hard-wrapped drafts), never a boundary on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from attrlint.analysis.lexicons import default_lexicons
from attrlint.analysis.wordindex import matches_at
from attrlint.pattern_cache import compile_pattern

# Terminal punctuation, closing quotes/brackets, whitespace, then an opener.
_CANDIDATE = compile_pattern(
    r"""
    # ., !, ?, …, or a spaced ellipsis ". . .".  A run is matched from its first character
    # only and never given back (possessive): a long run then costs one pass, not n passes.
    (?P<stop>(?<![.!?…])[.!?…]++|(?<!\s\.)(?:\s\.){2,}+)
    (?P<close>["'”’»)\]]*)           # closing quotes and brackets stay with the sentence
    (?P<space>\s+)
    (?=["'“‘«(\[]*[\p{Lu}\p{N}"“‘«(\[])  # next sentence opens with a capital, digit or quote
    """,
    regex.VERBOSE,
)
# Matched backwards from the stop (REVERSE): the cost is the word's length, not the
# distance back to the previous boundary.
_WORD_BEFORE = compile_pattern(r"(?r)([\p{L}\p{N}'’.-]+)")
_INITIAL = compile_pattern(r"^\p{Lu}$")
_DOTTED_ACRONYM = compile_pattern(r"^(?:\p{L}\.)+\p{L}?$")
_CREDIT_LABEL = compile_pattern(r"(?<=\s)(?:Image|Photo|Photograph|Picture|Credit)s?:\s")
# A place dateline opening a paragraph: "Taipei, Taiwan — ", "KYIV (Reuters) - ".
_PLACE = r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}"
PLACE_DATELINE = compile_pattern(
    rf"\s*(?:{_PLACE}(?:,[ \t]+{_PLACE}){{1,3}}|\p{{Lu}}{{2,}}(?:[ \t]+\p{{Lu}}{{2,}})?(?:[ \t]+\([^()\n]{{1,30}}\))?)"
    r"[ \t]+(?P<dash>[-–—])[ \t]+(?=\p{Lu})"
)
_NEXT_WORD = compile_pattern(r"[\"'“‘«(\[]*([\p{L}\p{N}]+)")


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``prose[start:end]``, trimmed of surrounding whitespace."""
    lex = default_lexicons()
    abbreviations = lex.abbreviations
    starters = lex.sentence_starters
    spans: list[tuple[int, int]] = []
    cursor = start
    dateline = PLACE_DATELINE.match(prose, start, end)
    if dateline:
        # "Evansville, Indiana, United States - This past week ...": the place line is a
        # unit of its own (a dateline, not part of the first sentence's claim).
        _append_trimmed(prose, start, dateline.end("dash"), spans)
        cursor = dateline.end()
    for m in _CREDIT_LABEL.finditer(prose, cursor, end):
        # "Playstation VR demo Image: Nick Moreau." - a photo credit is its own sentence.
        if m.start() > cursor and not prose[cursor : m.start()].rstrip().endswith((":", ",")):
            _append_sentences(prose, cursor, m.start(), spans, abbreviations, starters)
            cursor = m.start()
    _append_sentences(prose, cursor, end, spans, abbreviations, starters)
    return spans


# A boundary candidate starts at a stop (".", "!", "?", "…") or at the whitespace before a
# "." (a spaced ellipsis): finding those with a plain search and trying _CANDIDATE only
# there gives finditer's matches without the regex engine trying it at every space.
_STOP = re.compile(r"[.!?…]")


def _candidates(prose: str, start: int, end: int) -> Iterable[regex.Match]:
    """``_CANDIDATE.finditer(prose, start, end)``, tried only where a match can start."""
    starts = []
    for stop in _STOP.finditer(prose, start, end):
        at = stop.start()
        if at > start and prose[at] == "." and prose[at - 1].isspace():  # (``\s`` is ``isspace``)
            starts.append(at - 1)
        starts.append(at)
    return matches_at(_CANDIDATE, prose, start, end, starts)


def _append_sentences(prose: str, start: int, end: int, spans: list[tuple[int, int]],
                      abbreviations: frozenset[str], starters: frozenset[str]) -> None:
    cursor = start
    for m in _candidates(prose, start, end):
        stop = m.group("stop")
        if stop == ".":
            before = _WORD_BEFORE.match(prose, cursor, m.start())
            word = before.group(1) if before else ""
            bare = word.rstrip(".")
            if bare.split(".")[-1] in abbreviations or bare in abbreviations:
                # "Gen. Smith": an abbreviation only ends a sentence before a usual starter.
                nxt = _NEXT_WORD.match(prose, m.end())
                if not (nxt and nxt.group(1) in starters) or bare in _TITLES:
                    continue
            if _INITIAL.match(bare):
                continue
            if _DOTTED_ACRONYM.match(word):
                nxt = _NEXT_WORD.match(prose, m.end())
                if not (nxt and nxt.group(1) in starters):
                    continue
        elif stop.strip(" .") == "" and len(stop) > 1 or stop.startswith("…") or stop == "...":
            # An ellipsis ends a sentence only before a capital that starts one.
            nxt = _NEXT_WORD.match(prose, m.end())
            if not (nxt and nxt.group(1) in starters):
                continue
        sentence_end = m.end("close")
        _append_trimmed(prose, cursor, sentence_end, spans)
        cursor = m.end()
    _append_trimmed(prose, cursor, end, spans)


# Titles never end a sentence, whatever follows ("Dr. The ..." does not occur).
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Col", "Lt", "Capt", "Sgt", "Gov",
                     "Sen", "Rep", "Rev", "Hon", "St", "Mt", "Ft", "No", "Nos", "Adm", "Maj"})


def _append_trimmed(prose: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
