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
)


def imported_after_run(tmp_path, name: str, text: str, *args: str) -> set[str]:
    """The modules a real ``attrlint`` process has imported once it has linted ``name``."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    probe = ("import sys; from attrlint.cli.main import main; main(sys.argv[1:]); "
             "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
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
