"""The bad-input matrix: every odd input gives its exit code and a one-line message, never a traceback.

Each case runs the real CLI (``python -m attrlint --format json``) as a subprocess, so what
is checked is what a pre-commit hook or CI job sees: the exit code, the findings on stdout
and the ``attrlint: ...`` lines on stderr.  Exit codes: 0 clean, 1 findings, 2 input or
internal error.  The 50 MB article and the 5 MB line run only with ``ATTRLINT_SLOW_TESTS=1`` (smaller versions of
the same inputs always run).
"""

from __future__ import annotations

import json
import os
import sys
import time

import pytest

from tests.conftest import plugin_site, run_cli

CLAIM = "The ministry's budget rose to 14,000 troops last year.\n"  # an unattributed figure: ATR001
SLOW = pytest.mark.skipif(not os.environ.get("ATTRLINT_SLOW_TESTS"),
                          reason="large input: set ATTRLINT_SLOW_TESTS=1 to run it")


def lint(*args: str, env: dict | None = None, timeout_s: float = 120):
    """Run ``attrlint --format json ARGS``; check the invariants every case shares.

    No traceback anywhere, every stderr line is one ``attrlint:`` line, and stdout is the
    JSON report whenever the run got as far as linting.  Returns (process, report or None).
    """
    started = time.perf_counter()
    proc = run_cli("--format", "json", *args, env=env)
    elapsed = time.perf_counter() - started
    assert elapsed < timeout_s, f"took {elapsed:.1f}s"
    assert "Traceback" not in proc.stdout + proc.stderr
    for line in proc.stderr.splitlines():
        assert line.startswith("attrlint: "), line
    report = json.loads(proc.stdout) if proc.stdout.strip() else None
    return proc, report


def only_error_line(proc) -> str:
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def findings(report) -> list[dict]:
    return [f for file in report["files"] for f in file["findings"]]


# -- content ----------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\t\n\r\n  \f\v \n"], ids=["empty", "whitespace-only"])
def test_empty_and_whitespace_only_files_are_clean(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    proc, report = lint(str(path))
    assert proc.returncode == 0 and proc.stderr == ""
    assert report["summary"]["files"] == 1 and findings(report) == []


def test_binary_file_named_explicitly_is_an_error(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    proc, _ = lint(str(path))
    assert proc.returncode == 2
    assert only_error_line(proc) == f"attrlint: {path}: binary file (contains NUL bytes), not an article"


def test_binary_file_found_while_walking_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "story.txt").write_text(CLAIM)
    (tmp_path / "scan.txt").write_bytes(b"GIF89a\x00\x01\x00\x00" * 10)
    proc, report = lint(str(tmp_path))
    assert proc.returncode == 1  # the article's finding decides; the binary file is not an error
    assert only_error_line(proc) == (
        f"attrlint: skipped {tmp_path / 'scan.txt'}: binary file (contains NUL bytes), not an article")
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "story.txt")]


def test_invalid_utf8_names_the_byte_and_the_way_out(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café a coûté 14 000 euros.\n".encode("latin-1"))
    proc, _ = lint(str(path))
    assert proc.returncode == 2
    assert only_error_line(proc) == (
        f"attrlint: {path}: not valid UTF-8 (byte 0xe9 at position 6); use --encoding to name the file's encoding")
    # ... and the way out works.
    proc, report = lint("--encoding", "latin-1", str(path))
    assert proc.returncode in (0, 1) and proc.stderr == ""


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded_and_offsets_count_the_text(tmp_path, encoding):
    text = "Headline\n\n" + CLAIM
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode(encoding) + text.encode(encoding))
    proc, report = lint(str(path))
    assert proc.returncode == 1 and proc.stderr == ""
    [finding] = findings(report)
    assert text[finding["start"]:finding["end"]].startswith("14,000")
    assert (finding["line"], finding["column"]) == (3, text.splitlines()[2].index("14,000") + 1)


def test_mixed_line_endings_keep_lines_and_columns_right(tmp_path):
    text = "Title\r\n\r\nSome words.\nMore words\r\nand " + CLAIM
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    proc, report = lint(str(path))
    assert proc.returncode == 1
    [finding] = findings(report)
    assert text[finding["start"]:].startswith("14,000")
    # Line 5 is "and The ministry's ...": \r\n and \n each end exactly one line.
    assert (finding["line"], finding["column"]) == (5, len("and The ministry's budget rose to ") + 1)


