"""Baselines: recorded findings are ignored by rule, path and claim, not by line number."""

from __future__ import annotations

import json
import os

from tests.inprocess import attrlint  # noqa: F401  (fixture)

OLD = "North Korea has sent 14,000 troops to the front.\n\nExperts say the offensive cannot last.\n"


def setup(tmp_path):
    (tmp_path / ".git").mkdir()
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text(OLD, encoding="utf-8")
    return story


def findings(run) -> list[tuple[str, str]]:
    return [(f["rule"], f["evidence"].get("claim", "")) for file in json.loads(run.stdout)["files"]
            for f in file["findings"]]


def test_write_baseline_records_findings_atomically(tmp_path, attrlint):  # noqa: F811
    story = setup(tmp_path)
    baseline = tmp_path / "attrlint-baseline.json"
    before = set(os.listdir(tmp_path))
    run = attrlint("--write-baseline", baseline, story.parent)
    assert run.returncode == 0 and run.stdout == ""
    assert run.stderr == f"attrlint: wrote 2 finding(s) to {baseline}\n"
    assert set(os.listdir(tmp_path)) == before | {"attrlint-baseline.json"}  # nothing else, no temp file
    data = json.loads(baseline.read_text())
    assert data["version"] == 1
    assert data["findings"] == [
        {"rule": "ATR001", "path": "desk/story.txt", "claim": "14,000 troops", "count": 1},
        {"rule": "ATR002", "path": "desk/story.txt", "claim": "Experts say", "count": 1},
    ]
    baseline.write_text("stale")
    assert attrlint("--write-baseline", baseline, story).returncode == 0  # replaced whole
    assert json.loads(baseline.read_text())["version"] == 1


def test_baseline_survives_lines_inserted_above(tmp_path, attrlint):  # noqa: F811
    story = setup(tmp_path)
    baseline = tmp_path / "baseline.json"
    attrlint("--write-baseline", baseline, story)
    run = attrlint("--format", "json", "--baseline", baseline, story)
    assert (run.returncode, findings(run)) == (0, [])
    story.write_text("Headline\n\nA new first paragraph.\n\n" + OLD + "\nThe fire destroyed 40 homes.\n")
    run = attrlint("--format", "json", "--baseline", baseline, story)
    assert run.returncode == 1
    assert findings(run) == [("ATR001", "40 homes")]


def test_baseline_counts_repeated_claims_and_changed_claims_are_new(tmp_path, attrlint):  # noqa: F811
    story = setup(tmp_path)
    baseline = tmp_path / "baseline.json"
    attrlint("--write-baseline", baseline, story)
    story.write_text(OLD + "\nNorth Korea has sent 14,000 troops to the front.\n\nIt has sent 15,000 troops.\n")
    run = attrlint("--format", "json", "--baseline", baseline, story)
    assert findings(run) == [("ATR001", "14,000 troops"), ("ATR001", "15,000 troops")]


def test_baseline_paths_do_not_depend_on_the_working_directory(tmp_path, attrlint):  # noqa: F811
    story = setup(tmp_path)
    attrlint("--write-baseline", "baseline.json", "desk", cwd=tmp_path)
    run = attrlint("--format", "json", "--baseline", tmp_path / "baseline.json", "story.txt", cwd=story.parent)
    assert (run.returncode, findings(run)) == (0, [])


def test_baseline_errors(tmp_path, attrlint):  # noqa: F811
    story = setup(tmp_path)
    missing = tmp_path / "missing.json"
    run = attrlint("--baseline", missing, story)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.startswith(f"attrlint: {missing}: --baseline: cannot read")
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 7}')
    run = attrlint("--baseline", bad, story)
    assert run.returncode == 2
    assert run.stderr == f"attrlint: {bad}: --baseline: expected a version 1 baseline written by --write-baseline\n"
    run = attrlint("--write-baseline", tmp_path / "no" / "dir" / "b.json", story)
    assert run.returncode == 2 and "cannot write baseline" in run.stderr and len(run.stderr.splitlines()) == 1
