"""Which findings a change touched: changed lines turned into offsets of the file's text.

A diff speaks of lines (git ends them at ``\\n`` only, so a CRLF file has the same lines);
findings speak of 0-based code-point offsets into the text the reader saw (no BOM, front
matter and markup in place).  Lines are converted to offset ranges here, once per file,
and a finding counts as changed when its *sentence* ``[sentence_start, sentence_end)``
overlaps a changed line, or has lines deleted from its middle.
"""

from __future__ import annotations

import bisect
import difflib

from attrlint.vcs.unified import FileChange


class ChangedText:
    """The changed parts of one file's text: offset ranges of added or changed lines, and
    the offsets (starts of lines) where lines were only deleted.  ``everything``: a new file."""

    __slots__ = ("ranges", "_starts", "joins", "everything")

    def __init__(self, text: str, change: FileChange) -> None:
        self.everything = change.is_new
        line_starts = _line_starts(text)

        def start_of(line: int) -> int:  # 1-based line; past the end: the end of the text
            return line_starts[line - 1] if line - 1 < len(line_starts) else len(text)

        self.ranges = [(start_of(first), start_of(last + 1)) for first, last in change.added]
        self._starts = [start for start, _ in self.ranges]
        self.joins = sorted(start_of(after + 1) for after in change.deleted_after if after > 0)

    def touches(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a changed line or straddles a deletion."""
        if self.everything:
            return True
        i = bisect.bisect_left(self._starts, end) - 1  # the last range starting before end
        if i >= 0 and self.ranges[i][1] > start:
            return True
        j = bisect.bisect_right(self.joins, start)
        return j < len(self.joins) and self.joins[j] < end

    def split(self, findings: list) -> tuple[list, int]:
        """``(kept, hidden)``: the findings whose sentence the change touched, and how many were not."""
        kept = [f for f in findings if self.touches(f.sentence_start, f.sentence_end)]
        return kept, len(findings) - len(kept)


def compare(old: str | None, new: str) -> FileChange:
    """The lines ``new`` added or changed against ``old`` (``None``: a new file), as a
    diff would list them.  Line ends are compared without ``\\r``, so a CRLF buffer is not
    different from the LF text git stores."""
    change = FileChange(path="new", old_path=None if old is None else "old")
    if old is None:
        return change
    matcher = difflib.SequenceMatcher(None, _lines(old), _lines(new), autojunk=False)
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            change.added.append((j1 + 1, j2))
        elif op == "delete":
            change.deleted_after.append(j1)
    return change


def _lines(text: str) -> list[str]:
    return [line.rstrip("\r") for line in text.split("\n")]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts
