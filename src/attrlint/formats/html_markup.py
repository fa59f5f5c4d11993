"""Article text as HTML with highlighted ranges, escaped, properly nested.

Highlights are ranges of code-point offsets into ``Document.text`` (findings, attribution
cues).  They may nest or cross; HTML elements may only nest, so a highlight that crosses
the end of one opened before it is closed there and reopened right after (the later one is
split, the earlier one stays whole).  Every piece carries the highlight's shared attributes;
only the first carries the ``first_only`` ones (an ``id``, a ``tabindex``), so a split
highlight is still one focus stop and one anchor.

Text is escaped for an element whose whitespace is preserved: ``&``, ``<`` and ``>`` become
references, and a carriage return becomes ``&#13;`` (the HTML parser would otherwise turn
``\\r\\n`` into ``\\n`` and the page's text would no longer match the offsets).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    tag: str = "span"
    attrs: tuple[tuple[str, str], ...] = ()  # on every piece, in this order
    first_only: tuple[tuple[str, str], ...] = ()  # on the first piece only
    after: str = ""  # raw HTML emitted right after the last piece (e.g. a footnote marker)
    order: int = field(default=0, compare=False)  # tie-break between equal ranges


def escape_text(text: str) -> str:
    return html.escape(text, quote=False).replace("\r", "&#13;")


def escape_attr(value: str) -> str:
    return html.escape(value, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def mark_up(text: str, highlights: list[Highlight]) -> str:
    """``text`` as escaped HTML with every highlight wrapped in its element."""
    size = len(text)
    clamped = []
    for i, h in enumerate(highlights):
        start = min(max(h.start, 0), size)
        end = min(max(h.end, start), size)
        clamped.append((start, end, i, h))
    # Open the longer of two ranges that start together first, so it is the outer one.
    clamped.sort(key=lambda c: (c[0], -c[1], c[3].order, c[2]))
    boundaries = sorted({0, size, *(c[0] for c in clamped), *(c[1] for c in clamped)})

    out: list[str] = []
    stack: list[tuple[int, int, int, Highlight]] = []
    pieces: dict[int, int] = {}
    pos = 0
    nxt = 0

    def open_(c) -> None:
        h = c[3]
        first = c[2] not in pieces
        pieces[c[2]] = pieces.get(c[2], 0) + 1
        attrs = [*h.attrs, *(h.first_only if first else ())]
        rendered = "".join(f' {name}="{escape_attr(value)}"' for name, value in attrs)
        out.append(f"<{h.tag}{rendered}>")

    for b in boundaries:
        out.append(escape_text(text[pos:b]))
        pos = b
        if any(c[1] <= b for c in stack):
            reopen = []
            while any(c[1] <= b for c in stack):
                c = stack.pop()
                out.append(f"</{c[3].tag}>")
                if c[1] > b:
                    reopen.append(c)
                else:
                    out.append(c[3].after)
            for c in reversed(reopen):
                open_(c)
                stack.append(c)
        while nxt < len(clamped) and clamped[nxt][0] == b:
            c = clamped[nxt]
            nxt += 1
            open_(c)
            if c[1] == b:  # an empty range: an empty element marks the spot
                out.append(f"</{c[3].tag}>{c[3].after}")
            else:
                stack.append(c)
    return "".join(out)
