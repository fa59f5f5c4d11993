"""Start-up: a run imports only what it needs (each module below costs milliseconds on
every invocation, and attrlint runs on every save and every commit)."""

from __future__ import annotations

import subprocess
import sys

# Never needed to lint a plain-text file into JSON.
NOT_FOR_PLAIN_TEXT_JSON = (
    "rich", "importlib.metadata", "concurrent.futures", "multiprocessing",  # plugins scan, pool
    "importlib.resources", "tempfile",  # rules folder lookup, baselines
    "attrlint.engine.baseline", "attrlint.readers.html", "attrlint.readers.markdown", "html.parser",
    "attrlint.engine.declarative",  # house rules, only with rule-paths configured
    "shutil",  # argparse's help formatter would import it for the terminal width
    "attrlint.analysis.pattern_shape",  # the pattern parser: only when the pattern cache lacks an analysis
)


def imported_after_run(tmp_path, name: str, text: str, *args: str) -> set[str]:
    """The modules a real ``attrlint`` process has imported once it has linted ``name``."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    probe = ("import sys; from attrlint.cli.main import main; main(sys.argv[1:]); "
             "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    for _ in range(2):  # the first run fills the pattern cache, as any earlier run would have
        proc = subprocess.run([sys.executable, "-c", probe, *args, str(article)], capture_output=True, text=True,
                              cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
    return set(proc.stderr.split())


def test_plain_text_to_json_imports_no_reader_pool_or_baseline_module(tmp_path):
    modules = imported_after_run(tmp_path, "story.txt", "The ministry said 12 people died.\n", "--format", "json")
    assert "attrlint.readers.plaintext" in modules  # the probe sees what the run imported
    assert sorted(modules & set(NOT_FOR_PLAIN_TEXT_JSON)) == []


def test_readers_and_the_baseline_module_are_imported_when_used(tmp_path):
    (tmp_path / "baseline.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    modules = imported_after_run(tmp_path, "story.md", "# Title\n\nProfits rose 40% in May.\n",
                                 "--format", "json", "--baseline", "baseline.json")
    assert {"attrlint.readers.markdown", "attrlint.engine.baseline"} <= modules
    assert "attrlint.readers.html" not in modules


def test_lazy_builtin_readers_match_the_reader_classes():
    from attrlint.builtin import attrlint_readers
    from attrlint.readers.choose import choose_reader

    for lazy in attrlint_readers():
        real = choose_reader([lazy], "x" + lazy.extensions[0])
        assert type(real).__name__ == lazy.attribute
        assert (real.name, real.extensions) == (lazy.name, lazy.extensions)
        assert choose_reader([lazy], "y" + lazy.extensions[0]) is real  # built once


def run_command(tmp_path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """``python -m attrlint`` as a user runs it (through :func:`run_command`'s fast exit)."""
    return subprocess.run([sys.executable, "-m", "attrlint", *args], capture_output=True, cwd=tmp_path, **kwargs)


def test_fast_exit_keeps_exit_codes_and_writes_all_output(tmp_path):
    # Enough findings that the report is far larger than one pipe buffer.
    (tmp_path / "long.txt").write_text("Officials counted 12,000 troops at the border.\n\n" * 3000, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("The weather was pleasant.\n", encoding="utf-8")
    proc = run_command(tmp_path, "--format", "json", "long.txt")
    assert proc.returncode == 1, proc.stderr
    normal_exit = subprocess.run([sys.executable, "-c", "import sys; from attrlint.cli.main import main; "
                                  "sys.exit(main(sys.argv[1:]))", "--format", "json", "long.txt"],
                                 capture_output=True, cwd=tmp_path)
    assert (proc.stdout, proc.returncode) == (normal_exit.stdout, normal_exit.returncode)
    assert len(proc.stdout) > 1 << 20
    assert run_command(tmp_path, "plain.txt").returncode == 0
    missing = run_command(tmp_path, "missing.txt")
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr


def test_fast_exit_still_runs_exit_handlers(tmp_path):
    """The pattern cache is saved by an exit handler: it must still run before leaving."""
    import os

    (tmp_path / "story.txt").write_text("Profits rose 40% in May.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    proc = run_command(tmp_path, "story.txt", env={**os.environ, "ATTRLINT_CACHE_DIR": str(cache)})
    assert proc.returncode == 1, proc.stderr
    assert [p.name for p in cache.iterdir()][0].startswith("patterns-")


def test_output_that_cannot_be_written_is_a_one_line_error(tmp_path):
    import os

    if not os.path.exists("/dev/full"):
        import pytest

        pytest.skip("needs /dev/full (Linux) to simulate a full disk")
    (tmp_path / "story.txt").write_text("Profits rose 40% in May.\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "attrlint", "--format", "json", "story.txt"], stdout=full,
                              stderr=subprocess.PIPE, cwd=tmp_path, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("attrlint: ") and len(proc.stderr.strip().splitlines()) == 1


def test_leaving_flushes_and_reports_an_unwritable_output(monkeypatch, capsys):
    """What the fast exit does with output still buffered at the end (unit level)."""
    import io

    from attrlint.cli import main as cli_main

    class Unwritable(io.StringIO):
        def flush(self):
            raise OSError(28, "No space left on device")

    class Gone(io.StringIO):
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    exits = []
    monkeypatch.setattr(cli_main.os, "_exit", exits.append)
    monkeypatch.setattr(sys, "stdout", Unwritable())
    cli_main._leave([1])
    monkeypatch.setattr(sys, "stdout", Gone())
    cli_main._leave([1])
    cli_main._leave([])  # main() never returned: left to the normal exit
    assert exits == [2, 1]
    assert capsys.readouterr().err == "attrlint: cannot write the output: [Errno 28] No space left on device\n"


def test_help_is_wrapped_to_the_terminal_width(tmp_path):
    import os

    for columns in (50, 100):
        proc = subprocess.run([sys.executable, "-m", "attrlint", "--help"], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": str(columns)}, cwd=tmp_path)
        assert proc.returncode == 0
        lines = proc.stdout.splitlines()
        assert max(map(len, lines)) <= columns
        assert max(map(len, lines)) > columns - 20  # filled, not wrapped narrower
