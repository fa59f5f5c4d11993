"""Choosing a reader for a file by its extension."""

from __future__ import annotations

import os


def choose_reader(readers: list, path: str):
    """The first reader that claims the file's extension; plain text otherwise."""
    ext = os.path.splitext(path)[1].lower()
    for reader in readers:
        if ext in reader.extensions:
            return reader
    for reader in readers:
        if "" in reader.extensions:
            return reader
    from attrlint.readers.plaintext import PlainTextReader

    return PlainTextReader()
