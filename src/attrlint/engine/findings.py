"""Findings: what a rule reports, as offsets into the document text."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    evidence: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
