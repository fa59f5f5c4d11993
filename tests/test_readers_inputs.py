"""Inputs: encodings, BOM, line ends, standard input, folder walking (.gitignore, --exclude)."""

from __future__ import annotations

import json
import os

from attrlint.inputs import discover
from tests.conftest import run_cli

MD = "# Floods\n\nThe *firm* sold 4,000 cars &amp; trucks.\n"


def _findings(proc):
    return json.loads(proc.stdout)["files"][0]["findings"]


def test_bom_and_line_ends_through_the_cli(tmp_path):
    texts = {}
    for newline, ending in (("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")):
        for bom in (b"", b"\xef\xbb\xbf"):
            path = tmp_path / f"{ending}{'-bom' if bom else ''}.md"
            texts[str(path)] = MD.replace("\n", newline)
            path.write_bytes(bom + texts[str(path)].encode("utf-8"))
    report = json.loads(run_cli("--format", "json", *texts).stdout)
    assert len(report["files"]) == 6
    for file in report["files"]:
        (f,) = file["findings"]
        # Offsets count the decoded text, BOM excluded; columns exact whatever the line end.
        assert texts[file["path"]][f["start"] : f["end"]] == "4,000 cars", file["path"]
        assert (f["line"], f["column"], f["end_column"]) == (3, 17, 27), file["path"]


def test_invalid_utf8_is_one_line_error_unless_encoding_given(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners sold 4,000 cars.\n".encode("latin-1"))
    proc = run_cli("--format", "json", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert str(path) in proc.stderr and "not valid UTF-8" in proc.stderr and "position 3" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_cli("--format", "json", "--encoding", "latin-1", str(path))
    assert proc.returncode == 1
    (f,) = _findings(proc)
    assert f["evidence"]["claim"] == "4,000 cars"


def test_stdin_filename_picks_the_reader():
    text = "Profits rose 40% in May.\n\n```\ntotal = 12345\n```\n<!-- 7 notes -->\n"
    proc = run_cli("--format", "json", "-", "--stdin-filename", "story.md", input=text)
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "story.md"
    assert [text[f["start"] : f["end"]] for f in report["files"][0]["findings"]] == ["40%"]
    # The same text read as plain text lints the code and the comment too.
    proc = run_cli("--format", "json", "-", "--stdin-filename", "story.txt", input=text)
    assert len(_findings(proc)) > 1


def _tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _rel(root, files):
    return sorted(os.path.relpath(f, root) for f in files)


def test_gitignore_in_tree_and_above_it(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _tree(repo, {
        ".gitignore": "drafts/\n*.tmp.md\n",
        "site/.gitignore": "build/\n!keep.tmp.md\n",
        "site/a.md": "", "site/b.tmp.md": "", "site/keep.tmp.md": "", "site/build/x.md": "",
        "site/drafts/d.md": "", "site/sub/c.html": "", "site/sub/.gitignore": "c.html\n", "site/sub/e.txt": "",
    })
    files, errors = discover([str(repo / "site")])
    assert errors == []
    assert _rel(repo / "site", files) == ["a.md", "keep.tmp.md", "sub/e.txt"]
    # Outside a repository, .gitignore files above the walked folder do not apply.
    (repo / ".git").rmdir()
    files, _ = discover([str(repo / "site")])
    assert "drafts/d.md" in _rel(repo / "site", files)


def test_exclude_globs(tmp_path):
    _tree(tmp_path, {"news/a.md": "", "news/archive/old.md": "", "news/b.draft.md": "", "news/c.txt": ""})
    files, _ = discover([str(tmp_path / "news")], exclude=["archive/", "*.draft.md"])
    assert _rel(tmp_path / "news", files) == ["a.md", "c.txt"]
    # Globs only look below the walked folder; explicit files are always linted.
    files, _ = discover([str(tmp_path / "news"), str(tmp_path / "news/b.draft.md")],
                        exclude=[tmp_path.name, "old.md"])
    assert _rel(tmp_path / "news", files) == ["a.md", "b.draft.md", "b.draft.md", "c.txt"]


def test_exclude_option_on_the_cli(tmp_path):
    _tree(tmp_path, {"a.md": "Profits rose 40% in May.\n", "skip/b.md": "Profits rose 40% in May.\n"})
    (tmp_path / "attrlint.toml").write_text('exclude = ["*.wip.md"]\n')
    (tmp_path / "c.wip.md").write_text("Profits rose 40% in May.\n")
    proc = run_cli("--format", "json", "--exclude", "skip", str(tmp_path))  # adds to the config's exclude
    assert [os.path.basename(f["path"]) for f in json.loads(proc.stdout)["files"]] == ["a.md"]


def test_symlink_loop_is_not_followed(tmp_path):
    _tree(tmp_path, {"top/a.md": "", "top/sub/b.md": ""})
    os.symlink(tmp_path / "top", tmp_path / "top/sub/loop")
    os.symlink(tmp_path / "top/sub/b.md", tmp_path / "top/link.md")
    files, errors = discover([str(tmp_path / "top")])
    assert errors == []
    assert _rel(tmp_path / "top", files) == ["a.md", "link.md", "sub/b.md"]
