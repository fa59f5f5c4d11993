"""Findings: what a rule reports, as offsets into the document text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
CATEGORIES = ("unattributed", "vague-attribution", "other")


class Finding:
    """One thing a rule reports: where (offsets into the document text, and the sentence
    around it), what and how severe, and how confident the scorer is that it is right
    (0 to 1; 1.0 for rules nobody scores, such as plugins and house rules).  Read-only;
    :meth:`replace` makes a changed copy.

    A class with slots rather than a dataclass: a 50 MB article has ~250,000 findings, and
    every run would otherwise define a frozen dataclass at start-up (~1 ms).
    """

    __slots__ = ("rule", "name", "category", "severity", "message", "start", "end", "sentence_start",
                 "sentence_end", "claim_kind", "evidence", "confidence")
    rule: str  # code, e.g. ATR001
    name: str  # slug, e.g. unattributed-numeric-claim
    category: str
    severity: str
    message: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    claim_kind: str | None
    evidence: Mapping[str, Any]  # a dict, or an EvidenceRecord
    confidence: float  # 0..1; not part of a baseline's key (a new model must not invalidate one)

    def __init__(self, rule: str, name: str, category: str, severity: str, message: str, start: int, end: int,
                 sentence_start: int, sentence_end: int, claim_kind: str | None = None,
                 evidence: Mapping[str, Any] | None = None, confidence: float = 1.0) -> None:
        setter = object.__setattr__  # read-only: __setattr__ refuses
        setter(self, "rule", rule)
        setter(self, "name", name)
        setter(self, "category", category)
        setter(self, "severity", severity)
        setter(self, "message", message)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "sentence_start", sentence_start)
        setter(self, "sentence_end", sentence_end)
        setter(self, "claim_kind", claim_kind)
        setter(self, "evidence", {} if evidence is None else evidence)
        setter(self, "confidence", confidence)

    def _values(self) -> tuple:
        return tuple(map(self.__getattribute__, Finding.__slots__))

    def replace(self, **changes: Any) -> Finding:
        """A copy with ``changes`` (keyword names of the constructor) applied."""
        values = dict(zip(Finding.__slots__, self._values(), strict=True))
        unknown = changes.keys() - values.keys()
        if unknown:
            raise TypeError(f"Finding has no field(s): {', '.join(sorted(unknown))}")
        values.update(changes)
        return Finding(**values)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Finding is read-only (use .replace({name}=...))")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Finding is read-only")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{key}={value!r}" for key, value in zip(Finding.__slots__, self._values(), strict=True))
        return f"Finding({fields})"

    def __reduce__(self):
        # --jobs workers send findings back pickled: through the constructor, in one call.
        return (Finding, self._values())


class EvidenceRecord(Mapping):
    """A finding's evidence with a fixed set of keys, kept in slots.

    The built-in rules report hundreds of thousands of findings on a big archive file, and
    a dict per finding costs 184 bytes against 48 for two slots (about 30 MB of the peak on
    a 50 MB article).  A subclass names its keys in ``__slots__``; it reads like a
    read-only dict (``evidence["claim"]``, ``.items()``, ``==`` with a dict), and the output
    formats turn it into a dict.  Plugins may keep passing plain dicts.  A value given as an
    :class:`Excerpt` reads as the text it points at.
    """

    __slots__ = ()

    def __init__(self, **values: Any) -> None:
        for key in self.__slots__:
            object.__setattr__(self, key, values.pop(key))
        if values:
            raise TypeError(f"{type(self).__name__}: unknown evidence key(s): {', '.join(values)}")

    def __getitem__(self, key: str) -> Any:
        if key in self.__slots__:
            value = getattr(self, key)
            return value.text[value.start : value.end] if type(value) is Excerpt else value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.__slots__)

    def __len__(self) -> int:
        return len(self.__slots__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __reduce__(self):  # pickled between --jobs workers and the main process: excerpts as text
        return _rebuild_evidence, (type(self), *map(self.__getitem__, self.__slots__))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


class Excerpt:
    """Evidence that quotes the document: its text and offsets, sliced when read.  The
    sentence a finding is about, copied, is ~200 bytes a finding (~40 MB of the peak on a
    50 MB article); an excerpt is 56 and shares the text and the finding's offsets."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    def __repr__(self) -> str:
        return f"Excerpt({self.text[self.start : self.end]!r})"


def _rebuild_evidence(kind: type[EvidenceRecord], *values: Any) -> EvidenceRecord:
    record = object.__new__(kind)
    for key, value in zip(kind.__slots__, values, strict=True):
        object.__setattr__(record, key, value)
    return record


class ClaimEvidence(EvidenceRecord):
    """ATR004: the quotation."""

    __slots__ = ("claim",)


class FactualEvidence(EvidenceRecord):
    """ATR003: the claim and why it counted."""

    __slots__ = ("claim", "reason")


class NumericEvidence(EvidenceRecord):
    """ATR001: the first figure, every unsourced figure and their kinds."""

    __slots__ = ("claim", "quantities", "kinds")


class VagueEvidence(EvidenceRecord):
    """ATR002: the vague source phrase and the kind of cue."""

    __slots__ = ("vague_source", "cue")
