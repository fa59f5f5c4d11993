"""Writing large JSON documents quickly: an indented outline, one line per streamed record.

``json.dump(..., indent=2)`` runs the pure-Python encoder (CPython's C encoder only
handles ``indent=None``) and hands the stream one tiny string per token.  Here the outline
of the document (the containers that hold the findings) is laid out with two-space
indentation like ``indent=2``, while every record of a *streamed* list (an iterator,
typically a generator, where ``json`` would want a list) is encoded by the C encoder on
a line of its own.  Records are produced one at a time and written in chunks,
so the whole report never exists as one Python object or one string.

A list may also arrive already encoded (:class:`EncodedItems`: each item JSON text, for
instance records a ``--jobs`` worker encoded while linting): it is laid out exactly as the
same records streamed, without encoding them again.  Inside a streamed list, an
:class:`EncodedItems` stands for its records in place (one file's share of the list).

The result is the same JSON value as ``json.dump`` of the same data with the generators
turned into lists; only the whitespace inside records differs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_encode = json.JSONEncoder(ensure_ascii=False).encode  # C encoder, ", " and ": " separators
CHUNK_CHARS = 1 << 16


def encode_record(value: Any) -> str:
    """``value`` as one line of JSON text, as a streamed record is written."""
    return _encode(value)


class EncodedItems(list):
    """A list of records already encoded by :func:`encode_record`, written as they are,
    one per line, exactly where the same records streamed would be."""

    __slots__ = ()


class _ChunkedWriter:
    """Collects small strings and writes them to the stream about 64K characters at a time."""

    def __init__(self, stream):
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK_CHARS:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.stream.write("".join(self.parts))
            self.parts, self.size = [], 0


def write_json(stream, value: Any) -> None:
    """Write ``value`` and a final newline to ``stream`` (see the module docstring)."""
    out = _ChunkedWriter(stream)
    _write(out, value, 0)
    out.add("\n")
    out.flush()


def write_json_lines(stream, records: Iterable) -> None:
    """Write each record on a line of its own (JSON Lines), in chunks."""
    out = _ChunkedWriter(stream)
    for record in records:
        out.add(_encode(record) + "\n")
    out.flush()


def _write(out: _ChunkedWriter, value: Any, depth: int) -> None:
    if isinstance(value, dict):
        _write_object(out, value, depth)
    elif isinstance(value, EncodedItems):
        _write_encoded(out, value, depth)
    elif isinstance(value, (list, tuple)):
        _write_items(out, value, depth, streamed=False)
    elif isinstance(value, Iterator):
        _write_items(out, value, depth, streamed=True)
    else:  # scalars; anything else fails here as it does in json.dumps
        out.add(_encode(value))


def _write_object(out: _ChunkedWriter, value: dict, depth: int) -> None:
    if not value:
        out.add("{}")
        return
    inner = "\n" + "  " * (depth + 1)
    separator = "{" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"JSON outline keys must be strings, not {type(key).__name__}")
        out.add(separator + _encode(key) + ": ")
        _write(out, item, depth + 1)
        separator = "," + inner
    out.add("\n" + "  " * depth + "}")


def _write_items(out: _ChunkedWriter, items: Iterable, depth: int, streamed: bool) -> None:
    inner = "\n" + "  " * (depth + 1)
    separator = "[" + inner
    for item in items:
        if streamed and isinstance(item, EncodedItems):
            if item:
                out.add(separator + ("," + inner).join(item))
                separator = "," + inner
            continue
        out.add(separator)
        if streamed:
            out.add(_encode(item))
        else:
            _write(out, item, depth + 1)
        separator = "," + inner
    out.add("[]" if separator.startswith("[") else "\n" + "  " * depth + "]")


def _write_encoded(out: _ChunkedWriter, items: EncodedItems, depth: int) -> None:
    if not items:
        out.add("[]")
        return
    inner = "\n" + "  " * (depth + 1)
    out.add("[" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "]")
