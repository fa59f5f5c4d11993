"""Findings' confidence: carried by every output, filtered by --min-confidence and the
min-confidence key (after suppressions), never part of a baseline's key."""

from __future__ import annotations

import json
import os
import pickle
from collections import Counter
from pathlib import Path

import pytest

from attrlint.engine.confidence import default_min_confidence, filter_by_confidence, resolve_threshold
from attrlint.engine.findings import Finding
from tests.conftest import SHARED, plugin_site, run_cli

# A plugin rule whose findings carry the confidence the text names: "mark low" is 0.2.
SCORED_PLUGIN = '''
import re

from attrlint.engine.findings import Finding
from attrlint.engine.hookspecs import hookimpl

CONFIDENCE = {"low": 0.2, "mid": 0.35, "high": 0.7, "odd": 0.87349}

class Scored:
    code = "TST001"
    name = "scored-test-claim"
    category = "unattributed"
    severity = "warning"
    summary = "Test rule: flags 'mark low' (and mid, high, odd) with that confidence."
    doc = summary
    examples = ()

    def check(self, ctx):
        for m in re.finditer(r"mark (low|mid|high|odd)", ctx.document.text):
            yield Finding(self.code, self.name, self.category, self.severity, "Scored.", m.start(), m.end(),
                          m.start(), m.end(), confidence=CONFIDENCE[m.group(1)])


@hookimpl
def attrlint_rules():
    return [Scored()]
'''
# Questions are not claims: only the plugin's findings and the last sentence's ATR001.
ARTICLE = "Is it mark low here?\n\nIs it mark high here?\n\nNorth Korea has sent 14,000 troops.\n"
BUILT_IN_MODEL = Path(__file__).resolve().parents[1] / "rules" / "models" / "scorer.json"
SARIF_SCHEMA = Path(os.environ.get("ATTRLINT_SARIF_SCHEMA", SHARED / "schemas" / "sarif-schema-2.1.0.json"))


@pytest.fixture
def scored(tmp_path):
    """``scored(*args, cwd=None)``: run attrlint with the TST001 plugin installed."""
    env = {"PYTHONPATH": str(plugin_site(tmp_path / "site", "attrlint_scored", SCORED_PLUGIN))}

    def go(*args, cwd=None):
        # The hand-set rules alone: the built-in ATR001 then has confidence 1.0 beside the
        # plugin's chosen confidences (the scorer's own are tested in test_scoring.py).
        extra = () if args and args[0] in ("config", "rules", "explain") else ("--no-scorer",)
        return run_cli(*map(str, args), *extra, env=env, cwd=cwd)

    return go


def _finding(confidence: float = 1.0, category: str = "unattributed", rule: str = "ATR001") -> Finding:
    return Finding(rule, "x", category, "warning", "m", 0, 1, 0, 1, confidence=confidence)


# The Finding itself

def test_confidence_defaults_to_one_and_survives_replace_pickling_and_equality():
    plain = Finding("ATR001", "x", "unattributed", "warning", "m", 0, 1, 0, 1)
    assert plain.confidence == 1.0
    low = plain.replace(confidence=0.25)
    assert low.confidence == 0.25 and plain.confidence == 1.0
    assert low != plain and low == plain.replace(confidence=0.25)
    assert pickle.loads(pickle.dumps(low)) == low
    assert "confidence=0.25" in repr(low)
    with pytest.raises(AttributeError):
        low.confidence = 0.5


# Filtering

def test_filter_by_one_number_keeps_findings_at_or_above_it():
    findings = [_finding(0.2), _finding(0.5), _finding(0.9)]
    assert [f.confidence for f in filter_by_confidence(findings, 0.5)] == [0.5, 0.9]
    assert filter_by_confidence(findings, 0.0) is findings  # nothing to filter: not copied
    assert filter_by_confidence(findings, 1.0) == []
    assert filter_by_confidence(iter(findings), 0.0) == findings


def test_filter_by_category_leaves_unnamed_categories_alone():
    findings = [_finding(0.2), _finding(0.2, "vague-attribution", "ATR002"), _finding(0.2, "other", "ATR901")]
    kept = filter_by_confidence(findings, {"unattributed": 0.3, "vague-attribution": 0.1})
    assert [f.rule for f in kept] == ["ATR002", "ATR901"]
    assert filter_by_confidence(findings, {}) is findings


def test_auto_means_the_models_thresholds_which_are_none_yet():
    assert default_min_confidence() == {}
    assert resolve_threshold("auto") == {}
    assert resolve_threshold(1) == 1.0 and isinstance(resolve_threshold(1), float)


# Outputs

