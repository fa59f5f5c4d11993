"""Baselines: adopt attrlint on an archive without fixing its old findings first.

``--write-baseline FILE`` records every current finding as (rule, path, claim text) with
a count; ``--baseline FILE`` drops up to that many matching findings per key.  Line
numbers are deliberately not part of the key, so editing above a finding keeps it
baselined; changing the claim itself (or its rule) makes it a new finding.  Paths are
stored relative to the baseline file's folder, so the run's working directory does not
matter.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from attrlint.config.errors import ConfigError
from attrlint.engine.linter import FileResult

BASELINE_VERSION = 1
Key = tuple[str, str, str]  # rule, path, claim text


def _path_key(path: str, base: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def _claim(result: FileResult, finding) -> str:
    return " ".join(result.document.text[finding.start : finding.end].split())


def keys(results: list[FileResult], base: Path) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for result in results:
        path = _path_key(result.path, base)
        for f in result.findings:
            counts[(f.rule, path, _claim(result, f))] += 1
    return counts


def write_baseline(file: Path, results: list[FileResult]) -> int:
    """Write the baseline atomically (temp file then rename); return the number of findings."""
    counts = keys(results, file.resolve().parent)
    entries = [{"rule": r, "path": p, "claim": c, "count": n} for (r, p, c), n in sorted(counts.items())]
    body = json.dumps({"version": BASELINE_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    folder = file.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, file)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return sum(counts.values())


def read_baseline(file: Path) -> Counter[Key]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{file}: --baseline: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: --baseline: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(
            data.get("findings"), list):
        raise ConfigError(f"{file}: --baseline: expected a version {BASELINE_VERSION} baseline written by "
                          f"--write-baseline")
    counts: Counter[Key] = Counter()
    for entry in data["findings"]:
        try:
            counts[(entry["rule"], entry["path"], entry["claim"])] += int(entry["count"])
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{file}: --baseline: malformed entry {entry!r}") from None
    return counts


def filter_baselined(results: list[FileResult], baseline: Counter[Key], base: Path) -> int:
    """Drop baselined findings from ``results`` in place; return how many were dropped."""
    remaining = Counter(baseline)
    dropped = 0
    for result in results:
        path = _path_key(result.path, base)
        kept = []
        for f in result.findings:
            key = (f.rule, path, _claim(result, f))
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(f)
        result.findings = kept
    return dropped
