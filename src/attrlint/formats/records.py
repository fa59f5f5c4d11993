"""The JSON contract's finding record, shared by every machine-readable format.

Offsets are converted to 1-based lines and code-point columns here, at the edge, and
nowhere else.  ``docs/json-output.md`` documents the contract (version 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from attrlint import __version__
from attrlint.engine.findings import Finding
from attrlint.engine.linter import FileResult, Report

if TYPE_CHECKING:
    from attrlint.formats.json_stream import EncodedItems

CONTRACT_VERSION = 1


def finding_record(finding: Finding, result: FileResult) -> dict[str, Any]:
    lines = result.document.lines
    line, column = lines.position(finding.start)
    end_line, end_column = lines.position(finding.end)
    record: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        "category": finding.category,
    }
    if finding.claim_kind is not None:
        record["claim_kind"] = finding.claim_kind
    record.update(
        severity=finding.severity,
        message=finding.message,
        start=finding.start,
        end=finding.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        sentence={"start": finding.sentence_start, "end": finding.sentence_end},
    )
    record["confidence"] = round(finding.confidence, 3)
    if finding.evidence:
        record["evidence"] = dict(finding.evidence)
    return record


class EncodedFileRecords(NamedTuple):
    """A file's finding records (and passes, with ``--show-evidence``) already encoded:
    :func:`encode_file_records`, the JSON format's per-file step."""

    findings: EncodedItems
    passes: EncodedItems | None


def encode_file_records(result: FileResult) -> EncodedFileRecords:
    """Encode ``result``'s records as JSON text where the file was linted (a ``--jobs``
    worker), so that the main process only lays them out (``result.rendered``)."""
    # Imported here: json_stream imports json, which the github format (also using this module) never needs.
    from attrlint.formats.json_stream import EncodedItems, encode_record

    passes = None if result.passes is None else EncodedItems(map(encode_record, result.passes))
    return EncodedFileRecords(EncodedItems(encode_record(finding_record(x, result)) for x in result.findings),
                              passes)


def _file_record(result: FileResult, collect) -> dict[str, Any]:
    if isinstance(result.rendered, EncodedFileRecords):
        findings, passes = result.rendered
    else:
        findings = collect(finding_record(x, result) for x in result.findings)
        passes = None if result.passes is None else collect(result.passes)
    record: dict[str, Any] = {"path": result.path, "findings": findings}
    if passes is not None:
        record["passes"] = passes
    return record


def summary_record(report: Report) -> dict[str, Any]:
    by_rule: dict[str, int] = {}
    for f in report.files:
        for x in f.findings:
            by_rule[x.rule] = by_rule.get(x.rule, 0) + 1
    counts = report.counts()
    return {
        "files": len(report.files),
        "findings": sum(counts.values()),
        "by_severity": counts,
        "by_rule": dict(sorted(by_rule.items())),
        "errors": [*report.input_errors, *report.internal_errors],
    }


def report_record(report: Report, streamed: bool = False) -> dict[str, Any]:
    """The whole JSON report.  ``streamed=True`` leaves each file's findings and passes as
    iterators, built one record at a time while :func:`attrlint.formats.json_stream.write_json`
    writes them (one line each), instead of lists held in memory.  Files a ``--jobs``
    worker already encoded (:func:`encode_file_records`) keep their encoded records."""
    collect = iter if streamed else list
    record = {
        "version": CONTRACT_VERSION,
        "tool": {"name": "attrlint", "version": __version__},
        "files": [_file_record(f, collect) for f in report.files],
        "summary": summary_record(report),
    }
    if getattr(report, "diff", None) is not None:  # --diff: the base and the findings hidden on unchanged lines
        record["diff"] = dict(report.diff)
    return record
