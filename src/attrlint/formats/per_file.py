"""What formats share to render each file in the ``--jobs`` worker that linted it.

A format's optional per-file step (``render_file``, docs/plugins.md) returns the file's
part of the output; :class:`RenderedPart` marks such a part in ``FileResult.rendered``.
:class:`LineFormatter` is the whole arrangement for formats that print a file as lines of
text: a subclass only says how a file's lines read.
"""

from __future__ import annotations

from collections.abc import Iterator


class RenderedPart(str):
    """One file's part of the output, rendered by the ``--jobs`` worker that linted it."""

    __slots__ = ()


class LineFormatter:
    """A format that prints each file as lines (one per finding, say): :meth:`lines`
    gives them; workers join them into the file's part, :meth:`write` prints the parts,
    or the lines themselves for a file no worker rendered."""

    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    @staticmethod
    def lines(result) -> Iterator[str]:
        """``result``'s lines, each ending in a newline."""
        raise NotImplementedError

    @classmethod
    def render_file(cls, result) -> RenderedPart:
        # A classmethod, so that the step pickles (by name) for ``spawn`` workers.
        return RenderedPart("".join(cls.lines(result)))

    def write(self, report) -> None:
        for result in report.files:
            if isinstance(result.rendered, RenderedPart):
                self.stream.write(result.rendered)
            else:
                self.write_file(result)

    def write_file(self, result) -> None:
        for line in self.lines(result):
            self.stream.write(line)
