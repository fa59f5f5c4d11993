"""``--diff [REV]``: which files to lint, and which of their findings to report.

The command line hands over its arguments (:func:`open_scope`); the scope reads the diff
(from git, or standard input for ``--diff -``), chooses the changed files among the paths
(all changed files attrlint reads when there are none), and after linting keeps only the
findings whose sentence the change touched (:meth:`DiffScope.filter`), counting the rest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from attrlint.vcs.changed import ChangedText
from attrlint.vcs.unified import DiffError, FileChange, parse_diff

STAGED = ""  # the value of a bare --diff: the staged changes (index against HEAD)


class DiffScope:
    """The files a diff changed (keyed by real path) and, once filtered, how many
    findings were hidden on unchanged lines."""

    def __init__(self, base: str, top: str, changes: list[FileChange]) -> None:
        self.base = base  # "staged", "-" (a diff on standard input) or the revision given
        self.changed: dict[str, FileChange] = {}
        self.shown: list[str] = []  # changed files as paths from the current folder, in diff order
        for change in changes:
            if change.is_deleted or change.binary or change.submodule:
                continue  # nothing left to lint, or nothing attrlint reads
            full = os.path.join(top, change.path)
            self.changed[_key(full)] = change
            self.shown.append(os.path.relpath(full))
        self.hidden = 0

    def select(self, found: list[str] | None, exclude_for: Callable[[str], list[str]]) -> list[str]:
        """The files to lint: those of ``found`` (what the paths given expand to) that
        changed, or, with no paths (``None``), every changed file with an article
        extension that the exclude globs (``exclude_for(path)``) do not skip."""
        if found is not None:
            return [path for path in found if path == "-" or _key(path) in self.changed]
        from attrlint.config.globs import path_matches
        from attrlint.inputs import DEFAULT_EXTENSIONS

        return [path for path in self.shown
                if path.lower().endswith(DEFAULT_EXTENSIONS) and os.path.isfile(path)
                and not any(path_matches(path, glob, os.curdir) for glob in exclude_for(path))]

    def filter(self, results: list) -> None:
        """Keep, in each result, the findings whose sentence the change touched."""
        for result in results:
            change = self.changed.get(_key(result.path))
            if change is None or result.document is None:
                continue
            result.findings, hidden = ChangedText(result.document.text, change).split(result.findings)
            self.hidden += hidden

    def record(self) -> dict:
        """What the JSON report says about the diff (``"diff"``)."""
        return {"base": self.base, "hidden": self.hidden}


def open_scope(args) -> DiffScope:
    """The scope ``args.diff`` asks for.  A bare ``--diff`` followed by a path (as the
    pre-commit hook runs it) takes the path as its value: a value that names an existing
    file or folder and no revision is moved back to ``args.paths``."""
    rev = args.diff
    if args.write_baseline:
        raise DiffError("--diff and --write-baseline do not go together (a baseline records every finding)")
    if rev == "-":
        if "-" in args.paths:
            raise DiffError("--diff - reads the diff from standard input, so the article cannot come from there too")
        text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        return DiffScope("-", os.curdir, parse_diff(text, "--diff -: standard input"))
    if "-" in args.paths:
        raise DiffError("--diff with a revision cannot lint standard input (-): name the files")
    from attrlint.vcs import git

    if rev != STAGED and os.path.lexists(rev) and not git.is_revision(rev):
        args.paths.insert(0, rev)
        rev = STAGED
    top, changes = git.changed_files(rev or None)
    return DiffScope(rev or "staged", top, changes)


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))
