"""Inline suppressions: directives in comments that silence findings, visibly.

Directives live in ``<!-- ... -->`` comments, the spans a reader lists in
``Document.comments`` (in plain text: a comment standing alone on its own line)::

    <!-- attrlint-disable ATR001 -->  ...  <!-- attrlint-enable ATR001 -->
    <!-- attrlint-disable-line -->    <!-- attrlint-disable-next-line ATR002 -->
    <!-- attrlint-disable-file -->    <!-- vale off -->  ...  <!-- vale on -->

Without codes a directive covers every rule; codes may be prefixes and are separated
by spaces or commas; ``-- reason`` may follow them.  A comment that starts like a
directive but is not one is kept as an ``invalid`` directive, so it can be reported.
``disable-next-line`` covers the next line that is not blank.
Vale's comments switch every attrlint rule off and on too; they are not reported when
unused (they are there for Vale).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from attrlint.document.model import Document
from attrlint.engine.findings import Finding
from attrlint.pattern_cache import compile_pattern

_DIRECTIVE = compile_pattern(
    r"<!--\s*(?:attrlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[\s,]+[A-Za-z][A-Za-z0-9]*)*)(?:\s+--\s.*?)?|vale\s+(?P<vale>off|on))\s*-->",
    regex.IGNORECASE | regex.DOTALL,
)
_LOOKS_LIKE_DIRECTIVE = compile_pattern(r"<!--\s*attrlint-", regex.IGNORECASE)


class Directive:
    """One suppression comment.  (Plain classes here, not dataclasses: defined at every start-up.)"""

    __slots__ = ("verb", "codes", "start", "end", "used")

    def __init__(self, verb: str, codes: tuple[str, ...], start: int, end: int, used: set[str] | None = None):
        # disable | enable | disable-line | disable-next-line | disable-file | vale-off | vale-on | invalid
        self.verb = verb
        self.codes = codes  # empty: every rule
        self.start, self.end = start, end
        self.used = set() if used is None else used  # codes (or "*") that suppressed a finding

    def __repr__(self) -> str:
        return f"Directive({self.verb!r}, {self.codes!r}, {self.start}, {self.end}, used={self.used!r})"

    @property
    def text(self) -> str:
        if self.verb.startswith("vale"):
            return self.verb.replace("-", " ")
        return f"attrlint-{self.verb}" + "".join(f" {c}" for c in self.codes)

    def covers(self, code: str) -> str | None:
        """The directive code (or "*") that covers ``code``, if any."""
        if not self.codes:
            return "*"
        return next((c for c in self.codes if code.startswith(c)), None)


class Region(NamedTuple):
    """Offsets ``[start, end)`` where ``directive`` suppresses, except codes in ``spared``."""

    start: int
    end: int
    directive: Directive
    spared: tuple[str, ...] = ()


def find_directives(document: Document) -> list[Directive]:
    text = document.text
    out = []
    for start, end in ((c.start, c.end) for c in document.comments):
        m = _DIRECTIVE.fullmatch(text, start, end)
        if m is None:
            if _LOOKS_LIKE_DIRECTIVE.match(text, start, end):  # a typo must not silently do nothing
                out.append(Directive("invalid", (), start, end))
            continue
        if m["vale"]:
            out.append(Directive(f"vale-{m['vale'].lower()}", (), start, end))
        else:
            codes = tuple(c.upper() for c in regex.split(r"[\s,]+", m["codes"]) if c)
            out.append(Directive(m["verb"].lower(), codes, start, end))
    return out


def regions(document: Document, directives: list[Directive]) -> list[Region]:
    """Where each directive applies, as offset ranges."""
    lines = document.lines
    n = len(document.text)
    out: list[Region] = []
    open_: list[Region] = []  # disable/vale-off regions not yet closed
    for d in directives:
        if d.verb == "disable-file":
            out.append(Region(0, n, d))
        elif d.verb == "disable-line":
            line = lines.position(d.start)[0]
            out.append(Region(lines.line_start(line), _line_end(document, line), d))
        elif d.verb == "disable-next-line":
            line = _next_nonblank_line(document, lines.position(d.end)[0] + 1)
            if line is not None:
                out.append(Region(lines.line_start(line), _line_end(document, line), d))
        elif d.verb == "invalid":
            continue
        elif d.verb in ("disable", "vale-off"):
            open_.append(Region(d.end, n, d))
        else:  # enable / vale-on: close what it names, spare its codes from broader regions
            for r in list(open_):
                names = r.directive.codes
                if not d.codes or (names and all(any(c.startswith(e) for e in d.codes) for c in names)):
                    open_.remove(r)
                    out.append(Region(r.start, d.start, r.directive, r.spared))
                elif names and not any(c.startswith(e) or e.startswith(c) for c in names for e in d.codes):
                    continue  # enabling rules this region never disabled
                else:
                    open_.remove(r)
                    out.append(Region(r.start, d.start, r.directive, r.spared))
                    open_.append(Region(d.end, n, r.directive, r.spared + d.codes))
    out.extend(open_)
    return out


def _line_end(document: Document, line: int) -> int:
    lines = document.lines
    return lines.line_start(line + 1) if line < lines.line_count else len(document.text)


def _next_nonblank_line(document: Document, line: int) -> int | None:
    lines = document.lines
    while line <= lines.line_count:
        if document.text[lines.line_start(line) : _line_end(document, line)].strip():
            return line
        line += 1
    return None


def apply(document: Document, findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """The findings no directive covers; marks on each directive which of its codes were used.
    A finding that points at a directive (ATR901) is never silenced by that directive."""
    active = regions(document, directives)
    if not active:
        return findings
    kept = []
    for f in findings:
        suppressed = False
        for r in active:
            if r.directive.start <= f.start < r.directive.end:
                continue  # a directive never silences a finding about itself
            if r.start <= f.start < r.end and not any(f.rule.startswith(s) for s in r.spared):
                code = r.directive.covers(f.rule)
                if code is not None:
                    r.directive.used.add(code)
                    suppressed = True
        if not suppressed:
            kept.append(f)
    return kept
