"""Finding and reading input files: folders walked, bytes decoded, errors in one line.

Every problem with an input becomes an :class:`InputError` whose message is one line
naming the file; the CLI prints it and exits 2.  Files are only ever opened for reading.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
_BINARY_SNIFF = 8192


class InputError(Exception):
    """A problem with one input; ``str(error)`` is the one-line message."""


class BinaryFileError(InputError):
    """The input is binary.  Named explicitly it is an error; found while walking a folder
    it is skipped with a notice (a stray image must not fail a whole tree)."""


class Source(NamedTuple):  # not a dataclass: cheaper to define at start-up
    path: str  # as given or as found while walking
    text: str


def discover(paths: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
             exclude: list[str] | tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Expand folders into the files to lint.  Returns ``(files, errors)``.

    Files named explicitly are always linted, whatever their extension.  Folders are
    walked for ``extensions`` in sorted order, skipping hidden entries, what ``.gitignore``
    files ignore (those inside the walked tree and those above it up to the repository
    root), and files and folders matching a glob in ``exclude`` below the walked folder
    (see :func:`attrlint.config.globs.path_matches`).  Symlinked folders are never
    descended, so a symlink loop cannot trap the walk.
    """
    files: list[str] = []
    errors: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            files.extend(_walk(p, extensions, list(exclude)))
        elif p.exists():
            files.append(raw)
        elif p.is_symlink():
            errors.append(f"{raw}: broken symbolic link")
        else:
            errors.append(f"{raw}: no such file or directory")
    return files, errors


def _spec(patterns):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(list(patterns)) if patterns else None


class _GitIgnores:
    """The ``.gitignore`` rules that apply in a folder: a chain from the repository root
    down, deeper files deciding first (as git does)."""

    def __init__(self, chain: tuple = ()):
        self.chain = chain  # ((folder, spec), ...) shallowest first

    def below(self, folder: Path) -> _GitIgnores:
        spec = _read_gitignore(folder)
        return _GitIgnores((*self.chain, (folder, spec))) if spec is not None else self

    def ignores(self, path: Path, is_dir: bool) -> bool:
        for folder, spec in reversed(self.chain):
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                return verdict
        return False


def _read_gitignore(folder: Path):
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines)


def _ignores_above(top: Path) -> _GitIgnores:
    """``.gitignore`` files from the repository root (the folder holding ``.git``) down to
    ``top``'s parent; none when ``top`` is not inside a repository."""
    top = top.resolve()
    ancestors = []
    for folder in top.parents:
        ancestors.append(folder)
        if (folder / ".git").exists():
            break
    else:
        return _GitIgnores()
    ignores = _GitIgnores()
    for folder in reversed(ancestors):
        ignores = ignores.below(folder)
    return ignores


def _walk(top: Path, extensions: tuple[str, ...], exclude: list[str]) -> list[str]:
    from attrlint.config.globs import path_matches

    found: list[str] = []
    real_top = top.resolve()
    ignores_in = {os.fspath(top): _ignores_above(real_top).below(real_top)}  # keyed by os.walk's root

    def skip(path: str, real: Path, ignores: _GitIgnores, is_dir: bool) -> bool:
        return (os.path.basename(path).startswith(".") or ignores.ignores(real, is_dir)
                or any(path_matches(path, glob, top) for glob in exclude))

    for root, dirs, names in os.walk(top, followlinks=False):
        real_root = Path(root).resolve()
        ignores = ignores_in.pop(root)
        dirs[:] = sorted(d for d in dirs if not skip(os.path.join(root, d), real_root / d, ignores, True))
        for d in dirs:
            ignores_in[os.path.join(root, d)] = ignores.below(real_root / d)
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.lower().endswith(extensions) and not skip(path, real_root / name, ignores, False):
                found.append(path)
    return found


def os_error_message(path: str, exc: OSError) -> str:
    """One line saying why ``path`` could not be opened, the same for every command."""
    if isinstance(exc, FileNotFoundError):
        return f"{path}: no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a directory"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot read: {exc.strerror or exc}"


def read_source(path: str, encoding: str = "utf-8", stdin_name: str | None = None) -> Source:
    """Read and decode one input; raise :class:`InputError` with a one-line message."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return Source(stdin_name or "-", decode(data, stdin_name or "<stdin>", encoding))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(os_error_message(path, exc)) from None
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
            raise BinaryFileError(f"{path}: binary file (contains NUL bytes), not an article")
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
