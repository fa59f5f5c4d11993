"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Conventions (design/ANCHORS.md): levels are error/warning/note; regions carry 1-based
lines and code-point columns (``columnKind: "unicodeCodePoints"``, ``endColumn``
exclusive) plus the 0-based ``charOffset``/``charLength``.  ``partialFingerprints`` are
built from the rule, the path, the claim's text and which occurrence of that text it is
in the file, not from line numbers, so an alert survives edits elsewhere in the article.

The formatter needs the rule registry (``options["rules"]``, code -> rule) to describe
the rules; findings from a rule missing there still get a minimal descriptor.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import quote

from attrlint import __version__
from attrlint.formats.json_stream import EncodedItems, encode_record, write_json
from attrlint.formats.records import finding_record

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "attrlintClaim/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_level(severity: str) -> str:
    return _LEVEL.get(severity, "warning")


@lru_cache(maxsize=1024)  # called once per finding with the same few paths
def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (with ``/``), absolute
    ones become ``file://`` URIs; both percent-encoded."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(PurePath(path).as_posix())


def claim_fingerprint(rule: str, path: str, claim: str, occurrence: int) -> str:
    normalised = " ".join(claim.split())
    key = "\x1f".join((rule, _posix_path(path), normalised, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1024)
def _posix_path(path: str) -> str:
    return PurePath(path).as_posix()


def rule_descriptor(code: str, rule) -> dict:
    if rule is None:
        return {"id": code}
    summary = getattr(rule, "summary", "") or rule.doc.split(". ")[0]
    description = rule.doc or summary
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description},
        "help": {"text": f"{description}\n\nRun 'attrlint explain {code}' for examples.",
                 "markdown": f"{description}\n\nRun `attrlint explain {code}` for examples."},
        "defaultConfiguration": {"level": sarif_level(rule.severity)},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def sarif_log(report, rules: dict, streamed: bool = False) -> dict:
    """The SARIF log.  ``streamed=True`` leaves the rule descriptors and the results as
    iterators for :func:`attrlint.formats.json_stream.write_json` (one line each).

    The rules are listed in code order, followed by codes findings used that ``rules``
    lacks, so that a rule's index is known before any file is linted (:class:`FileResults`)."""
    used = {f.rule for result in report.files for f in result.findings}
    codes = sorted(rules) + sorted(used - set(rules))
    index = {code: i for i, code in enumerate(codes)}
    collect = iter if streamed else list
    errors = [*report.input_errors, *report.internal_errors]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "attrlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": collect(rule_descriptor(code, rules.get(code)) for code in codes),
            }},
            "invocations": [{
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in errors],
            }],
            "columnKind": "unicodeCodePoints",
            "results": collect(_results(report, index)),
        }],
    }


def _results(report, index: dict[str, int]):
    for result in report.files:
        if isinstance(result.rendered, EncodedResults):
            yield result.rendered  # encoded by a --jobs worker: stands for its results in place
        else:
            yield from _file_results(result, index)


def _file_results(result, index: dict[str, int]):
    seen: dict[tuple[str, str], int] = {}
    for f in result.findings:
        claim = result.document.text[f.start : f.end]
        occurrence = seen.get((f.rule, claim), 0)
        seen[(f.rule, claim)] = occurrence + 1
        yield _result(f, result, index[f.rule], claim, occurrence)


class EncodedResults(EncodedItems):
    """One file's SARIF results, encoded by the ``--jobs`` worker that linted it."""

    __slots__ = ()


class FileResults:
    """The SARIF format's per-file step: a file's results encoded, with the index of each
    rule among the known ``rules``; a file with a finding of an unknown rule (its index
    depends on the other files) is left to :meth:`SarifFormatter.write`."""

    def __init__(self, rules: dict):
        self.index = {code: i for i, code in enumerate(sorted(rules))}

    def __call__(self, result) -> EncodedResults | None:
        if any(f.rule not in self.index for f in result.findings):
            return None
        return EncodedResults(map(encode_record, _file_results(result, self.index)))


def _result(f, result, rule_index: int, claim: str, occurrence: int) -> dict:
    r = finding_record(f, result)
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": sarif_level(f.severity),
        "rank": round(f.confidence * 100, 1),  # SARIF's 0.0-100.0 scale
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(result.path)},
            "region": {
                "startLine": r["line"], "startColumn": r["column"],
                "endLine": r["end_line"], "endColumn": r["end_column"],
                "charOffset": f.start, "charLength": f.end - f.start,
                "snippet": {"text": claim},
            },
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: claim_fingerprint(f.rule, result.path, claim, occurrence)},
        "properties": {"category": f.category, "name": f.name},
    }


class SarifFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream
        self.rules = (options or {}).get("rules") or {}
        self.render_file = FileResults(self.rules)

    def write(self, report) -> None:
        write_json(self.stream, sarif_log(report, self.rules, streamed=True))
