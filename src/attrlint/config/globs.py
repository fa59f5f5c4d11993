"""Globs in configuration (``exclude``, ``per-file-ignores``) matched against file paths."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path


def path_matches(path: str, pattern: str, base: Path | str | None = None) -> bool:
    """Whether a glob matches a file name, a folder name, or a stretch of folders ending
    anywhere on ``path`` (``drafts``, ``*.draft.md``, ``archive/2019/*``).

    Only the part of the path below ``base`` (the configuration's folder, or the folder
    being walked) is looked at, so a pattern such as ``src`` cannot match the folders a
    checkout happens to live in.  A path outside ``base`` is matched as given.
    """
    parts = _parts(path, base)
    pattern = pattern.strip("/")
    return any(fnmatch.fnmatchcase("/".join(parts[i:j]), pattern)
               for i in range(len(parts)) for j in range(i + 1, len(parts) + 1))


def _parts(path: str, base: Path | str | None) -> tuple[str, ...]:
    if base is not None:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
        if not rel.startswith(os.pardir):
            return Path(rel).parts
    return tuple(p for p in Path(path).parts if p not in (os.sep, os.curdir))
