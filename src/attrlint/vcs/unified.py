"""Reading a unified diff (git's, or ``diff -u``'s) into the lines each file gained.

Only what ``--diff`` needs is kept: for every file, its path before and after, whether it
was added, deleted, renamed, binary or a submodule, the 1-based line ranges of the new
file that were added or changed, and the places where lines were only deleted.  Hunks are
walked line by line (their counts checked), so diffs with context lines read as well as
git's ``--unified=0``; a diff that does not add up raises :class:`DiffError`.
"""

from __future__ import annotations

import os
import re

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class DiffError(Exception):
    """A diff that cannot be obtained or read; ``str(error)`` is the one-line message."""


class FileChange:
    """One file of a diff.  ``path`` is the file after the change (``None`` when it was
    deleted), ``old_path`` before it (``None`` when it is new).  ``added`` holds 1-based,
    inclusive line ranges of the new file that were added or changed; ``deleted_after``
    the new-file line numbers after which lines were only removed (0: at the top)."""

    __slots__ = ("path", "old_path", "added", "deleted_after", "hunks", "binary", "submodule", "_seen_header")

    def __init__(self, path: str | None = None, old_path: str | None = None) -> None:
        self.path, self.old_path = path, old_path
        self.added: list[tuple[int, int]] = []
        self.deleted_after: list[int] = []
        self.hunks: list[tuple[int, int, int, int]] = []  # (old start, old count, new start, new count)
        self.binary = self.submodule = False
        self._seen_header = False  # the ---/+++ pair (or a hunk) was read

    @property
    def is_new(self) -> bool:
        return self.old_path is None and self.path is not None

    @property
    def is_deleted(self) -> bool:
        return self.path is None

    def __repr__(self) -> str:
        return f"FileChange({self.old_path!r} -> {self.path!r}, added={self.added}, deleted_after={self.deleted_after})"


