"""``--format concise``: one line per finding, ``path:line:col: CODE message``.

For grep, editors' quickfix lists (Vim's ``errorformat``, Emacs' compilation mode) and
quick terminal scans.  No colour, no summary.
"""

from __future__ import annotations


class ConciseFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    def write(self, report) -> None:
        for result in report.files:
            for f in result.findings:
                line, column = result.document.lines.position(f.start)
                message = " ".join(f.message.split())  # one line, whatever the message holds
                self.stream.write(f"{result.path}:{line}:{column}: {f.rule} {message}\n")
