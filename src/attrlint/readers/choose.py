"""Choosing a reader for a file by its extension."""

from __future__ import annotations

import os


def choose_reader(readers: list, path: str):
    """The first reader that claims the file's extension; plain text otherwise.

    A reader registered lazily (it has ``resolve_reader()``, see :mod:`attrlint.builtin`) is
    imported and built here, when a file first needs it."""
    ext = os.path.splitext(path)[1].lower()
    for reader in readers:
        if ext in reader.extensions:
            return _loaded(reader)
    for reader in readers:
        if "" in reader.extensions:
            return _loaded(reader)
    from attrlint.readers.plaintext import PlainTextReader

    return PlainTextReader()


def _loaded(reader):
    resolve = getattr(reader, "resolve_reader", None)
    return resolve() if callable(resolve) else reader
