"""Plain text: blank lines separate paragraphs (in a text with no blank line at all, a
line that ends a sentence or is a short heading ends a paragraph: the one-paragraph-per-
line layout of many exports and of text copied from a web page); the prose is the text
itself, except for
``<!-- ... -->`` comments standing alone on a line (suppression directives), which are
listed in ``Document.comments`` and blanked from the prose."""

from __future__ import annotations

import regex

from attrlint.document.model import Block, Document, Span
from attrlint.pattern_cache import compile_pattern

_BLANK_LINE = compile_pattern(r"(?:\r\n|\r|\n)[ \t\f\v]*(?:\r\n|\r|\n)")
_LINE_BREAK = compile_pattern(r"\r\n|\r|\n")
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


def line_blocks(text: str, start: int, end: int, kind: str = "paragraph") -> list[Block]:
    """Blocks of ``text[start:end]`` at its line breaks, where a line ends a paragraph: it
    ends with a sentence's closing punctuation, or it is a short line (a heading) followed
    by a capital.  A line that stops mid-sentence is hard-wrapped prose and runs on."""
    blocks: list[Block] = []
    cursor = start
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[cursor : m.start()].rstrip()
        after = text[m.end() : m.end() + 2].lstrip()
        heading = 0 < len(line.split()) <= 8 and after[:1].isupper()
        if line.endswith((".", "!", "?", ":", '"', "”", "’", ")", "…")) or heading:
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
        blocks = paragraph_blocks(text)
        if len(blocks) == 1 and _LINE_BREAK.search(text, blocks[0].start, blocks[0].end):
            blocks = line_blocks(text, blocks[0].start, blocks[0].end)
        return Document(path=path, text=text, prose=prose, blocks=blocks, comments=comments)
