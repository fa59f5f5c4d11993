"""The command line: output formats, the JSON contract, exit codes, one-line errors."""

from __future__ import annotations

import json

from tests.conftest import run_cli

UNSOURCED = "North Korea has sent 14,000 troops to the front.\n"
SOURCED = "North Korea has sent 14,000 troops, according to South Korean intelligence.\n"


def test_json_contract(json_lint):
    report, proc = json_lint("Headline\n\nThe army lost [citation needed] 1,200 tanks.\n")
    assert proc.returncode == 1
    assert report["version"] == 1
    assert report["tool"]["name"] == "attrlint" and report["tool"]["version"]
    (file,) = report["files"]
    (finding,) = file["findings"]
    text = "Headline\n\nThe army lost [citation needed] 1,200 tanks.\n"
    assert text[finding["start"] : finding["end"]] == "1,200 tanks"
    assert (finding["line"], finding["column"]) == (3, 33)
    assert (finding["end_line"], finding["end_column"]) == (3, 44)
    assert finding["rule"] == "ATR001" and finding["category"] == "unattributed"
    assert finding["claim_kind"] == "numeric" and finding["severity"] == "warning"
    assert text[finding["sentence"]["start"] : finding["sentence"]["end"]].startswith("The army lost")
    assert finding["evidence"]["claim"] == "1,200 tanks"
    assert report["summary"]["findings"] == 1 and report["summary"]["by_rule"] == {"ATR001": 1}


def test_clean_article_exits_zero(json_lint):
    report, proc = json_lint(SOURCED)
    assert proc.returncode == 0, proc.stderr
    assert report["files"][0]["findings"] == []


def test_exit_zero_and_fail_on(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(UNSOURCED)
    assert run_cli(str(path)).returncode == 1
    assert run_cli("--exit-zero", str(path)).returncode == 0
    assert run_cli("--fail-on", "error", str(path)).returncode == 0


def test_text_output_keeps_literal_brackets(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The army lost [citation needed] 1,200 tanks [/] in May.\n")
    proc = run_cli(str(path))
    assert "[citation needed]" in proc.stdout and "[/]" in proc.stdout
    assert f"{path}:1:33: ATR001 warning" in proc.stdout
    assert "\x1b[" not in proc.stdout  # not a terminal: no colour
    assert "Found 1 finding (1 warning) in 1 file." in proc.stdout


def test_stdin(tmp_path):
    proc = run_cli("--format", "json", "-", input=UNSOURCED)
    assert json.loads(proc.stdout)["files"][0]["path"] == "-"
    proc = run_cli("--format", "json", "-", "--stdin-filename", "story.txt", input=UNSOURCED)
    assert json.loads(proc.stdout)["files"][0]["path"] == "story.txt"


def test_folder_walk_picks_article_extensions(tmp_path):
    (tmp_path / "a.md").write_text(UNSOURCED)
    (tmp_path / "b.txt").write_text(SOURCED)
    (tmp_path / "notes.py").write_text("x = 14000\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(UNSOURCED)
    proc = run_cli("--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(proc.stdout)["files"]]
    assert [p.replace(str(tmp_path), "") for p in paths] == ["/a.md", "/b.txt", "/sub/c.html"]


def test_missing_path_is_one_line_exit_2(tmp_path):
    proc = run_cli(str(tmp_path / "nope.md"))
    assert proc.returncode == 2
    assert "nope.md: no such file or directory" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_binary_file_is_one_line_exit_2(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = run_cli("--format", "json", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"attrlint: {path}: binary file (contains NUL bytes), not an article"]


def test_invalid_utf8_names_byte_position(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 prices rose 12%.".encode("latin-1"))
    proc = run_cli("--format", "json", str(path))
    assert proc.returncode == 2
    assert "not valid UTF-8 (byte 0xe9 at position 3)" in proc.stderr
    proc = run_cli("--format", "json", "--encoding", "latin-1", str(path))
    assert proc.returncode == 1


def test_usage_errors_exit_2():
    proc = run_cli("--format", "nope", "x.txt")
    assert proc.returncode == 2 and "unknown format 'nope'" in proc.stderr
    proc = run_cli("--fail-on", "fatal", "x.txt")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert run_cli().returncode == 2


def test_rules_and_explain():
    proc = run_cli("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(proc.stdout)]
    assert codes == sorted(codes) and {"ATR001", "ATR002"} <= set(codes)
    proc = run_cli("explain", "ATR001")
    assert proc.returncode == 0 and "unattributed-numeric-claim" in proc.stdout and "Flagged:" in proc.stdout
    assert run_cli("explain", "XYZ999").returncode == 2


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("attrlint ")


def test_select_and_ignore(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(UNSOURCED + "\nExperts say it will not last.\n")

    def rules(*args):
        report = json.loads(run_cli("--format", "json", *args, str(path)).stdout)
        return {f["rule"] for f in report["files"][0]["findings"]}

    assert rules() >= {"ATR001", "ATR002"}
    assert rules("--select", "ATR001") == {"ATR001"}
    assert "ATR001" not in rules("--ignore", "ATR001")


def test_show_evidence_lists_passes_with_their_cue(json_lint):
    text = "The ministry said 12 people died. They all worked in the mine.\n"
    report, proc = json_lint(text, "story.txt", "--show-evidence")
    passes = report["files"][0]["passes"]
    assert [p["attribution"]["from"] for p in passes] == ["self", "previous"]
    assert passes[0]["attribution"]["cue"] == "The ministry said"
    assert passes[0]["claim_kind"] == "numeric"
    report, _ = json_lint(text)
    assert "passes" not in report["files"][0]
