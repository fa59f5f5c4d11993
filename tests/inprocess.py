"""Run the attrlint command line in this process (fast), capturing its output."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from attrlint.cli.main import main


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def attrlint(capsys, monkeypatch):
    """``attrlint(*args, cwd=PATH)`` -> Run; plugins are limited to the built-in one."""
    monkeypatch.setenv("ATTRLINT_NO_PLUGINS", "1")
    monkeypatch.setenv("NO_COLOR", "1")

    def go(*args: str, cwd=None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return go
