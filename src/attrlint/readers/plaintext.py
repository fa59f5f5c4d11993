"""Plain text: blank lines separate paragraphs; the prose is the text itself, except for
``<!-- ... -->`` comments standing alone on a line (suppression directives), which are
listed in ``Document.comments`` and blanked from the prose."""

from __future__ import annotations

import regex

from attrlint.document.model import Block, Document, Span
from attrlint.pattern_cache import compile_pattern

_BLANK_LINE = compile_pattern(r"(?:\r\n|\r|\n)[ \t\f\v]*(?:\r\n|\r|\n)")
_COMMENT_ALONE_ON_LINE = compile_pattern(r"^[ \t]*(<!--(?:(?!-->).)*-->)[ \t]*$", regex.MULTILINE)


def paragraph_blocks(text: str, start: int = 0, end: int | None = None, kind: str = "paragraph") -> list[Block]:
    """Blocks of ``text[start:end]`` separated by blank lines, trimmed of whitespace."""
    end = len(text) if end is None else end
    blocks = []
    cursor = start
    for m in _BLANK_LINE.finditer(text, start, end):
        _add(text, cursor, m.start(), kind, blocks)
        cursor = m.end()
    _add(text, cursor, end, kind, blocks)
    return blocks


def _add(text: str, s: int, e: int, kind: str, blocks: list[Block]) -> None:
    chunk = text[s:e]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        blocks.append(Block(s + lead, s + lead + len(stripped), kind))


class PlainTextReader:
    name = "text"
    extensions = (".txt", ".text", "")

    def read(self, path: str, text: str) -> Document:
        comments = [Span(*m.span(1)) for m in _COMMENT_ALONE_ON_LINE.finditer(text)]
        prose = text
        if comments:
            parts, cursor = [], 0
            for c in comments:
                parts += [text[cursor : c.start], " " * (c.end - c.start)]
                cursor = c.end
            prose = "".join(parts) + text[cursor:]
        return Document(path=path, text=text, prose=prose, blocks=paragraph_blocks(text), comments=comments)
