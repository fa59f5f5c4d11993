"""Running rules over documents and collecting a report."""

from __future__ import annotations

from attrlint.analysis.lexicons import Lexicons
from attrlint.document.model import Document
from attrlint.engine import suppressions
from attrlint.engine.findings import SEVERITY_RANK, Finding
from attrlint.engine.rule import RuleContext


class FileResult:
    """One linted file: its findings, and the rules' internal errors.

    ``rendered`` is the output format's part for this file when the format renders each
    file as soon as it is linted (``render_file``, see :mod:`attrlint.engine.batch`); the
    document and the passes are then released (``None``): the part holds what the format
    needed from them.
    """

    __slots__ = ("path", "document", "findings", "errors", "passes", "rendered")

    def __init__(self, path: str, document: Document | None, findings: list[Finding] | None = None,
                 errors: list[str] | None = None, passes: list[dict] | None = None, rendered=None):
        self.path = path
        self.document = document
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors  # internal errors (a rule raised), one line each
        self.passes = passes  # with --show-evidence: claims that passed and the cue that sourced them
        self.rendered = rendered

    def __reduce__(self):  # --jobs workers send results back pickled: through the constructor, not a state dict
        return FileResult, (self.path, self.document, self.findings, self.errors, self.passes, self.rendered)

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {len(self.findings)} finding(s), {len(self.errors)} error(s))"


class Report:
    __slots__ = ("files", "input_errors", "diff")

    def __init__(self, files: list[FileResult] | None = None, input_errors: list[str] | None = None,
                 diff: dict | None = None):
        self.files = [] if files is None else files
        self.input_errors = [] if input_errors is None else input_errors  # unreadable paths, bad encodings, ...
        self.diff = diff  # with --diff: {"base": REV, "hidden": findings left out on unchanged lines}

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
                  options: dict | None = None, explain_passes: bool = False,
                  context: RuleContext | None = None) -> FileResult:
    """Run every rule on one document; a rule that raises is recorded, not fatal.

    Findings covered by a suppression directive are dropped; rules that review the
    suppressions themselves (``runs_after_suppressions``) run after that.
    ``explain_passes`` also records, for every claim that passed, the cue taken as its
    attribution (``--show-evidence``).  Pass a ``context`` (built for the same rules) to
    reuse its analysis afterwards (``context.analysis``) instead of analysing twice.
    """
    ctx = context or RuleContext(document, lexicons, options or {}, frozenset(r.code for r in rules))
    result = FileResult(document.path, document)
    later = [r for r in rules if getattr(r, "runs_after_suppressions", False)]
    for rule in [r for r in rules if r not in later]:
        _run(rule, ctx, result)
    result.findings = suppressions.apply(document, result.findings, ctx.directives)
    reviewed = len(result.findings)
    for rule in later:
        _run(rule, ctx, result)
    result.findings[reviewed:] = suppressions.apply(document, result.findings[reviewed:], ctx.directives)
    if document.decoded:
        result.findings = [_widened(document, f) for f in result.findings]
    result.findings.sort(key=Finding.sort_key)
    if explain_passes:
        from attrlint.analysis.evidence import passed_claims

        result.passes = passed_claims(ctx.analysis)
    return result


def _run(rule, ctx: RuleContext, result: FileResult) -> None:
    try:
        result.findings.extend(rule.check(ctx))
    except Exception as exc:
        result.errors.append(f"{ctx.document.path}: rule {rule.code} ({rule.name}) raised "
                             f"{type(exc).__name__}: {exc}")


def _widened(document: Document, finding: Finding) -> Finding:
    """Findings never cut an entity or escape in two (``40&#37;`` reads ``40%`` in prose)."""
    start, end = document.widen(finding.start, finding.end)
    s_start, s_end = document.widen(finding.sentence_start, finding.sentence_end)
    if (start, end, s_start, s_end) == (finding.start, finding.end, finding.sentence_start, finding.sentence_end):
        return finding
    return finding.replace(start=start, end=end, sentence_start=s_start, sentence_end=s_end)
