"""Finding and reading input files: folders walked, bytes decoded, errors in one line.

Every problem with an input becomes an :class:`InputError` whose message is one line
naming the file; the CLI prints it and exits 2.  Files are only ever opened for reading.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
_BINARY_SNIFF = 8192


class InputError(Exception):
    """A problem with one input; ``str(error)`` is the one-line message."""


@dataclass(frozen=True)
class Source:
    path: str  # as given or as found while walking
    text: str


def discover(paths: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
             exclude: list[str] | tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Expand folders into the files to lint.  Returns ``(files, errors)``.

    Files named explicitly are always linted, whatever their extension; folders are
    walked for ``extensions``, in sorted order, without following symlinked folders
    (so a symlink loop cannot trap the walk), skipping files and folders that match a
    glob in ``exclude`` below the walked folder (see :func:`attrlint.config.globs.path_matches`).
    """
    from attrlint.config.globs import path_matches

    files: list[str] = []
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not any(path_matches(os.path.join(root, d), g, p) for g in exclude))
                for name in sorted(names):
                    path = os.path.join(root, name)
                    if (name.lower().endswith(extensions) and not name.startswith(".")
                            and not any(path_matches(path, g, p) for g in exclude)):
                        files.append(path)
        elif p.exists():
            files.append(raw)
        elif p.is_symlink():
            errors.append(f"{raw}: broken symbolic link")
        else:
            errors.append(f"{raw}: no such file or directory")
    return files, errors


def read_source(path: str, encoding: str = "utf-8", stdin_name: str | None = None) -> Source:
    """Read and decode one input; raise :class:`InputError` with a one-line message."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return Source(stdin_name or "-", decode(data, stdin_name or "<stdin>", encoding))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return Source(path, decode(data, path, encoding))


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode bytes; a leading BOM is dropped so offsets count the text a reader sees."""
    if encoding.lower().replace("_", "-") in {"utf-8", "utf8"}:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16").lstrip("\ufeff")
            except UnicodeDecodeError:
                pass
        if b"\x00" in data[:_BINARY_SNIFF]:
            raise InputError(f"{path}: binary file (contains NUL bytes), not an article")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start}); "
                f"use --encoding to name the file's encoding"
            ) from None
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {encoding} (byte position {exc.start})") from None
