"""Lexicons: the word lists under ``rules/lexicons`` turned into lookups and patterns.

A :class:`Lexicons` object is built once per configuration (built-in lists plus any
additions from configuration or declarative rule files) and shared by every analysis.
"""

from __future__ import annotations

from functools import cached_property

import regex

from attrlint.analysis import alternation
from attrlint.analysis.wordindex import Source
from attrlint.data import builtin_lexicon_files
from attrlint.pattern_cache import code_stamp, compile_pattern, remembered

_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")
# Derived verb forms and their pattern are redone when the inflection or the grouping changes.
_STAMP = code_stamp(__file__, alternation.__file__)


def inflect(entry: str) -> set[str]:
    """All forms of a verb entry: ``"announce"`` -> announce, announces, announced, announcing.

    ``"tell|told|telling"`` lists irregular forms explicitly; multi-word entries inflect
    their first word ("point out" -> "pointed out").
    """
    lemma, *irregular = [p.strip() for p in entry.split("|")]
    forms = {lemma, *irregular}
    head, _, tail = lemma.partition(" ")
    suffix = f" {tail}" if tail else ""
    if head.endswith("e"):
        regular = [head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        regular = [head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(_SIBILANT_ENDINGS):
        regular = [head + "es", head + "ed", head + "ing"]
    else:
        regular = [head + "s", head + "ed", head + "ing"]
    if irregular:
        # An irregular verb keeps its regular -s and -ing forms but not the regular past.
        regular = [regular[0], regular[2]]
    forms.update(r + suffix for r in regular)
    return forms


class Lexicons:
    """The active word lists.  ``extra`` maps a lexicon name to entries added by config."""

    def __init__(self, extra: dict[str, list[str]] | None = None) -> None:
        self.extra = {} if extra is None else extra

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicons) and self.extra == other.extra

    __hash__ = None  # mutable

    def entries(self, name: str) -> list[str]:
        base = builtin_lexicon_files().get(name, {}).get("entries", [])
        return list(dict.fromkeys([*base, *self.extra.get(name, [])]))

    @cached_property
    def _reporting_verbs(self) -> tuple[tuple[str, ...], str]:
        """Every form of the reporting verbs, and their pattern; kept in the pattern cache
        (inflecting and grouping ~600 forms is a few milliseconds of every run)."""
        entries = tuple(self.entries("reporting-verbs"))
        return remembered("reporting-verbs", _STAMP, entries, lambda: _reporting_verbs(entries))

    @cached_property
    def reporting_verb_forms(self) -> frozenset[str]:
        return frozenset(self._reporting_verbs[0])

    @cached_property
    def reporting_verb_lemmas(self) -> frozenset[str]:
        """The base forms ("say", "show", "state"): the forms a noun can share."""
        return frozenset(entry.split("|")[0].strip().lower() for entry in self.entries("reporting-verbs"))

    @cached_property
    def reporting_verb_pattern(self) -> str:
        """Every verb form, longest first (multi-word forms before one word), as a prefix tree."""
        return self._reporting_verbs[1]

    @cached_property
    def vague_sources(self) -> frozenset[str]:
        return frozenset(e.lower() for e in self.entries("vague-sources"))

    @cached_property
    def attribution_nouns(self) -> frozenset[str]:
        return frozenset(e.lower() for e in self.entries("attribution-nouns"))

    @cached_property
    def vague_phrase_scan(self) -> Source:
        """The vague-phrase pattern, compiled only in the parts a text needs (see ``wordindex``)."""
        # A space in an entry matches any run of whitespace: marked-up text blanked to prose
        # ("were *expected* to") leaves several.
        flexible = (e.replace(" ", r"\s+") for e in self.entries("vague-phrases"))
        alternatives = "|".join(f"(?:{e})" for e in flexible)
        return Source(rf"\b(?:{alternatives})\b", regex.IGNORECASE)

    @cached_property
    def vague_phrase_pattern(self) -> regex.Pattern:
        return compile_pattern(*self.vague_phrase_scan)

    @cached_property
    def number_words(self) -> list[str]:
        return self.entries("number-words")

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(self.entries("abbreviations"))

    @cached_property
    def sentence_starters(self) -> frozenset[str]:
        return frozenset(self.entries("sentence-starters"))


def _reporting_verbs(entries: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    forms = sorted({form.lower() for entry in entries for form in inflect(entry)})
    return tuple(forms), alternation.literal_alternation(forms, escaped=True)


_default: Lexicons | None = None


def default_lexicons() -> Lexicons:
    global _default
    if _default is None:
        _default = Lexicons()
    return _default
