"""Findings: what a rule reports, as offsets into the document text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
CATEGORIES = ("unattributed", "vague-attribution", "other")


@dataclass(frozen=True, slots=True)  # slots: a 50 MB article has ~250,000 findings
class Finding:
    rule: str  # code, e.g. ATR001
    name: str  # slug, e.g. unattributed-numeric-claim
    category: str
    severity: str
    message: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    claim_kind: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)  # a dict, or an EvidenceRecord

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)

    def __reduce__(self):
        # --jobs workers send findings back pickled: the dataclass default for a frozen
        # slots class (a Python loop over fields() per finding) was ~7 µs a finding.
        return (Finding, tuple(map(self.__getattribute__, _FINDING_FIELDS)))


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))  # in the order Finding() takes them


class EvidenceRecord(Mapping):
    """A finding's evidence with a fixed set of keys, kept in slots.

    The built-in rules report hundreds of thousands of findings on a big archive file, and
    a dict per finding costs 184 bytes against 48 for two slots (about 30 MB of the peak on
    a 50 MB article).  A subclass names its keys in ``__slots__``; it reads like a
    read-only dict (``evidence["claim"]``, ``.items()``, ``==`` with a dict), and the output
    formats turn it into a dict.  Plugins may keep passing plain dicts.
    """

    __slots__ = ()

    def __init__(self, **values: Any) -> None:
        for key in self.__slots__:
            object.__setattr__(self, key, values.pop(key))
        if values:
            raise TypeError(f"{type(self).__name__}: unknown evidence key(s): {', '.join(values)}")

    def __getitem__(self, key: str) -> Any:
        if key in self.__slots__:
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.__slots__)

    def __len__(self) -> int:
        return len(self.__slots__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __reduce__(self):  # pickled between --jobs workers and the main process
        return _rebuild_evidence, (type(self), *map(self.__getattribute__, self.__slots__))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


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
