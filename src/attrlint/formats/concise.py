"""``--format concise``: one line per finding, ``path:line:col: CODE message``.

For grep, editors' quickfix lists (Vim's ``errorformat``, Emacs' compilation mode) and
quick terminal scans.  No colour, no summary.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.formats.per_file import LineFormatter


class ConciseFormatter(LineFormatter):
    @staticmethod
    def lines(result) -> Iterator[str]:
        for f in result.findings:
            line, column = result.document.lines.position(f.start)
            message = " ".join(f.message.split())  # one line, whatever the message holds
            yield f"{result.path}:{line}:{column}: {f.rule} {message}\n"
