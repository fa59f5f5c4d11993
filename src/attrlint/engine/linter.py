"""Running rules over documents and collecting a report."""

from __future__ import annotations

from dataclasses import dataclass, field

from attrlint.analysis.lexicons import Lexicons
from attrlint.document.model import Document
from attrlint.engine.findings import SEVERITY_RANK, Finding
from attrlint.engine.rule import RuleContext


@dataclass
class FileResult:
    path: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # internal errors (a rule raised), one line each


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)
    input_errors: list[str] = field(default_factory=list)  # unreadable paths, bad encodings, ...

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.files:
            for finding in f.findings:
                counts[finding.severity] += 1
        return counts

    def max_severity_rank(self) -> int:
        ranks = [SEVERITY_RANK[x.severity] for f in self.files for x in f.findings]
        return max(ranks, default=-1)

    @property
    def internal_errors(self) -> list[str]:
        return [e for f in self.files for e in f.errors]


def lint_document(document: Document, rules: list, lexicons: Lexicons,
                  options: dict | None = None, context: RuleContext | None = None) -> FileResult:
    """Run every rule on one document; a rule that raises is recorded, not fatal.

    Pass a ``context`` to reuse its analysis afterwards (``context.analysis``) instead of
    analysing the document a second time."""
    ctx = context or RuleContext(document, lexicons, options or {})
    result = FileResult(document.path, document)
    for rule in rules:
        try:
            result.findings.extend(rule.check(ctx))
        except Exception as exc:
            result.errors.append(f"{document.path}: rule {rule.code} ({rule.name}) raised "
                                 f"{type(exc).__name__}: {exc}")
    result.findings.sort(key=Finding.sort_key)
    return result
