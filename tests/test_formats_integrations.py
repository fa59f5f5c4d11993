"""--format sarif, github, concise and jsonl, through the real CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, run_cli

# ATTRLINT_SARIF_SCHEMA points elsewhere, e.g. from a worktree whose parent has no shared/.
SARIF_SCHEMA = Path(os.environ.get("ATTRLINT_SARIF_SCHEMA", SHARED / "schemas" / "sarif-schema-2.1.0.json"))
# The same sentence twice: equal claims must still get distinct fingerprints.
ARTICLE = (
    "# Border\n\n"
    "🪖 The army sent 14,000 troops to the border.\n\n"
    "Experts say the plan will fail.\n\n"
    "The army sent 14,000 troops to the border.\n"
)


def _lint(tmp_path, fmt: str, text: str = ARTICLE, name: str = "draft.md", *extra: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    proc = run_cli("--format", fmt, *extra, name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return proc


def _sarif(tmp_path, text: str = ARTICLE) -> dict:
    return json.loads(_lint(tmp_path, "sarif", text).stdout)


def test_sarif_validates_against_the_official_schema(tmp_path):
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (shared material absent)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = _sarif(tmp_path)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])
    assert log["runs"][0]["results"], "the schema check must cover real results"


def test_sarif_rules_levels_and_regions(tmp_path):
    run = _sarif(tmp_path)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:2] == ["ATR001", "ATR002"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    first = run["results"][0]
    assert first["ruleId"] == "ATR001" and rules[first["ruleIndex"]]["id"] == "ATR001"
    assert first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    # Line 3, after "🪖 The army sent " (16 code points): column 17, 1-based; endColumn exclusive.
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 17, 30)
    assert ARTICLE[region["charOffset"] : region["charOffset"] + region["charLength"]] == "14,000 troops"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.md"
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


def test_sarif_fingerprints_survive_edits_elsewhere_and_tell_repeats_apart(tmp_path):
    def fingerprints(text: str) -> dict[str, int]:
        results = _sarif(tmp_path, text)["runs"][0]["results"]
        return {r["partialFingerprints"]["attrlintClaim/v1"]:
                r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results}

    before = fingerprints(ARTICLE)
    after = fingerprints("Added later.\n\nAnd more.\n\n" + ARTICLE)  # moves every claim 4 lines down
    assert len(before) == 3, "two identical claims need distinct fingerprints"
    for fingerprint, line in before.items():
        assert after.get(fingerprint) == line + 4


def test_github_annotations_escape_data_and_properties(tmp_path):
    proc = _lint(tmp_path, "github", name="a:b,c%.md")
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "::warning file=a%3Ab%2Cc%25.md,line=3,col=17,endLine=3,endColumn=30,"
        "title=ATR001 unattributed-numeric-claim::Unattributed figure “14,000 troops”: no source nearby."
    )
    assert len(lines) == 3 and all(line.startswith("::warning ") for line in lines)


def test_github_escaping_of_newlines_and_percent():
    from attrlint.formats.github import annotation

    line = annotation("warning", "50% up\r\nnext", file="x,y:z.md", line=1)
    assert line == "::warning file=x%2Cy%3Az.md,line=1::50%25 up%0D%0Anext"


def test_concise_is_one_line_per_finding(tmp_path):
    proc = _lint(tmp_path, "concise")
    assert proc.stdout.splitlines() == [
        "draft.md:3:17: ATR001 Unattributed figure “14,000 troops”: no source nearby.",
        "draft.md:5:1: ATR002 Vague attribution “Experts say”: name the source.",
        "draft.md:7:15: ATR001 Unattributed figure “14,000 troops”: no source nearby.",
    ]
    assert proc.returncode == 1


def test_jsonl_streams_contract_records(tmp_path):
    proc = _lint(tmp_path, "jsonl")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["path"], r["rule"], r["line"], r["column"]) for r in records] == [
        ("draft.md", "ATR001", 3, 17), ("draft.md", "ATR002", 5, 1), ("draft.md", "ATR001", 7, 15)]
    assert ARTICLE[records[0]["start"] : records[0]["end"]] == "14,000 troops"


def test_clean_article_prints_nothing_in_line_formats(tmp_path):
    for fmt in ("concise", "jsonl", "github"):
        proc = _lint(tmp_path, fmt, "The army sent 14,000 troops, the ministry said.\n")
        assert proc.stdout == "" and proc.returncode == 0, fmt


def test_no_summary_line_under_pre_commit(tmp_path):
    (tmp_path / "draft.md").write_text(ARTICLE, encoding="utf-8")
    normal = run_cli("draft.md", cwd=tmp_path)
    hooked = run_cli("draft.md", cwd=tmp_path, env={"PRE_COMMIT": "1"})
    assert "Found 3 findings" in normal.stdout
    assert "Found" not in hooked.stdout and "draft.md:3:17" in hooked.stdout
    assert hooked.returncode == normal.returncode == 1


def test_sarif_describes_house_rules_from_the_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "attrlint.toml").write_text(
        f'rule-paths = [{json.dumps(str(ROOT / "examples" / "house-rules"))}]\n', encoding="utf-8")
    log = json.loads(_lint(tmp_path, "sarif", "A poll found 40% support for the plan.\n").stdout)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "HSE001" in {r["ruleId"] for r in run["results"]}
    assert rules["HSE001"]["name"] == "poll-needs-pollster"
    assert rules["HSE001"]["shortDescription"]["text"].startswith("A poll or survey result")
