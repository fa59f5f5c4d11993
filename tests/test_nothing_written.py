"""attrlint never writes to what it reads; --write-baseline writes its one file, atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

CLAIM = "The ministry's budget rose to 14,000 troops last year. Experts say it doubled.\n"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every entry under ``folder``: its bytes (files), modification time and mode."""
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            st = path.lstat()
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            state[str(path.relative_to(folder))] = (data, st.st_mtime_ns, st.st_mode)
    return state


@pytest.fixture
def newsroom(tmp_path):
    """A folder of articles in every format, with a binary file, a hidden folder and a symlink."""
    root = tmp_path / "desk"
    (root / "politics").mkdir(parents=True)
    (root / ".drafts").mkdir()
    (root / "a.txt").write_text(CLAIM)
    (root / "politics" / "b.md").write_text("# Budget\n\n" + CLAIM + "\n> “It doubled,” he said.\n")
    (root / "politics" / "c.html").write_text(f"<html><body><p>{CLAIM}</p></body></html>")
    (root / "politics" / "crlf.txt").write_bytes(CLAIM.replace("\n", "\r\n").encode())
    (root / ".drafts" / "d.txt").write_text(CLAIM)
    (root / "scan.txt").write_bytes(b"\x00\x01binary")
    (root / "link.txt").symlink_to(root / "a.txt")
    # Old modification times, so that a rewrite with the same bytes would still show.
    for path in root.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000), follow_symlinks=False)
    return root


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_linting_a_folder_changes_nothing_in_it(newsroom, fmt):
    before = snapshot(newsroom)
    proc = run_cli("--format", fmt, str(newsroom), cwd=newsroom)
    assert proc.returncode == 1, proc.stderr
    assert snapshot(newsroom) == before


def test_write_baseline_writes_only_its_file_and_replaces_it_atomically(newsroom, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}\n")
    old_inode = baseline.stat().st_ino
    before = snapshot(newsroom)
    outside_before = sorted(p.name for p in tmp_path.iterdir())

    proc = run_cli("--write-baseline", str(baseline), str(newsroom), cwd=newsroom)
    assert proc.returncode == 0, proc.stderr
    assert snapshot(newsroom) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before  # no temporary file left behind
    # Replaced by a rename (a new inode), not rewritten in place: a reader never sees half a file.
    assert baseline.stat().st_ino != old_inode
    recorded = json.loads(baseline.read_text())
    assert recorded["findings"] and {f["rule"] for f in recorded["findings"]} >= {"ATR001"}

    # With the baseline, the same run is clean and still writes nothing.
    proc = run_cli("--baseline", str(baseline), str(newsroom), cwd=newsroom)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert snapshot(newsroom) == before


def test_write_baseline_into_a_missing_folder_is_a_one_line_error(newsroom, tmp_path):
    before = snapshot(newsroom)
    target = tmp_path / "no" / "such" / "baseline.json"
    proc = run_cli("--write-baseline", str(target), str(newsroom))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1] == f"attrlint: {target}: cannot write baseline: No such file or directory"
    assert not target.parent.exists()
    assert snapshot(newsroom) == before
