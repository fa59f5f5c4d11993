"""HTML articles: the text of the article body, with exact offsets.

``html.parser.HTMLParser(convert_charrefs=False)`` hands over each text run, entity and
tag with ``getpos()`` at its start, so every run maps straight back to the source.  The
body is ``<article>`` when present, else ``<main>``, else ``<body>`` (else the whole
fragment); ``script``, ``style``, ``code``, ``pre``, ``nav``, ``footer``, ``head`` and
similar are skipped.  Block elements start blocks; ``<a href>`` text is a citation;
comments are recorded for suppression directives.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from attrlint.document.model import Document
from attrlint.readers.prose import ProseBuilder

SKIPPED = frozenset({"script", "style", "code", "pre", "nav", "footer", "head", "template", "noscript",
                     "svg", "math", "iframe", "object", "select", "textarea", "button"})
# Elements whose start and end separate blocks (text never runs across them).
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "body", "header", "aside", "figure",
                         "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                         "blockquote", "table", "tr", "td", "th", "hr", "caption"})
# The innermost of these decides a block's kind; anything else is a paragraph.
_KIND = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
         "li": "list_item", "td": "table_cell", "th": "table_cell", "blockquote": "blockquote"}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})
# Start tags that implicitly close an open element of the same family (<p>...<p>, <li>...<li>).
_SELF_CLOSING_FAMILY = {"p": {"p"}, "li": {"li"}, "td": {"td", "th"}, "th": {"td", "th"}, "dt": {"dt", "dd"},
                        "dd": {"dt", "dd"}, "tr": {"tr"}}
_SCOPES = ("article", "main", "body")
_NEWLINE = re.compile("\n")


@dataclass
class _Run:
    """A stretch of prose (text or decoded entity) with what encloses it."""

    start: int
    end: int
    value: str | None  # None: copy the source; else the decoded entity
    block: int  # block counter: runs with the same number share a block
    kind: str
    scopes: frozenset[str]  # which of article/main/body enclose it


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, path: str, text: str) -> Document:
        walk = _HtmlWalk(text)
        walk.feed(text)
        walk.close()
        return walk.document(path)


class _HtmlWalk(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        # getpos() counts lines by "\n" only; offsets are rebuilt with the same rule.
        self._nl_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.stack: list[str] = []
        self.block = 0
        self.runs: list[_Run] = []
        self.links: list[tuple[int, int, frozenset[str]]] = []  # (first run index, block, scopes)
        self.open_links: list[int | None] = []  # run index at each open <a>, None for <a> without href
        self.comments: list[tuple[int, int]] = []
        self.seen_scopes: set[str] = set()

    # -- positions ----------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._nl_starts[line - 1] + col

    def _skipping(self) -> bool:
        return any(tag in SKIPPED for tag in self.stack)

    def _kind(self) -> str:
        for tag in reversed(self.stack):
            if tag in _KIND:
                return _KIND[tag]
        return "paragraph"

    def _scopes(self) -> frozenset[str]:
        return frozenset(tag for tag in self.stack if tag in _SCOPES)

    # -- parser events ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        family = _SELF_CLOSING_FAMILY.get(tag)
        if family and self.stack and self.stack[-1] in family:
            self.handle_endtag(self.stack[-1])
        elif tag in _BLOCK_TAGS and self.stack and self.stack[-1] == "p":
            self.handle_endtag("p")  # a block start closes an open paragraph
        if tag in _BLOCK_TAGS:
            self.block += 1
        if tag in _SCOPES:
            self.seen_scopes.add(tag)
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag == "a":
            has_href = any(name == "href" and value for name, value in attrs)
            self.open_links.append(len(self.runs) if has_href else None)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.block += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            top = self.stack.pop()
            if top == "a" and self.open_links:
                first = self.open_links.pop()
                if first is not None and first < len(self.runs):
                    self.links.append((first, len(self.runs)))
            if top in _BLOCK_TAGS:
                self.block += 1
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if data and not self._skipping():
            start = self._offset()
            self.runs.append(_Run(start, start + len(data), None, self.block, self._kind(), self._scopes()))

    def _entity(self, spelling: str) -> None:
        """An entity or character reference: its decoded character goes at its first position."""
        if self._skipping():
            return
        start = self._offset()
        end = start + len(spelling)
        if self.text.startswith(";", end):
            end += 1
        decoded = html.unescape(self.text[start:end])
        self.runs.append(_Run(start, end, decoded, self.block, self._kind(), self._scopes()))

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        end = self.text.find("-->", start)
        self.comments.append((start, end + 3 if end >= 0 else len(self.text)))

    # -- assembling -----------------------------------------------------------------------
    def document(self, path: str) -> Document:
        scope = next((s for s in _SCOPES if s in self.seen_scopes), None)
        keep = [scope is None or scope in run.scopes for run in self.runs]
        out = ProseBuilder(self.text)
        current = None
        for run, kept in zip(self.runs, keep, strict=True):
            if not kept:
                continue
            if current != (run.block, run.kind):
                if current is not None:
                    out.end_block(current[1])
                out.begin_block()
                current = (run.block, run.kind)
            if run.value is None:
                out.keep(run.start, run.end)
            else:
                out.decoded(run.start, run.end, run.value)
        if current is not None:
            out.end_block(current[1])
        for first, stop in self.links:
            inside = [r for r, k in zip(self.runs[first:stop], keep[first:stop], strict=True) if k]
            if inside:
                out.cite(inside[0].start, inside[-1].end)
        for start, end in self.comments:
            out.comment(start, end)
        return out.document(path)