def parse_diff(text: str, source: str = "the diff") -> list[FileChange]:
    """The files of a unified diff, in order.  ``source`` names the diff in errors."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    files: list[FileChange] = []
    current: FileChange | None = None
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        if line.startswith("diff --git "):
            current = _git_header(line[len("diff --git "):])
            files.append(current)
        elif line.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            old, new = _header_path(line[4:], "a/"), _header_path(lines[i + 1].rstrip("\r")[4:], "b/")
            if current is None or current._seen_header:  # a plain unified diff: one file per ---/+++ pair
                current = FileChange()
                files.append(current)
            current.old_path, current.path = old, new
            current._seen_header = True
            i += 2
            continue
        elif line.startswith("@@"):
            if current is None:
                raise DiffError(f"{source}, line {i + 1}: a hunk before any file header; not a unified diff")
            current._seen_header = True
            i = _read_hunk(lines, i, current, source)
            continue
        elif current is not None and not current._seen_header:
            _git_extended_header(line, current)
        i += 1
    if text.strip() and not files:
        raise DiffError(f"{source} is not a unified diff (no 'diff --git' or '---'/'+++' file header)")
    return files


def _read_hunk(lines: list[str], i: int, change: FileChange, source: str) -> int:
    """Walk the hunk starting at ``lines[i]``; return the index of the line after it."""
    match = _HUNK.match(lines[i])
    if match is None:
        raise DiffError(f"{source}, line {i + 1}: malformed hunk header {lines[i][:60]!r}")
    old_left = 1 if match.group(2) is None else int(match.group(2))
    new_left = 1 if match.group(4) is None else int(match.group(4))
    change.hunks.append((int(match.group(1)), old_left, int(match.group(3)), new_left))
    new_line = int(match.group(3)) if new_left else int(match.group(3)) + 1  # "+4,0": after line 4
    run_start, run_added, run_deleted = new_line, 0, False
    header = i
    i += 1

    def close_run() -> None:
        if run_added:
            _add_range(change.added, run_start, run_start + run_added - 1)
        elif run_deleted:
            change.deleted_after.append(run_start - 1)

    while old_left > 0 or new_left > 0:
        if i >= len(lines):
            raise DiffError(f"{source}, line {header + 1}: the hunk ends early (the diff is cut short)")
        body = lines[i]
        kind = body[:1]
        if kind == "+" and new_left > 0:
            if body.startswith("+Subproject commit "):
                change.submodule = True
            if not run_added:
                run_start = new_line
            run_added += 1
            new_line += 1
            new_left -= 1
        elif kind == "-" and old_left > 0:
            if not run_added:
                run_start = new_line
            run_deleted = True
            old_left -= 1
        elif kind in (" ", "") and old_left > 0 and new_left > 0:  # context ("" : a blank line whose space was trimmed)
            close_run()
            run_added, run_deleted = 0, False
            new_line += 1
            old_left -= 1
            new_left -= 1
        elif kind == "\\":  # "\ No newline at end of file"
            pass
        else:
            raise DiffError(f"{source}, line {i + 1}: unexpected line in a hunk (the counts in "
                            f"{lines[header][:40]!r} do not add up)")
        i += 1
    close_run()
    while i < len(lines) and lines[i].startswith("\\"):
        i += 1
    return i


def follow(change: FileChange, later: FileChange) -> FileChange:
    """``change``'s lines moved to where a ``later`` diff of the same file puts them (the
    staged lines of a file with unstaged edits, in the file on disk).  A line the later
    diff rewrote maps to the lines that replaced it."""
    moved = FileChange(later.path, change.old_path)
    for first, last in change.added:
        start, end = _map_line(first, later.hunks)[0], _map_line(last, later.hunks)[1]
        if start <= end:
            _add_range(moved.added, start, end)
    moved.deleted_after = [after and _map_line(after, later.hunks)[1] for after in change.deleted_after]
    moved.binary, moved.submodule = change.binary, change.submodule
    return moved


def _map_line(line: int, hunks: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    """The first and last lines ``line`` of the old file became in the new one (first >
    last when the line was deleted: the deletion point)."""
    shift = 0
    for old_start, old_count, new_start, new_count in hunks:
        if old_count == 0:  # lines inserted after old_start
            if old_start >= line:
                break
            shift += new_count
            continue
        if line < old_start:
            break
        if line < old_start + old_count:
            if new_count == 0:  # "+N,0": deleted, after line N of the new file
                return new_start + 1, new_start
            return new_start, new_start + new_count - 1
        shift += new_count - old_count
    return line + shift, line + shift


def _add_range(ranges: list[tuple[int, int]], first: int, last: int) -> None:
    if ranges and ranges[-1][1] + 1 >= first:
        ranges[-1] = (ranges[-1][0], max(last, ranges[-1][1]))
    else:
        ranges.append((first, last))


def _git_header(rest: str) -> FileChange:
    """``a/X b/Y`` after ``diff --git``: both paths when quoted, else the two halves of
    an unrenamed file (a rename names its paths again in ``rename from``/``to``)."""
    if rest.startswith('"'):
        old, after = _unquote(rest)
        after = after.lstrip(" ")
        new = _unquote(after)[0] if after.startswith('"') else after
    elif rest.endswith('"'):
        old, new = rest[: rest.index(' "')], _unquote(rest[rest.index(' "') + 1:])[0]
    else:
        half = (len(rest) - 1) // 2
        old, new = rest[:half], rest[half + 1:]
    return FileChange(_strip_prefix(new, "b/"), _strip_prefix(old, "a/"))


def _git_extended_header(line: str, change: FileChange) -> None:
    if line.startswith("new file mode"):
        change.old_path = None
        change.submodule = line.endswith("160000")
    elif line.startswith("deleted file mode"):
        change.path = None
    elif line.startswith("rename from ") or line.startswith("copy from "):
        change.old_path = _maybe_quoted(line.split(" ", 2)[2])
    elif line.startswith("rename to ") or line.startswith("copy to "):
        change.path = _maybe_quoted(line.split(" ", 2)[2])
    elif line.startswith("index ") and line.endswith(" 160000"):
        change.submodule = True
    elif line.startswith("Binary files ") or line == "GIT binary patch":
        change.binary = True


def _header_path(value: str, prefix: str) -> str | None:
    """The path of a ``---``/``+++`` line: unquoted, without git's ``a/``/``b/`` prefix
    and without the tab (and date, in ``diff -u``) that may follow it."""
    if value.startswith('"'):
        path = _unquote(value)[0]
    else:
        path = value.split("\t", 1)[0]
    if path == "/dev/null":
        return None
    return _strip_prefix(path, prefix)


def _strip_prefix(path: str, prefix: str) -> str:
    return path[len(prefix):] if path.startswith(prefix) else path


def _maybe_quoted(value: str) -> str:
    return _unquote(value)[0] if value.startswith('"') else value


def _unquote(value: str) -> tuple[str, str]:
    """A C-style quoted path as git writes it (``"caf\\303\\251.md"``) and the text after it."""
    out = bytearray()
    i = 1
    while i < len(value):
        ch = value[i]
        if ch == '"':
            return os.fsdecode(bytes(out)), value[i + 1:]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            if nxt in "01234567" and re.match(r"[0-7]{3}", value[i + 1 : i + 4]):
                out.append(int(value[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt) if ord(nxt) < 128 else 63))
            i += 2
            continue
        out.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    raise DiffError(f"unterminated quoted path {value[:60]!r} in the diff")
