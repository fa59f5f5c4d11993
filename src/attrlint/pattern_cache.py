"""Compiled regular expressions, kept on disk between runs.

attrlint runs on every save and every commit, and most of a small run used to be the
`regex` module compiling attrlint's ~130 patterns: its parser and code generator are
written in Python (about 180 ms per run here).  The compiled form is plain data: `regex`
pickles a pattern as the arguments of the C function that builds it (the source, flags,
the compiled code as bytes, the group names).  This module keeps that data for every
pattern compiled through :func:`compile_pattern`, in one file per `regex` version and
Python version in the user's cache directory, and a later run hands it straight back to
that C function (microseconds per pattern) instead of parsing the source again.

The file is read with ``marshal`` (data only, never code), carries a checksum and the
`regex` version, and anything unexpected (a missing, corrupt or foreign file, an entry
the C function rejects, a read-only cache directory) falls back to ``regex.compile``:
results never depend on the cache.  ``ATTRLINT_CACHE_DIR`` moves it,
``ATTRLINT_NO_CACHE=1`` turns it off.  It holds only patterns (attrlint's own and those
from configuration), never article text.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import os
import sys
import threading
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import regex

_FORMAT = 1
T = TypeVar("T")
_lock = threading.Lock()
_compiled: dict[tuple[str, int], regex.Pattern] = {}  # this process's patterns
# The file's entries, read on first use: (pattern, flags) -> the pattern's data, and
# (kind, stamp, key) -> a value :func:`remembered` derived from patterns.
_stored: dict[tuple, object] | None = None
_dirty = False  # entries recorded in this process and not yet saved


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the on-disk cache when it holds the pattern."""
    key = (pattern, int(flags))  # a plain int: flags are an enum, which marshal cannot store
    compiled = _compiled.get(key)
    if compiled is None:
        with _lock:
            compiled = _compiled.get(key)
            if compiled is None:
                compiled = _compiled[key] = _load_or_compile(key)
    return compiled


def _load_or_compile(key: tuple[str, int]) -> regex.Pattern:
    if not _enabled():
        return regex.compile(*key)
    stored = _entries().get(key)
    if isinstance(stored, tuple):
        try:
            return _rebuild()(*stored)
        except Exception:  # an entry the C module rejects: compile from source instead
            del _entries()[key]
    compiled = regex.compile(*key)
    if (data := _pickled_data(compiled)) is not None:
        _record(key, data)
    return compiled


def _record(key: tuple, value: object) -> None:
    """Add an entry to save at exit (the caller holds the lock)."""
    global _dirty
    _entries()[key] = value
    if not _dirty:
        _dirty = True
        atexit.register(save)


def remembered(kind: str, stamp: tuple, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the cache file beside the patterns: for what attrlint derives
    from a pattern's source alone at start-up (the match-start analysis of the scanning
    patterns).  ``stamp`` identifies the deriving code (see :func:`code_stamp`), so an
    edited module derives afresh; the value must be plain data ``marshal`` can store."""
    if not _enabled():
        return compute()
    full_key = (kind, stamp, key)
    with _lock:
        entries = _entries()
        if full_key in entries:
            return entries[full_key]
    value = compute()
    if _storable(value):
        with _lock:
            _record(full_key, value)
    return value


def code_stamp(*module_files: str) -> tuple:
    """What identifies the deriving code for :func:`remembered`: attrlint's version and each
    file's size and modification time (a checkout edited in place changes them)."""
    from attrlint import __version__

    stamp: tuple = (__version__,)
    for module_file in module_files:
        try:
            status = os.stat(module_file)
            stamp += (status.st_size, status.st_mtime_ns)
        except OSError:
            stamp += (None, None)
    return stamp


def _storable(value) -> bool:
    try:
        return marshal.loads(marshal.dumps(value)) == value
    except (ValueError, TypeError, EOFError):
        return False


