"""The progress bar: on a terminal for long text runs; never in pipes, JSON or pre-commit."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading

import pytest

from attrlint.cli.progress import MIN_FILES, progress_wanted

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

STORY = "The ministry said 12 people died.\n\nPrices rose by up to 70% last year.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_decision():
    tty, pipe = _Terminal(), io.StringIO()
    assert progress_wanted(MIN_FILES, "text", tty, environ={})
    assert not progress_wanted(MIN_FILES - 1, "text", tty, environ={})
    assert not progress_wanted(MIN_FILES, "text", pipe, environ={})
    assert not progress_wanted(MIN_FILES, "json", tty, environ={})
    assert not progress_wanted(MIN_FILES, "text", tty, environ={"PRE_COMMIT": "1"})


def _stderr_on_a_terminal(folder, *args: str, env: dict | None = None) -> tuple[int, str, bytes]:
    """Run attrlint with standard error on a pseudo-terminal; stdout stays a pipe."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "PRE_COMMIT"}
    full_env.update({"TERM": "xterm", "COLUMNS": "100", **(env or {})})
    proc = subprocess.Popen([sys.executable, "-m", "attrlint", *args, str(folder)],
                            stdout=subprocess.PIPE, stderr=slave, env=full_env)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closed when the process exited
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join()
    os.close(master)
    return proc.returncode, out.decode(), b"".join(chunks)


@pytest.fixture
def many_files(tmp_path):
    for i in range(MIN_FILES + 2):
        (tmp_path / f"story{i:02d}.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_bar_shown_on_a_terminal_for_text(many_files):
    code, out, err = _stderr_on_a_terminal(many_files, "--jobs", "1")
    assert code == 1
    assert "linting" in err.decode("utf-8", "replace")
    assert "linting" not in out and "Found " in out  # the report itself is untouched


@pytest.mark.parametrize("args,env", [(("--format", "json"), {}), ((), {"PRE_COMMIT": "1"})],
                         ids=["json", "pre-commit"])
def test_bar_suppressed(many_files, args, env):
    code, out, err = _stderr_on_a_terminal(many_files, "--jobs", "1", *args, env=env)
    assert code == 1 and out
    assert b"linting" not in err


def test_no_bar_in_a_pipe(many_files):
    proc = subprocess.run([sys.executable, "-m", "attrlint", str(many_files)], capture_output=True,
                          env={**os.environ, "TERM": "xterm"})
    assert proc.returncode == 1
    assert proc.stderr == b""