def test_unbalanced_quotation_marks_across_the_whole_article(tmp_path):
    paragraphs = ["“It was never going to be easy, the chairman began."] + [
        f"Paragraph {i} goes on and on “with an opening quote and 12 more claims, {i} of them." for i in range(2000)]
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(paragraphs))
    proc, report = lint(str(path), timeout_s=90)
    assert proc.returncode in (0, 1) and proc.stderr == ""
    for f in findings(report):
        assert 0 <= f["start"] <= f["end"] <= len(path.read_text())


def test_a_hundred_thousand_numbers_in_one_paragraph(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Counts: " + ", ".join(str(i) for i in range(100_000)) + ".\n")
    proc, report = lint(str(path), timeout_s=90)
    assert proc.returncode in (0, 1) and proc.stderr == ""
    assert report["summary"]["files"] == 1


def _large_article(size: int) -> str:
    paragraph = ("The council approved a budget of $4.2 million on Tuesday, officials said. "
                 "About 3,000 residents attended, according to the mayor's office. "
                 "Some experts believe turnout doubled.\n\n")
    return paragraph * (size // len(paragraph) + 1)


@pytest.mark.parametrize("size", [pytest.param(50_000_000, marks=SLOW, id="50MB"), pytest.param(300_000, id="300kB")])
def test_large_article(tmp_path, size):
    path = tmp_path / "big.txt"
    path.write_text(_large_article(size))
    proc, report = lint(str(path), timeout_s=3600)
    assert proc.returncode == 1 and proc.stderr == ""
    assert report["summary"]["findings"] >= size // 200_000


@pytest.mark.parametrize("size", [pytest.param(5_000_000, marks=SLOW, id="5MB"), pytest.param(200_000, id="200kB")])
def test_a_single_very_long_line(tmp_path, size):
    path = tmp_path / "line.txt"
    path.write_text(_large_article(size).replace("\n", " ").strip())
    proc, report = lint(str(path), timeout_s=600)
    assert proc.returncode == 1 and proc.stderr == ""
    assert {f["line"] for f in findings(report)} == {1}
    # The text format quotes a window of the sentence, not the whole line.
    proc = run_cli("--color", "never", str(path))
    assert max(len(line) for line in proc.stdout.splitlines()) < 1000


# -- paths ------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    proc, _ = lint(str(tmp_path / "nope.md"))
    assert proc.returncode == 2
    assert only_error_line(proc) == f"attrlint: {tmp_path / 'nope.md'}: no such file or directory"


def test_file_given_where_a_folder_is_expected(tmp_path):
    (tmp_path / "a.txt").write_text(CLAIM)
    proc, _ = lint(str(tmp_path / "a.txt") + "/")
    assert proc.returncode == 2
    assert only_error_line(proc) == f"attrlint: {tmp_path / 'a.txt'}/: cannot read: Not a directory"


def test_folder_named_like_an_article_is_walked(tmp_path):
    folder = tmp_path / "story.md"
    folder.mkdir()
    (folder / "inside.txt").write_text(CLAIM)
    proc, report = lint(str(folder))
    assert proc.returncode == 1 and proc.stderr == ""
    assert [f["path"] for f in report["files"]] == [str(folder / "inside.txt")]


def test_reading_a_folder_as_a_file_is_a_one_line_error(tmp_path):
    from attrlint.inputs import InputError, read_source

    with pytest.raises(InputError, match=r": is a directory$"):
        read_source(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root (as in CI containers) reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(CLAIM)
    path.chmod(0)
    try:
        proc, _ = lint(str(path))
    finally:
        path.chmod(0o644)
    assert proc.returncode == 2
    assert only_error_line(proc) == f"attrlint: {path}: permission denied"


def test_unreadable_file_message(tmp_path, monkeypatch):
    """The same path as above for root: the OS refusal is simulated at ``open``."""
    import builtins

    from attrlint.inputs import InputError, read_source

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(builtins, "open", refuse)
    with pytest.raises(InputError) as info:
        read_source(str(tmp_path / "secret.txt"))
    assert str(info.value) == f"{tmp_path / 'secret.txt'}: permission denied"


def test_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: never followed
    (tmp_path / "sub" / "story.txt").write_text(CLAIM)
    proc, _ = lint(str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert only_error_line(proc) == f"attrlint: {tmp_path / 'a.txt'}: broken symbolic link"
    proc, report = lint(str(tmp_path), timeout_s=60)
    assert proc.returncode == 2  # the looping file links are reported, the real article is linted
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "sub" / "story.txt")]
    for line in proc.stderr.splitlines():
        assert "Too many levels of symbolic links" in line


def test_path_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "my stories" / "Zürich – 東京"
    folder.mkdir(parents=True)
    path = folder / "été 2024 ✓.txt"
    path.write_text(CLAIM)
    proc, report = lint(str(path))
    assert proc.returncode == 1 and proc.stderr == ""
    assert report["files"][0]["path"] == str(path)
    proc, report = lint(str(tmp_path / "my stories"))
    assert proc.returncode == 1 and report["files"][0]["path"] == str(path)


# -- a third-party rule that raises -----------------------------------------------------

RAISING_PLUGIN = '''
from attrlint.engine.hookspecs import hookimpl


class Explodes:
    code = "BRK001"
    name = "always-raises"
    category = "other"
    severity = "warning"
    summary = "A rule with a bug."
    doc = "Raises on every document."
    examples = ()

    def check(self, ctx):
        raise RuntimeError("boom at offset 3")


@hookimpl
def attrlint_rules():
    return [Explodes()]
'''


@pytest.fixture
def raising_plugin(tmp_path):
    """An installed-looking plugin (module + dist-info with an entry point) on PYTHONPATH."""
    return {"PYTHONPATH": str(plugin_site(tmp_path / "site", "attrlint_raising", RAISING_PLUGIN))}


def test_a_raising_third_party_rule_is_reported_and_the_others_still_run(tmp_path, raising_plugin):
    path = tmp_path / "a.txt"
    path.write_text(CLAIM)
    proc, report = lint(str(path), env=raising_plugin)
    assert proc.returncode == 2  # an internal error happened, even though there are findings
    assert only_error_line(proc) == (
        f"attrlint: {path}: rule BRK001 (always-raises) raised RuntimeError: boom at offset 3")
    assert [f["rule"] for f in findings(report)] == ["ATR001"]
    assert report["summary"]["errors"] == [proc.stderr.strip().removeprefix("attrlint: ")]

    proc = run_cli("--color", "never", str(path), env=raising_plugin)  # text format: same line, on the report
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr
    assert "rule BRK001 (always-raises) raised RuntimeError: boom at offset 3" in proc.stdout


# -- Markdown structure, configuration, suppressions --------------------------------------

def test_markdown_of_only_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Budget day\ntags: [politics, budget]\ndate: 2024-01-01\n---\n")
    proc, report = lint("--isolated", str(path))
    assert proc.returncode == 0 and proc.stderr == ""
    assert findings(report) == []


@pytest.mark.parametrize("markdown", [
    "".join("  " * i + "- The ministry sent 14,000 troops.\n" for i in range(3000)),
    ">" * 5000 + " The ministry sent 14,000 troops.\n",
    "".join("> " * i + "- " + "\n" for i in range(1, 800)) + "The ministry sent 14,000 troops.\n",
], ids=["3000-nested-lists", "5000-nested-blockquotes", "mixed-nesting"])
def test_deeply_nested_markdown(tmp_path, markdown):
    path = tmp_path / "a.md"
    path.write_text(markdown)
    proc, report = lint("--isolated", str(path), timeout_s=90)
    assert proc.returncode in (0, 1) and proc.stderr == ""
    for f in findings(report):
        assert markdown[f["start"]:f["end"]].startswith("14,000")


def test_malformed_config_file(tmp_path):
    (tmp_path / "attrlint.toml").write_text("select = [\n")
    (tmp_path / "a.txt").write_text(CLAIM)
    proc, report = lint(str(tmp_path / "a.txt"))
    assert proc.returncode == 2 and report is None
    line = only_error_line(proc)
    assert line.startswith(f"attrlint: {tmp_path / 'attrlint.toml'}: invalid TOML: ")


@pytest.mark.parametrize("option", ["--config", "--baseline", "--write-baseline"])
def test_folder_given_where_a_file_is_expected(tmp_path, option):
    (tmp_path / "a.txt").write_text(CLAIM)
    proc, _ = lint(option, str(tmp_path), str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert only_error_line(proc).startswith(f"attrlint: {tmp_path}: ")


def test_unknown_code_in_a_suppression_comment(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("The ministry sent 14,000 troops. <!-- attrlint-disable-line ATR999 -->\n")
    proc, report = lint("--isolated", str(path))
    assert proc.returncode == 1 and proc.stderr == ""
    unknown = [f for f in findings(report) if f["rule"] == "ATR901"]
    assert len(unknown) == 1 and "ATR999" in unknown[0]["message"]