def _pickled_data(compiled: regex.Pattern) -> tuple | None:
    """What `regex` pickles a compiled pattern as (the arguments of the C function that
    builds it), when that is plain data ``marshal`` can store."""
    reducer = copyreg.dispatch_table.get(type(compiled))
    if reducer is None:
        return None
    try:
        function, data = reducer(compiled)
    except (ValueError, TypeError):
        return None
    return data if function is _rebuild() and _storable(data) else None


@cache
def _rebuild():
    """The function `regex`'s pickling hands back to rebuild a pattern from its data."""
    reducer = copyreg.dispatch_table.get(regex.Pattern)
    return reducer(regex.compile(""))[0] if reducer else None


# -- the file ----------------------------------------------------------------------------------

def _enabled() -> bool:
    return os.environ.get("ATTRLINT_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    """Where attrlint keeps its cache: ``ATTRLINT_CACHE_DIR``, else the platform's user
    cache directory (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux; written by hand because
    importing `platformdirs` alone would cost a tenth of a small run)."""
    if configured := os.environ.get("ATTRLINT_CACHE_DIR"):
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "attrlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "attrlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "attrlint"


def cache_file() -> Path:
    """The patterns file for this `regex` and this Python (either changing starts afresh)."""
    version = getattr(regex, "__version__", "unknown")
    return cache_dir() / f"patterns-regex{version}-{sys.implementation.cache_tag}.bin"


def _entries() -> dict[tuple, object]:
    global _stored
    if _stored is None:
        _stored = _read(cache_file())
    return _stored


def _read(path: Path) -> dict[tuple, object]:
    """The stored entries, or none when the file is missing, unreadable or not ours."""
    try:
        data = path.read_bytes()
        checksum, payload = int.from_bytes(data[:4], "big"), data[4:]
        if zlib.crc32(payload) != checksum:
            return {}
        content = marshal.loads(payload)
        if content.get("format") != _FORMAT or content.get("regex") != getattr(regex, "__version__", None):
            return {}
        entries = content["entries"]
        return entries if isinstance(entries, dict) else {}
    except Exception:  # missing, unreadable, truncated, another format: start afresh
        return {}


def save() -> None:
    """Write the entries recorded in this process (merged with what another run may have
    saved meanwhile), atomically; a cache that cannot be written is silently skipped."""
    global _dirty
    if not _dirty or _stored is None:
        return
    from attrlint import __version__

    path = cache_file()
    # At exit another (daemon) thread may still be compiling: never wait on it for long.
    if not _lock.acquire(timeout=1):
        return
    try:
        entries = _pruned({**_read(path), **_stored}, __version__)
        _dirty = False
    finally:
        _lock.release()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps({"format": _FORMAT, "regex": getattr(regex, "__version__", None),
                                 "entries": entries})
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, path)
    except (OSError, ValueError):  # read-only or full disk; an entry marshal cannot store
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


# How many versions of the deriving code keep a value: more than one, so that two
# installations of one attrlint version (an editor's, pre-commit's) do not evict each
# other; few, so that a checkout edited in place does not grow the file without end.
KEPT_STAMPS = 4


def _pruned(entries: dict[tuple, object], version: str) -> dict[tuple, object]:
    """``entries`` without values derived by another attrlint version (an upgrade), nor
    values of one kind and key derived by a stamp older than the :data:`KEPT_STAMPS`
    newest for that key (entries are in the order they were first recorded)."""
    stamps: dict[tuple, list[tuple]] = {}
    for key in entries:
        if len(key) == 3 and key[1][:1] == (version,):
            stamps.setdefault((key[0], key[2]), []).append(key[1])
    return {key: value for key, value in entries.items()
            if len(key) == 2 or key[1] in stamps.get((key[0], key[2]), ())[-KEPT_STAMPS:]}


def forget() -> None:
    """Drop what this process has loaded and recorded (tests; a changed cache directory)."""
    global _stored, _dirty
    with _lock:
        _compiled.clear()
        _stored, _dirty = None, False
