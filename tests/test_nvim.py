"""A real editor: headless Neovim (Debian's 0.7 or newer) runs tests/nvim/check.lua
against ``attrlint lsp``.  Skipped where ``nvim`` is not installed (.ci/run installs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytest.importorskip("pygls", reason="the language server needs pygls (pip install -e '.[lsp]')")
NVIM = shutil.which("nvim")

CLAIM_LINE = "🪖 The army sent 14,000 troops to the border."
FIXED_LINE = "🪖 The army sent 14,000 troops to the border, the defence ministry said."


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed (apt-get install neovim)")
def test_neovim_shows_the_finding_at_the_right_bytes_and_clears_it_after_an_edit(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Border\n\n{CLAIM_LINE}\n", encoding="utf-8")
    out = tmp_path / "nvim.json"
    env = {**os.environ, "ATTRLINT_PYTHON": sys.executable, "ATTRLINT_DRAFT": str(draft),
           "ATTRLINT_FIXED": FIXED_LINE, "ATTRLINT_OUT": str(out), "HOME": str(tmp_path)}
    script = ROOT / "tests" / "nvim" / "check.lua"
    proc = subprocess.run([NVIM, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {script}"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.exists(), f"nvim wrote no result (exit {proc.returncode}): {proc.stderr[-2000:]}"
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen.get("error") in (None, ""), seen["error"]
    (d,) = seen["opened"]
    assert d["code"] == "ATR001" and d["source"] == "attrlint" and d["lnum"] == 2
    # Neovim turned the server's UTF-16 columns into byte columns: the emoji is 4 bytes.
    assert d["text"] == "14,000 troops" and d["col"] == len("🪖 The army sent ".encode())
    assert seen["after_edit"] == [] or seen["after_edit"] == {}
