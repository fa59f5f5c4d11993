"""Offsets <-> LSP positions in the negotiated encoding (UTF-16 unless the client asks).

attrlint's offsets are code points into the document text.  LSP positions are 0-based
lines and columns counted in the client's code units.  Lines end at ``\\r\\n``, ``\\r`` or
``\\n`` only, as the LSP specification says (``str.splitlines`` would also split at
U+2028, form feeds and others, and disagree with the editor), so the lines are split
here and pygls's :class:`PositionCodec` converts code points to code units within a line.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class PositionMap:
    def __init__(self, text: str, codec: PositionCodec):
        self.codec = codec
        self.lines = _LINE.findall(text) or [""]
        if text.endswith(("\r", "\n")):
            self.lines.append("")  # the empty last line after a final line end
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line))

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.codec.position_to_client_units(self.lines, ServerTextPosition(line, offset - self.starts[line]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position (clamped to the document)."""
        if position.line >= len(self.lines):
            return self.starts[-1] + len(self.lines[-1])
        server = self.codec.position_from_client_units(self.lines, types.Position(position.line, position.character))
        content = self.lines[server.line].rstrip("\r\n")
        return self.starts[server.line] + min(server.character, len(content))
