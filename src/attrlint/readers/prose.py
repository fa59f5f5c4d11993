"""Building ``Document.prose`` for marked-up formats: keep the prose, blank the rest.

A reader tells a :class:`ProseBuilder` which stretches of the source are prose (copied
as they are), which are escapes or entities (their decoded character is written at the
first position, spaces after it, so the length never changes), and where blocks,
citations and comments are.  Everything else in ``prose`` is a space; line ends are kept
so that line numbers read off ``prose`` match the source.
"""

from __future__ import annotations

import re

from attrlint.document.model import Block, Document, Span

_NOT_LINE_END = re.compile(r"[^\r\n]+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def blank(text: str) -> str:
    """``text`` with every character but line ends replaced by a space."""
    if "\r" not in text:  # the usual case, without a regex
        return "\n".join(" " * len(line) for line in text.split("\n"))
    return _NOT_LINE_END.sub(lambda m: " " * len(m.group()), text)


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line without its terminator; ``\\r\\n``, ``\\r`` and ``\\n``
    all end a line (the convention of :class:`~attrlint.document.model.LineIndex` and of
    markdown-it, which normalises both to ``\\n``)."""
    if "\r" not in text:  # the usual case, without a regex
        spans, start = [], 0
        for line in text.split("\n"):
            spans.append((start, start + len(line)))
            start += len(line) + 1
        if len(spans) > 1 and spans[-1][0] == len(text):
            spans.pop()  # the empty "line" after a final newline
        return spans
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line and m.start() == len(text) and spans:
            break
        spans.append((m.start(), m.start() + len(line.rstrip("\r\n"))))
    return spans


class ProseBuilder:
    """Collects what a reader found in one source text and assembles the Document."""

    def __init__(self, text: str):
        self.text = text
        self._pieces: list[tuple[int, str]] = []  # (offset, replacement) in source order
        self.blocks: list[Block] = []
        self.citations: list[Span] = []
        self.comments: list[Span] = []
        self.decoded_spans: list[Span] = []
        self._block_from = 0

    def keep(self, start: int, end: int) -> None:
        """``text[start:end]`` is prose: copy it unchanged."""
        if start < end:
            self._pieces.append((start, self.text[start:end]))

    def decoded(self, start: int, end: int, value: str) -> None:
        """``text[start:end]`` (an entity or escape) reads as ``value``: write it at
        ``start`` and pad with spaces, keeping the length."""
        width = end - start
        if width > 0 and value:
            self._pieces.append((start, (value + " " * width)[:width]))
            if width > 1:
                self.decoded_spans.append(Span(start, end))

    def begin_block(self) -> None:
        self._block_from = len(self._pieces)

    def end_block(self, kind: str) -> None:
        """Close the block opened by :meth:`begin_block`: it spans the prose kept since."""
        pieces = [p for p in self._pieces[self._block_from :] if p[1].strip()]
        self._block_from = len(self._pieces)
        if pieces:
            start = min(p[0] for p in pieces)
            end = max(p[0] + len(p[1]) for p in pieces)
            self.blocks.append(Block(start, end, kind))

    def cite(self, start: int, end: int) -> None:
        if start < end:
            self.citations.append(Span(start, end))

    def comment(self, start: int, end: int) -> None:
        if start < end:
            self.comments.append(Span(start, end))

    def document(self, path: str) -> Document:
        out = []
        template = blank(self.text)
        cursor = 0
        for start, piece in sorted(self._pieces, key=lambda p: p[0]):
            if start < cursor:  # overlapping pieces: the source is the same, keep the first
                piece = piece[cursor - start :]
                start = cursor
            out.append(template[cursor:start])
            out.append(piece)
            cursor = start + len(piece)
        out.append(template[cursor:])
        self.blocks.sort(key=lambda b: b.start)
        return Document(path=path, text=self.text, prose="".join(out), blocks=self.blocks,
                        citations=sorted(self.citations, key=lambda s: s.start),
                        comments=sorted(self.comments, key=lambda s: s.start),
                        decoded=sorted(self.decoded_spans, key=lambda s: s.start))
