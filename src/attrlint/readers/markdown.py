"""Markdown (CommonMark + tables + footnotes, YAML/TOML front matter) with exact offsets.

markdown-it gives line maps on block tokens only, so offsets are recovered in two steps:

1. each line of an inline token's ``content`` is the tail of its source line (container
   markers and indentation removed), which gives a per-line content -> source shift;
2. the inline children are walked forward through ``content``; with the ``text_join``
   rule disabled, every text token is a verbatim slice of it and every escape or entity
   is a ``text_special`` token whose ``markup`` is its source spelling.

Prose is: paragraphs, headings, list items, block quotes, table cells, link text, and
the front matter's title/description.  Code, raw HTML, URLs, images and footnote
definitions are blanked.  Links and footnote markers become citations; HTML comments
become comments (where suppression directives live).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from attrlint.document.model import Document
from attrlint.readers.frontmatter import toml_front_matter, yaml_fields
from attrlint.readers.prose import ProseBuilder, line_spans

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@cache
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    md.disable("text_join")  # keep escapes/entities as their own tokens, text verbatim
    return md


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def read(self, path: str, text: str) -> Document:
        return _MarkdownWalk(text).run(path)


class _MarkdownWalk:
    def __init__(self, text: str):
        self.text = text
        self.lines = line_spans(text)
        self.out = ProseBuilder(text)
        self.floor = 0  # source offset before which no later inline can start

    def run(self, path: str) -> Document:
        source = self.text
        toml = toml_front_matter(self.text, self.lines)
        if toml is not None:  # blank the header for markdown-it, keeping line numbers
            self._meta(toml.fields)
            source = "\n" * toml.line_count + self.text[toml.end :]
        containers: list[str] = []
        for token in _parser().parse(source):
            if token.type == "front_matter":
                first, last = token.map
                self._meta(yaml_fields(self.text, self.lines[first + 1 : last - 1]))
            elif token.nesting == 1:
                containers.append(token.type)
            elif token.nesting == -1:
                if containers:
                    containers.pop()
            elif token.type == "inline" and "footnote_open" not in containers:
                self._inline(token, _kind(containers))
            elif token.type == "html_block" and token.map:
                self._comments_in(*token.map)
        return self.out.document(path)

    # -- front matter -----------------------------------------------------------------
    def _meta(self, fields: list[list[tuple[int, int]]]) -> None:
        for spans in fields:
            self.out.begin_block()
            for start, end in spans:
                self.out.keep(start, end)
            self.out.end_block("meta")

    def _comments_in(self, first: int, last: int) -> None:
        start = self.lines[first][0]
        end = self.lines[min(last, len(self.lines)) - 1][1]
        for m in _HTML_COMMENT.finditer(self.text, start, end):
            self.out.comment(m.start(), m.end())

    # -- inline content ---------------------------------------------------------------
    def _inline(self, token, kind: str) -> None:
        content = token.content
        shift = self._line_shifts(content, token.map[0], suffix=(kind != "table_cell"))
        if shift is None:
            return
        starts, bases = shift

        def src(pos: int) -> int:
            i = bisect.bisect_right(starts, pos) - 1
            return bases[i] + pos - starts[i]

        out = self.out
        out.begin_block()
        cur = 0
        links: list[int] = []
        in_autolink = False
        for child in token.children or ():
            t = child.type
            if in_autolink:
                in_autolink = t != "link_close"
                continue
            if t == "text":
                p = content.find(child.content, cur) if child.content else -1
                if p >= 0:
                    cur = p + len(child.content)
                    out.keep(src(p), src(cur - 1) + 1)
            elif t == "text_special":
                p = content.find(child.markup, cur)
                if p >= 0:
                    cur = p + len(child.markup)
                    out.decoded(src(p), src(cur - 1) + 1, child.content)
            elif t in ("softbreak", "hardbreak"):
                p = content.find("\n", cur)
                cur = p + 1 if p >= 0 else cur
            elif t == "code_inline":
                cur = _after_code_span(content, cur, child.markup)
            elif t == "html_inline":
                p = content.find(child.content, cur)
                if p >= 0:
                    cur = p + len(child.content)
                    if child.content.startswith("<!--"):
                        out.comment(src(p), src(cur - 1) + 1)
            elif t == "link_open" and child.markup == "autolink":
                p = content.find("<", cur)
                q = content.find(">", p + 1) if p >= 0 else -1
                if q >= 0:
                    out.cite(src(p), src(q) + 1)
                    cur = q + 1
                in_autolink = True
            elif t == "link_open":
                p = content.find("[", cur)
                links.append(p + 1 if p >= 0 else cur)
                cur = links[-1]
            elif t == "link_close" and links:
                start = links.pop()
                q = content.find("]", cur)
                if q >= 0:
                    if start < q:
                        out.cite(src(start), src(q - 1) + 1)
                    cur = _after_link_tail(content, q + 1)
            elif t == "image":
                p = content.find("![", cur)
                if p >= 0:
                    cur = _after_link_tail(content, _closing_bracket(content, p + 1) + 1)
            elif t == "footnote_ref":
                p = content.find("[^", cur)
                q = content.find("]", p + 2) if p >= 0 else -1
                if q >= 0:
                    # A marker cites the text it is attached to: "rose 5%.[^1]" -> "." too.
                    out.cite(src(p) - (1 if p > 0 and not content[p - 1].isspace() else 0), src(q) + 1)
                    cur = q + 1
        out.end_block(kind)
        last = src(len(content) - 1) + 1 if content else self.floor
        self.floor = max(self.floor, last)

    def _line_shifts(self, content: str, first_line: int, suffix: bool):
        """``(content_line_starts, source_offsets)`` or None when the lines cannot be found.

        A content line is the tail of its source line (maybe less trailing space) for
        paragraphs, list items and quotes; otherwise (ATX heading with a closing ``#``
        run, table cells sharing a line) it is searched for after the previous inline."""
        starts, bases = [], []
        pos = 0
        for i, line in enumerate(content.split("\n")):
            if first_line + i >= len(self.lines):
                return None
            ls, le = self.lines[first_line + i]
            core = line.lstrip(" \t")
            lead = len(line) - len(core)
            found = -1
            if not core:
                found = ls
            elif suffix:
                seg = self.text[ls:le]
                for cand in (seg, seg.rstrip()):
                    if cand.endswith(core):
                        found = ls + len(cand) - len(core)
                        break
            if found < 0:
                found = self.text.find(core, max(ls, self.floor), le)
                if found < 0:
                    found = self.text.find(core, ls, le)
            if found < 0:
                return None
            starts.append(pos)
            bases.append(found - lead)
            pos += len(line) + 1
        return starts, bases


def _kind(containers: list[str]) -> str:
    """The block kind of an inline token from the containers it sits in."""
    for opened in reversed(containers):
        if opened == "heading_open":
            return "heading"
        if opened in ("td_open", "th_open"):
            return "table_cell"
        if opened == "list_item_open":
            return "list_item"
        if opened == "blockquote_open":
            return "blockquote"
    return "paragraph"


def _after_code_span(content: str, cur: int, fence: str) -> int:
    """Offset just past the code span whose opening backtick run ``fence`` is at/after cur."""
    p = content.find(fence, cur)
    if p < 0:
        return cur
    n = len(fence)
    j = p + n
    while True:
        k = content.find(fence, j)
        if k < 0:
            return p + n
        end = k + n
        while end < len(content) and content[end] == "`":
            end += 1
        if end - k == n and content[k - 1] != "`":
            return end
        j = end


def _closing_bracket(content: str, i: int) -> int:
    """Offset of the ``]`` closing the ``[`` at ``i`` (nesting and escapes respected)."""
    depth = 0
    j = i
    while j < len(content):
        ch = content[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return len(content) - 1


def _after_link_tail(content: str, i: int) -> int:
    """Skip a link's destination ``(url "title")`` or reference ``[label]`` after its ``]``."""
    if i >= len(content):
        return i
    if content[i] == "[":
        q = content.find("]", i + 1)
        return q + 1 if q >= 0 else i
    if content[i] != "(":
        return i
    j = i + 1
    depth = 1
    quote = ""
    n = len(content)
    while j < n:
        ch = content[j]
        if ch == "\\":
            j += 2
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch == "<":
            close = content.find(">", j + 1)
            j = close if close >= 0 else j
        elif ch in "\"'" and content[j - 1] in " \t\n":
            quote = ch
        elif ch == "(" and content[j - 1] in " \t\n":
            quote = ")"
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return i
