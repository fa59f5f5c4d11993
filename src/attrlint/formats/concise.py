"""``--format concise``: one line per finding, ``path:line:col: CODE message``.

For grep, editors' quickfix lists (Vim's ``errorformat``, Emacs' compilation mode) and
quick terminal scans.  No colour, no summary.
"""

from __future__ import annotations

from collections.abc import Iterator


class ConciseLines(str):
    """One file's lines, rendered by the ``--jobs`` worker that linted it."""

    __slots__ = ()


class ConciseFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    @staticmethod
    def render_file(result) -> ConciseLines:
        return ConciseLines("".join(_lines(result)))

    def write(self, report) -> None:
        for result in report.files:
            if isinstance(result.rendered, ConciseLines):
                self.stream.write(result.rendered)
            else:
                for line in _lines(result):
                    self.stream.write(line)


def _lines(result) -> Iterator[str]:
    for f in result.findings:
        line, column = result.document.lines.position(f.start)
        message = " ".join(f.message.split())  # one line, whatever the message holds
        yield f"{result.path}:{line}:{column}: {f.rule} {message}\n"
