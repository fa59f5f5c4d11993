"""Front matter: the prose fields of a YAML (``---``) or TOML (``+++``) header.

Only ``title`` and ``description``/``dek``/``summary`` are prose a reader sees; every
other key is data and is blanked.  We need the *source offsets* of each value, which
parsers do not give, so the fields are located line by line:

- YAML: top-level ``key: value`` scalars, plain, single- or double-quoted (possibly
  running over several lines) and block scalars (``|``, ``>``).  Locating these few
  shapes reliably is far less than a YAML dependency, and nothing else is needed.
- TOML: top-level ``key = "..."`` / ``'...'`` / ``\"\"\"...\"\"\"`` strings before the first
  table; ``tomllib`` first checks that the header is valid TOML and that the key holds a
  string, so a malformed header is blanked and never half-read.
"""

from __future__ import annotations

import re
import tomllib
from typing import NamedTuple

PROSE_KEYS = ("title", "description", "dek", "summary")
_KEYS = "|".join(PROSE_KEYS)
_YAML_KEY = re.compile(rf"(?:{_KEYS})[ \t]*:(?=[ \t]|$)[ \t]*")
_TOML_KEY = re.compile(rf"(?:{_KEYS})[ \t]*=[ \t]*")
_TOML_TABLE = re.compile(r"[ \t]*\[")


class FrontMatter(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """Where the header ends, and the source spans of each prose field (one list per field)."""

    end: int  # offset just past the closing fence line's terminator
    line_count: int  # lines the header occupies, fences included
    fields: list[list[tuple[int, int]]]


def toml_front_matter(text: str, lines: list[tuple[int, int]]) -> FrontMatter | None:
    """A TOML header (``+++`` fences) at the very start of ``text``, ``lines`` from
    ``line_spans``.  (YAML headers are found by markdown-it's front_matter plugin.)"""
    if not lines or text[lines[0][0] : lines[0][1]].rstrip() != "+++":
        return None
    for i in range(1, len(lines)):
        if text[lines[i][0] : lines[i][1]].rstrip() == "+++":
            end = lines[i + 1][0] if i + 1 < len(lines) else len(text)
            return FrontMatter(end, i + 1, _toml_fields(text, lines[1:i]))
    return None


def yaml_fields(text: str, body: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Prose fields of a YAML header whose lines (fences excluded) are ``body``."""
    fields = []
    for i, (ls, le) in enumerate(body):
        m = _YAML_KEY.match(text, ls, le)
        if not m:
            continue
        spans = _yaml_value(text, m.end(), le, body[i + 1 :])
        if spans:
            fields.append(spans)
    return fields


def _yaml_value(text: str, start: int, end: int, rest: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source spans of the scalar that begins at ``start`` (after ``key:``)."""
    head = text[start:end]
    following = _indented_lines(text, rest)
    if not head.strip() or head[0] in "|>":  # block scalar, or a plain scalar on the next lines
        if head.strip() and not re.fullmatch(r"[|>][-+0-9]*[ \t]*(?:#.*)?", head.strip()):
            return []
        return [_trimmed(text, s, e) for s, e in following if text[s:e].strip()]
    if head[0] in "\"'":
        return _quoted(text, start, [(start, end), *following], head[0])
    if head[0] in "[{&*!":  # flow collections, anchors, tags: not prose
        return []
    spans = [_trimmed(text, start, _before_comment(text, start, end))]
    spans += [_trimmed(text, s, _before_comment(text, s, e)) for s, e in following if text[s:e].strip()]
    return [s for s in spans if s[0] < s[1]]


def _indented_lines(text: str, rest: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines after a top-level key that still belong to its value (indented or blank)."""
    out = []
    for s, e in rest:
        line = text[s:e]
        if line.strip() and not line[0].isspace():
            break
        out.append((s, e))
    while out and not text[out[-1][0] : out[-1][1]].strip():
        out.pop()
    return out


def _quoted(text: str, start: int, lines: list[tuple[int, int]], quote: str) -> list[tuple[int, int]]:
    """Spans of a quoted scalar's inside, line by line, up to the closing quote."""
    spans = []
    pos = start + 1
    for s, e in lines:
        pos = max(pos, s)
        j = pos
        while j < e:
            ch = text[j]
            if quote == '"' and ch == "\\":
                j += 2
                continue
            if ch == quote:
                if quote == "'" and j + 1 < e and text[j + 1] == "'":
                    j += 2
                    continue
                spans.append(_trimmed(text, pos, j))
                return [sp for sp in spans if sp[0] < sp[1]]
            j += 1
        spans.append(_trimmed(text, pos, e))
    return []  # never closed: not a value we can trust


def _before_comment(text: str, start: int, end: int) -> int:
    """YAML comments start at `` #``."""
    j = text.find(" #", start, end)
    return end if j < 0 else j


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _toml_fields(text: str, body: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    if not body:
        return []
    try:
        data = tomllib.loads(text[body[0][0] : body[-1][1]])
    except tomllib.TOMLDecodeError:
        return []
    fields = []
    for i, (ls, le) in enumerate(body):
        if _TOML_TABLE.match(text, ls, le):
            break  # keys after a [table] header are not top-level
        m = _TOML_KEY.match(text, ls, le)
        if not m or not isinstance(data.get(text[ls:m.end()].split("=")[0].strip()), str):
            continue
        spans = _toml_string(text, m.end(), body[i:])
        if spans:
            fields.append(spans)
    return fields


def _toml_string(text: str, start: int, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    for delim in ('"""', "'''"):
        if text.startswith(delim, start):
            close = text.find(delim, start + 3, lines[-1][1])
            if close < 0:
                return []
            spans = []
            for s, e in lines:
                s, e = max(s, start + 3), min(e, close)
                if s < e:
                    spans.append(_trimmed(text, s, e))
                if e >= close:
                    break
            return [sp for sp in spans if sp[0] < sp[1]]
    quote = text[start : start + 1]
    if quote not in ('"', "'"):
        return []
    first = lines[0]
    return _quoted(text, start, [first], quote)
