"""Quick fixes as plain text insertions (offset, text), independent of the protocol.

- an attribution placeholder, ", according to [SOURCE]", at the end of the claim's
  sentence, before its final punctuation, for the writer to fill in;
- a ``<!-- attrlint-disable-next-line CODE -->`` line above the finding's line, with the
  line's indentation and line ending.

Positions are found in ``document.prose`` so markup (``**``, link targets) that the reader
blanked out is stepped over rather than split.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.document.model import Document
from attrlint.engine.findings import Finding

ATTRIBUTION_PLACEHOLDER = ", according to [SOURCE]"
_FINAL_PUNCTUATION = set(".!?…:;")
_CLOSERS = set("\"'”’»)]")


@dataclass(frozen=True)
class Insertion:
    offset: int
    text: str
    title: str


def attribution_insertion(document: Document, finding: Finding) -> Insertion:
    prose = document.prose
    end = finding.sentence_end
    while end > finding.end and prose[end - 1].isspace():  # trailing space or blanked markup
        end -= 1
    cut = end
    while cut > finding.end and (prose[cut - 1] in _FINAL_PUNCTUATION or prose[cut - 1] in _CLOSERS):
        cut -= 1
    return Insertion(cut, ATTRIBUTION_PLACEHOLDER, "Add an attribution placeholder (according to [SOURCE])")


def disable_next_line_insertion(document: Document, finding: Finding) -> Insertion:
    text = document.text
    line, _ = document.lines.position(finding.start)
    start = document.lines.line_start(line)
    indent_end = start
    while indent_end < len(text) and text[indent_end] in " \t":
        indent_end += 1
    eol_at = start
    while eol_at < len(text) and text[eol_at] not in "\r\n":
        eol_at += 1
    eol = "\r\n" if text.startswith("\r\n", eol_at) else (text[eol_at] if eol_at < len(text) else "\n")
    comment = f"{text[start:indent_end]}<!-- attrlint-disable-next-line {finding.rule} -->{eol}"
    return Insertion(start, comment, f"Disable {finding.rule} for this line")


def quick_fixes(document: Document, finding: Finding) -> list[Insertion]:
    """The fixes that make sense for a finding: a placeholder only where a source is
    missing (not where a vague one should be named), a suppression always."""
    fixes = []
    if finding.category == "unattributed":
        fixes.append(attribution_insertion(document, finding))
    fixes.append(disable_next_line_insertion(document, finding))
    return fixes
