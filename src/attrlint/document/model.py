"""The document model: the one place where offsets live.

Every position in attrlint is a 0-based code-point offset into ``Document.text``, the
file's text exactly as decoded.  Readers for marked-up formats do not build a second
string with different offsets; they build ``prose``, a copy of ``text`` *of the same
length* in which everything that is not prose (markup, URLs, code) is blanked out with
spaces.  Analysis runs on ``prose``, findings point into ``text``, and nothing ever
needs re-mapping.  Line/column numbers are computed only at the edges (output formats),
through :class:`LineIndex`.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property
from typing import NamedTuple

_LINE_END = re.compile(r"\r\n|\r|\n")


# The records below are NamedTuples, not dataclasses: every run defines them at start-up,
# where a frozen dataclass costs ~1 ms each and a NamedTuple ~0.2 ms.


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of code points in the document text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


class Block(NamedTuple):
    """A unit of prose that sentences never cross: a paragraph, heading, list item, cell.

    ``kind`` tells rules what the block is (a heading is not a claim); attribution never
    crosses from one block to another.
    """

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | list_item | blockquote | table_cell | meta


class Sentence(NamedTuple):
    start: int
    end: int
    block: int  # index into Document.blocks
    index_in_block: int


class LineIndex:
    """Offset <-> (line, column) conversion; lines and columns are 1-based code points.

    ``\\r\\n``, ``\\r`` and ``\\n`` all end a line, so columns stay right in files with
    Windows or old Mac line ends.
    """

    def __init__(self, text: str):
        # Linear and at C speed: one str.find per line when the text has only "\n" line
        # ends (searching for "\r" from every line would rescan the rest of the text).
        starts = [0]
        if "\r" not in text:
            find = text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
        else:
            starts.extend(m.end() for m in _LINE_END.finditer(text))
        self._starts = array("q", starts)  # 8 bytes a line instead of a list's 36

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """0-based offset of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


class Document:
    """An article ready for analysis.

    ``citations`` are spans the reader recognised as citing a source (hyperlinks,
    footnote markers); ``comments`` are spans of comments in the source (where
    suppression directives live); ``decoded`` are entities and escapes (``&amp;``,
    ``\\*``) whose character ``prose`` shows at their first position: a finding that
    ends or starts inside one is widened to cover it (:meth:`widen`).
    """

    def __init__(self, path: str, text: str, prose: str, blocks: list[Block], citations: list[Span] | None = None,
                 comments: list[Span] | None = None, decoded: list[Span] | None = None) -> None:
        if len(prose) != len(text):
            raise ValueError("prose must have exactly the length of text (offsets are shared)")
        self.path, self.text, self.prose, self.blocks = path, text, prose, blocks
        self.citations = [] if citations is None else citations
        self.comments = [] if comments is None else comments
        self.decoded = [] if decoded is None else decoded  # sorted by start, never overlapping

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, {len(self.text)} characters, {len(self.blocks)} blocks)"

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from attrlint.document.segment import split_sentences

        out: list[Sentence] = []
        for b, block in enumerate(self.blocks):
            for i, (s, e) in enumerate(split_sentences(self.prose, block.start, block.end)):
                out.append(Sentence(s, e, b, i))
        return out

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` grown so that no entity or escape is cut in two."""
        if self.decoded:
            starts = self._decoded_starts
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < self.decoded[i].end:
                start = self.decoded[i].start
            j = bisect.bisect_left(starts, end) - 1
            if j >= 0 and self.decoded[j].start < end < self.decoded[j].end:
                end = self.decoded[j].end
        return start, end

    @cached_property
    def _decoded_starts(self) -> list[int]:
        return [s.start for s in self.decoded]

    def sentence_text(self, sentence: Sentence | Span) -> str:
        return self.prose[sentence.start : sentence.end]
