"""The ``diffBase`` initialization option: diagnostics only where the buffer differs from a revision.

The editor's unsaved text is compared line by line with the file as git has it at the
revision (``git show REV:./name``); findings whose sentence touches no changed line are
left out, as ``attrlint --diff REV`` leaves them out on the command line.
"""

from __future__ import annotations

from attrlint.engine.linter import FileResult
from attrlint.vcs.changed import ChangedText, compare
from attrlint.vcs.git import show_file
from attrlint.vcs.unified import DiffError


def changed_findings(result: FileResult, path: str | None, rev: str) -> tuple[list, str | None]:
    """``(findings, problem)``: ``result``'s findings on lines changed since ``rev``.  A
    buffer with no file on disk, or one git cannot compare, keeps every finding, and
    ``problem`` says why (one line) when git failed."""
    if path is None:
        return result.findings, None
    try:
        old = show_file(rev, path)
    except DiffError as exc:
        return result.findings, f"attrlint: diffBase {rev!r}: {path}: {exc}"
    text = result.document.text
    kept, _hidden = ChangedText(text, compare(old, text)).split(result.findings)
    return kept, None
