"""The entry-point scan finds what importlib.metadata finds, without importing it."""

from __future__ import annotations

import subprocess
import sys

from attrlint.engine import entrypoints
from attrlint.engine.entrypoints import EntryPoint, entry_points


def _distribution(site, folder: str, text: str) -> None:
    (site / folder).mkdir()
    (site / folder / "entry_points.txt").write_text(text, encoding="utf-8")


def test_scan_matches_importlib_metadata(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _distribution(first, "house_rules-1.0.dist-info",
                  "[console_scripts]\nhouse = house:main\n\n[attrlint]\n# a comment\n"
                  "house = house_rules.plugin:hooks [extra]\n")
    _distribution(first, "Old.Style-2.0.egg-info", "[attrlint]\nold=old_style\n")
    # The same distribution later on the path is shadowed, as in importlib.metadata.
    _distribution(second, "House_Rules-0.9.dist-info", "[attrlint]\nshadowed = nothing\n")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])
    found = entry_points("attrlint")
    assert sorted(found, key=lambda e: e.name) == [EntryPoint("house", "house_rules.plugin:hooks [extra]"),
                                                   EntryPoint("old", "old_style")]
    slow = entrypoints._from_importlib_metadata("attrlint")
    assert sorted(found, key=lambda e: e.name) == sorted(slow, key=lambda e: e.name)


def test_zip_on_the_path_falls_back_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "packages.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [str(archive)])
    calls = []
    monkeypatch.setattr(entrypoints, "_from_importlib_metadata", lambda group: calls.append(group) or [])
    assert entry_points("attrlint") == []
    assert calls == ["attrlint"]


def test_load_resolves_module_and_attribute():
    assert EntryPoint("x", "attrlint.engine.entrypoints:EntryPoint.load").load() is EntryPoint.load
    assert EntryPoint("x", "attrlint.builtin [fast]").load().__name__ == "attrlint.builtin"


def test_a_run_never_imports_importlib_metadata_or_rich_for_json(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The ministry said 12 people died.\n", encoding="utf-8")
    probe = ("import sys; from attrlint.cli.main import main; code = main(['--format', 'json', sys.argv[1]]); "
             "print([m for m in ('importlib.metadata', 'rich', 'concurrent.futures') if m in sys.modules], "
             "file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe, str(story)], capture_output=True, text=True)
    assert proc.stderr.strip() == "[]", proc.stderr
