"""Shared fixtures: run the CLI in-process or as a subprocess, lint strings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# The tests (and the attrlint processes they start) keep attrlint's pattern cache in a
# folder of their own, never in the user's cache directory.
_TEST_CACHE = tempfile.TemporaryDirectory(prefix="attrlint-test-cache-")
os.environ["ATTRLINT_CACHE_DIR"] = _TEST_CACHE.name
os.environ.pop("ATTRLINT_NO_CACHE", None)


def run_cli(*args: str, input: str | bytes | None = None, env: dict | None = None, cwd=None):
    """Run ``python -m attrlint`` as a real process; returns CompletedProcess (text)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if isinstance(input, str):
        input = input.encode("utf-8")
    proc = subprocess.run([sys.executable, "-m", "attrlint", *args], input=input, capture_output=True,
                          env=full_env, cwd=cwd)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def plugin_site(site: Path, module: str, source: str) -> Path:
    """Lay out an installed-looking plugin (module + dist-info with an ``attrlint`` entry
    point) in ``site``, for use on PYTHONPATH; returns ``site``."""
    dist = module.replace("_", "-")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir(parents=True)
    (site / f"{module}.py").write_text(source)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[attrlint]\n{module.removeprefix('attrlint_')} = {module}\n")
    return site


def lint_text(text: str, suffix: str = ".txt", rules: list | None = None):
    """Lint a string in-process with the built-in plugin; returns a list of Findings."""
    return lint_result(text, suffix, rules).findings


def lint_result(text: str, suffix: str = ".txt", rules: list | None = None):
    """Lint a string in-process; returns the FileResult (findings, and errors of rules that raised)."""
    from attrlint.analysis.lexicons import default_lexicons
    from attrlint.engine.linter import lint_document
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.readers.choose import choose_reader

    registry = build_registry(load_plugins(third_party=False))
    reader = choose_reader(registry.readers, f"article{suffix}")
    document = reader.read(f"article{suffix}", text)
    chosen = rules if rules is not None else list(registry.rules.values())
    return lint_document(document, chosen, default_lexicons())


@pytest.fixture
def json_lint(tmp_path):
    """Write text to a file, lint it with --format json, return (report, process)."""

    def go(text: str, name: str = "story.txt", *extra: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8", newline="")
        proc = run_cli("--format", "json", *extra, str(path))
        return json.loads(proc.stdout), proc

    return go
