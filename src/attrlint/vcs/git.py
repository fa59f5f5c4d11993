"""Asking git (as a subprocess) for a diff or for a file at a revision.

Every failure (git missing, not a repository, an unknown revision, git refusing) becomes
a :class:`~attrlint.vcs.unified.DiffError` whose message is one line.  The options pin
down what a user's configuration could change in the output: colour, external diff
drivers, text conversion, prefixes, relative paths, rename detection.
"""

from __future__ import annotations

import os
import subprocess

from attrlint.vcs.unified import DiffError, FileChange, follow, parse_diff

# A user's configuration must not change what is parsed (colour, prefixes, quoting).
_CONFIG = ["-c", "core.quotePath=true", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
           "-c", "diff.relative=false", "-c", "color.ui=never"]
_DIFF = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--find-renames",
         "--src-prefix=a/", "--dst-prefix=b/"]


def git(args: list[str], cwd: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``git args`` and return the finished process (output as bytes)."""
    try:
        proc = subprocess.run(["git", *_CONFIG, *args], cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise DiffError("--diff needs git, which is not installed (or not on PATH); "
                        "pipe a diff instead: git diff REV | attrlint --diff -") from None
    except OSError as exc:
        raise DiffError(f"--diff: cannot run git: {exc.strerror or exc}") from None
    if check and proc.returncode != 0:
        raise DiffError(f"--diff: git {args[0]} failed: {_first_line(proc.stderr)}")
    return proc


def repository_top(cwd: str | None = None) -> str:
    """The top folder of the work tree ``cwd`` is in."""
    proc = git(["rev-parse", "--show-toplevel"], cwd, check=False)
    if proc.returncode != 0:
        why = _first_line(proc.stderr)
        detail = "" if "not a git repository" in why else f" ({why})"
        raise DiffError(f"--diff: {os.path.abspath(cwd or os.curdir)} is not in a git repository{detail}")
    return os.fsdecode(proc.stdout).rstrip("\n")


def is_revision(rev: str, cwd: str | None = None) -> bool:
    """Whether ``rev`` names a commit (``A...B`` and ``A..B``: both ends do)."""
    ends = rev.replace("...", "..").split("..")
    return all(git(["rev-parse", "--verify", "--quiet", (end or "HEAD") + "^{commit}"],
                   cwd, check=False).returncode == 0 for end in ends)


def changed_files(rev: str | None, cwd: str | None = None) -> tuple[str, list[FileChange]]:
    """``(top, changes)``: the staged changes (``rev`` None: the index against HEAD) or
    the work tree against ``rev`` (untracked files included, as new), with paths relative
    to the repository's ``top``."""
    top = repository_top(cwd)
    if rev is None:
        args = [*_DIFF, "--cached"]
    else:
        if rev.startswith("-") or not is_revision(rev, top):
            raise DiffError(f"--diff: unknown revision {rev!r} (git rev-parse cannot resolve it)")
        args = [*_DIFF, rev]
    changes = parse_diff(os.fsdecode(git([*args, "--"], top).stdout), "git's diff")
    if rev is None and changes:  # the staged lines are lines of the index: find them in the files on disk
        unstaged = {c.old_path: c for c in parse_diff(os.fsdecode(git([*_DIFF, "--"], top).stdout), "git's diff")
                    if c.old_path is not None and c.path is not None}
        changes = [follow(c, unstaged[c.path]) if c.path in unstaged and not c.is_new else c for c in changes]
    elif rev is not None and ".." not in rev:  # against the work tree: untracked files are new too
        untracked = git(["ls-files", "-z", "--others", "--exclude-standard"], top).stdout.split(b"\0")
        changes.extend(FileChange(os.fsdecode(path)) for path in untracked if path)
    return top, changes


def show_file(rev: str, path: str) -> str | None:
    """The text of ``path`` (a file in a work tree) at ``rev``; ``None`` when it did not
    exist there.  Raises :class:`DiffError` when git cannot tell (not a repository, no git)."""
    folder, name = os.path.split(os.path.abspath(path))
    proc = git(["show", f"{rev}:./{name}"], folder, check=False)
    if proc.returncode == 0:
        return proc.stdout.decode("utf-8", "replace").removeprefix("\ufeff")
    repository_top(folder)  # raises when the folder is not in a repository
    if not is_revision(rev, folder):
        raise DiffError(f"diffBase: unknown revision {rev!r}")
    return None  # a new file


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ").removeprefix("error: ") if lines else "no message"