def test_json_and_jsonl_records_carry_the_confidence(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    report = json.loads(scored("--format", "json", article).stdout)
    found = {(f["rule"], f["confidence"]) for f in report["files"][0]["findings"]}
    assert found == {("TST001", 0.2), ("TST001", 0.7), ("ATR001", 1.0)}
    lines = [json.loads(line) for line in scored("--format", "jsonl", article).stdout.splitlines()]
    assert sorted(r["confidence"] for r in lines) == [0.2, 0.7, 1.0]


def test_json_confidence_is_rounded_to_three_decimals(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text("Is it mark odd here?\n", encoding="utf-8")
    (finding,) = json.loads(scored("--format", "json", "--select", "TST", article).stdout)["files"][0]["findings"]
    assert finding["confidence"] == 0.873


def test_sarif_rank_is_the_confidence_out_of_100(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    log = json.loads(scored("--format", "sarif", article).stdout)
    ranks = {(r["ruleId"], r["rank"]) for r in log["runs"][0]["results"]}
    assert ranks == {("TST001", 20.0), ("TST001", 70.0), ("ATR001", 100.0)}
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (shared material absent)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str) == []


def test_text_shows_the_confidence_with_show_evidence(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert "    confidence:" not in scored(article).stdout
    out = scored("--show-evidence", article).stdout
    assert "    confidence: 0.200" in out and "    confidence: 0.700" in out and "    confidence: 1.000" in out


def test_outputs_are_the_same_with_two_workers(tmp_path, scored):
    for i in range(4):
        (tmp_path / "articles").mkdir(exist_ok=True)
        (tmp_path / "articles" / f"{i}.txt").write_text(ARTICLE.replace("low", ["low", "mid", "high", "odd"][i]),
                                                          encoding="utf-8")
    for options in (("--format", "json"), ("--format", "sarif"), ("--format", "jsonl"), ("--show-evidence",)):
        one = scored(*options, "--jobs", "1", tmp_path / "articles")
        two = scored(*options, "--jobs", "2", tmp_path / "articles")
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout and ("0.35" in one.stdout or "35.0" in one.stdout)


def test_lsp_diagnostic_data_carries_the_confidence():
    pytest.importorskip("pygls", reason="the language server needs pygls")
    from pygls.workspace.position_codec import PositionCodec

    from attrlint.lsp.positions import PositionMap
    from attrlint.lsp.server import diagnostic

    finding = Finding("ATR001", "unattributed-numeric-claim", "unattributed", "warning", "m", 0, 2, 0, 2,
                      confidence=0.87349)
    data = diagnostic(finding, PositionMap("12 ships.\n", PositionCodec("utf-16"))).data
    assert data == {"name": "unattributed-numeric-claim", "category": "unattributed", "confidence": 0.873}


# --min-confidence and the min-confidence key

def _rules_and_confidences(proc) -> list[tuple[str, float]]:
    return [(f["rule"], f["confidence"]) for f in json.loads(proc.stdout)["files"][0]["findings"]]


def test_min_confidence_drops_findings_before_the_summary_and_exit_code(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = scored("--format", "json", "--min-confidence", "0.5", article)
    assert _rules_and_confidences(proc) == [("TST001", 0.7), ("ATR001", 1.0)]
    assert json.loads(proc.stdout)["summary"]["by_rule"] == {"ATR001": 1, "TST001": 1}
    assert scored("--select", "TST", "--min-confidence", "0.8", article).returncode == 0
    assert scored("--select", "TST", "--min-confidence", "0.7", article).returncode == 1
    assert scored("--select", "TST", "--min-confidence", "auto", article).returncode == 1


def test_min_confidence_key_closest_file_wins_and_the_command_line_wins_over_it(tmp_path, scored):
    for folder, config in (("strict", "min-confidence = 0.5\n"), ("lenient", "min-confidence = 0\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "attrlint.toml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    strict, lenient = tmp_path / "strict" / "story.txt", tmp_path / "lenient" / "story.txt"
    report = json.loads(scored("--format", "json", "--select", "TST", strict, lenient).stdout)
    assert [[f["confidence"] for f in file["findings"]] for file in report["files"]] == [[0.7], [0.2, 0.7]]
    report = json.loads(scored("--format", "json", "--select", "TST", "--min-confidence", "0.9", strict,
                               lenient).stdout)
    assert [file["findings"] for file in report["files"]] == [[], []]
    shown = scored("config", strict).stdout
    assert "min-confidence = 0.5" in shown and str(tmp_path / "strict" / "attrlint.toml") in shown
    assert 'min-confidence = "auto"' in scored("config", "--isolated", strict).stdout


@pytest.mark.parametrize("value", ["1.5", '"high"', "true", "-0.1", "nan"])
def test_a_bad_min_confidence_key_is_one_line_and_exit_2(tmp_path, value):
    (tmp_path / "attrlint.toml").write_text(f"min-confidence = {value}\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli(str(tmp_path / "story.txt"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "key 'min-confidence': expected a number from 0 to 1" in proc.stderr


@pytest.mark.parametrize("value", ["1.5", "high", "nan", ""])
def test_a_bad_min_confidence_option_is_one_line_and_exit_2(tmp_path, value):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("--min-confidence", value, str(tmp_path / "story.txt"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "--min-confidence" in proc.stderr and "Traceback" not in proc.stderr


def test_a_low_confidence_finding_still_uses_its_suppression(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text("<!-- attrlint-disable-next-line TST001 -->\nIs it mark low here?\n\n"
                       "<!-- attrlint-disable-next-line TST001 -->\nNothing to see.\n", encoding="utf-8")
    proc = scored("--format", "json", "--select", "TST,ATR901", "--min-confidence", "0.5", article)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    # Only the directive above the sentence without a finding is unused.
    assert [(f["rule"], f["line"]) for f in findings] == [("ATR901", 4)]


def test_a_low_confidence_finding_is_not_reported_when_unsuppressed(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text("Is it mark low here?\n", encoding="utf-8")
    assert _rules_and_confidences(scored("--format", "json", "--select", "TST,ATR901", article)) == [("TST001", 0.2)]
    assert _rules_and_confidences(scored("--format", "json", "--select", "TST,ATR901", "--min-confidence", "0.5",
                                         article)) == []


# Baselines

def test_baseline_keys_ignore_the_confidence(tmp_path):
    from attrlint.engine.baseline import filter_baselined, keys
    from attrlint.engine.linter import FileResult
    from attrlint.readers.plaintext import PlainTextReader

    document = PlainTextReader().read("story.txt", "12 ships sank.\n")
    old = FileResult("story.txt", document, [_finding(0.9)])
    new = FileResult("story.txt", document, [_finding(0.3)])
    assert keys([old], tmp_path) == keys([new], tmp_path)
    assert filter_baselined([new], keys([old], tmp_path), tmp_path) == 1 and new.findings == []


def test_write_baseline_records_findings_whatever_their_confidence(tmp_path, scored):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert scored("--write-baseline", baseline, "--min-confidence", "0.5", "--select", "TST", article).returncode == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert Counter(entry["claim"] for entry in data["findings"]) == {"mark low": 1, "mark high": 1}
    assert "confidence" not in baseline.read_text(encoding="utf-8")
    # A threshold lowered later (or a model that scores higher) finds nothing new.
    assert scored("--baseline", baseline, "--min-confidence", "0", "--select", "TST", article).returncode == 0


# The model key and --model

def test_model_is_resolved_relative_to_the_configuration_file(tmp_path, monkeypatch):
    from attrlint.config.settings import load_settings

    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "models").mkdir()
    (tmp_path / "conf" / "models" / "ours.json").write_text("{}", encoding="utf-8")
    (tmp_path / "conf" / "attrlint.toml").write_text('model = "models/ours.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(Path("conf/attrlint.toml"))
    assert settings.model_path.resolve() == (tmp_path / "conf" / "models" / "ours.json").resolve()
    assert load_settings(None).model_path is None  # "": the built-in model
    settings.override("model", "elsewhere.json")  # the command line: relative to the working directory
    assert settings.model_path.resolve() == (tmp_path / "elsewhere.json").resolve()


def test_model_key_and_option_must_name_a_file(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "ours.json").write_text(BUILT_IN_MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "attrlint.toml").write_text('model = "missing.json"\n', encoding="utf-8")
    proc = run_cli(str(tmp_path / "story.txt"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "key 'model': no such file" in proc.stderr and "missing.json" in proc.stderr
    (tmp_path / "attrlint.toml").write_text('model = "ours.json"\n', encoding="utf-8")
    assert run_cli(str(tmp_path / "story.txt")).returncode == 1
    assert 'model = "ours.json"' in run_cli("config", str(tmp_path / "story.txt")).stdout
    proc = run_cli("--model", str(tmp_path / "nope.json"), str(tmp_path / "story.txt"))
    assert proc.returncode == 2 and proc.stderr.startswith("attrlint: --model: no such file")
    (tmp_path / "attrlint.toml").write_text("model = 3\n", encoding="utf-8")
    proc = run_cli(str(tmp_path / "story.txt"))
    assert proc.returncode == 2 and "key 'model': expected a string" in proc.stderr


def test_the_model_path_reaches_the_profile_from_the_command_line(tmp_path, monkeypatch):
    from attrlint.cli.check import build_parser, cli_overrides
    from attrlint.config.profile import ConfigResolver
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    (tmp_path / "ours.json").write_text(BUILT_IN_MODEL.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["--model", "ours.json", "--min-confidence", "0.4", "story.txt"])
    resolver = ConfigResolver(build_registry(load_plugins(third_party=False)), None, True, cli_overrides(args))
    profile = resolver.profile_for("story.txt")
    assert profile.settings.model_path == tmp_path / "ours.json"
    assert profile.min_confidence == 0.4


def test_a_rule_codes_threshold_overrides_its_categorys():
    figure, fact = _finding(0.3, rule="ATR001"), _finding(0.3, rule="ATR003")
    assert filter_by_confidence([figure, fact], {"unattributed": 0.45, "ATR001": 0.25}) == [figure]
