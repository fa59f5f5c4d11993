"""Declarative house rules: each kind, their documented examples, errors, timeouts, explain."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from attrlint.analysis.lexicons import Lexicons
from attrlint.config.errors import ConfigError
from attrlint.config.profile import build_profile
from attrlint.config.settings import load_settings
from attrlint.data import rules_root
from attrlint.engine.declarative import ConditionalRule, ExistenceRule, load_rule_file, load_rule_paths
from attrlint.engine.linter import lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.readers.plaintext import PlainTextReader
from tests.conftest import ROOT
from tests.inprocess import attrlint  # noqa: F401  (fixture)

EXAMPLES = ROOT / "examples" / "house-rules"
REGISTRY = build_registry(load_plugins(third_party=False))
SHIPPED = load_rule_paths([EXAMPLES], "test")


def lint(text: str, rules: list, lexicons: Lexicons | None = None):
    document = PlainTextReader().read("a.txt", text)
    return lint_document(document, rules, lexicons or Lexicons())


def rule_file(tmp_path: Path, body: str, name: str = "rule.toml") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


EXISTENCE = '''kind = "existence"
code = "HSE100"
name = "no-slam"
message = "Do not write “{match}”."
severity = "info"
category = "other"
doc = "Headline verbs such as slam and blast overstate what was said."
tokens = ["slams", "blasts"]
examples = [
  { text = "Minister slams report.", flagged = true },
  { text = "Minister criticises report.", flagged = false },
]
'''
CONDITIONAL = 'kind = "conditional"\ncode = "HSE1"\nname = "x"\nmessage = "m"\ndoc = "d"\nseverity = "warning"\n' \
              'category = "other"\n'


# --- the shipped examples are documented and tested like built-in rules -----------------


def test_shipped_house_rules_cover_every_kind():
    kinds = {type(r) for r in SHIPPED.rules}
    assert kinds == {ExistenceRule, ConditionalRule}
    assert SHIPPED.lexicons["reporting-verbs"]


@pytest.mark.parametrize("rule", SHIPPED.rules, ids=lambda r: r.code)
def test_shipped_house_rule_examples(rule):
    assert len(rule.doc) > 100 and rule.summary
    assert any(e.flagged for e in rule.examples) and any(not e.flagged for e in rule.examples)
    for example in rule.examples:
        findings = lint(example.text, [rule]).findings
        assert bool(findings) == example.flagged, example.text
        for f in findings:
            assert "{match}" not in f.message and f.rule == rule.code


def test_builtin_lexicons_load_as_rule_files():
    for entry in (rules_root() / "lexicons").iterdir():
        name, entries = load_rule_file(Path(str(entry)))
        assert entries and name


# --- each kind -------------------------------------------------------------------------


def test_existence_rule_with_tokens_and_pattern(tmp_path):
    rule = load_rule_file(rule_file(tmp_path, EXISTENCE + "pattern = 'hits\\s+out\\s+at'\n"))
    text = "Minister Slams report. He later hits out at critics.\n\nMinister blastsoff."
    findings = lint(text, [rule]).findings
    assert [text[f.start : f.end] for f in findings] == ["Slams", "hits out at"]
    assert findings[0].message == "Do not write “Slams”." and findings[0].severity == "info"
    assert (findings[0].sentence_start, findings[0].sentence_end) == (0, 22)


def test_existence_rule_case_sensitive(tmp_path):
    rule = load_rule_file(rule_file(tmp_path, EXISTENCE + "ignore-case = false\n"))
    assert [f.start for f in lint("Minister Slams report; minister slams it.", [rule]).findings] == [32]


def test_existence_rule_skips_markup(tmp_path):
    from attrlint.document.model import Block, Document

    rule = load_rule_file(rule_file(tmp_path, EXISTENCE))
    text = "See slams.html for more."
    prose = "See " + " " * len("slams.html") + " for more."
    doc = Document("a.md", text, prose, [Block(0, len(text))])
    assert lint_document(doc, [rule], Lexicons()).findings == []


def test_conditional_rule_uses_the_attribution_analysis():
    (rule,) = [r for r in SHIPPED.rules if r.code == "HSE001"]
    flagged = lint("A poll found that 40% back the plan.\n\nPolls close at 8pm.", [rule]).findings
    assert len(flagged) == 1 and flagged[0].start == 2
    # attribution carried from the neighbouring sentence counts ("nearby")
    text = "The ministry said the survey was thorough. The ministry also said the survey covered 40 towns."
    assert lint(text, [rule]).findings == []
    assert lint("A poll of 900 voters was commissioned by Reuters.", [rule]).findings == []


def test_lexicon_rule_file_adds_entries(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    rule_file(tmp_path, 'kind = "lexicon"\nlexicon = "reporting-verbs"\nentries = ["livestream"]\n')
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\n')
    story = tmp_path / "s.txt"
    story.write_text("The coach livestreamed that 300 fans came.\n")
    assert attrlint(story).returncode == 0
    assert attrlint("--isolated", story).returncode == 1


def test_house_rules_run_from_rule_paths_and_are_selectable(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    rule_file(tmp_path, EXISTENCE)
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\n')
    story = tmp_path / "s.txt"
    story.write_text("Minister slams report.\n")
    run = attrlint("--format", "json", story)
    (finding,) = json.loads(run.stdout)["files"][0]["findings"]
    assert finding["rule"] == "HSE100" and finding["name"] == "no-slam"
    run = attrlint("--ignore", "HSE", story)
    assert run.returncode == 0 and "HSE100" not in run.stdout


def test_rule_off_by_default_is_turned_on_by_extend_select(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    rule_file(tmp_path, EXISTENCE + "enabled = false\n")
    story = tmp_path / "s.txt"
    story.write_text("Minister slams report.\n")
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\n')
    assert "HSE100" not in attrlint(story).stdout
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\nextend-select = ["HSE100"]\n')
    assert "HSE100" in attrlint(story).stdout


# --- explain and rules -------------------------------------------------------------------


def test_explain_and_rules_list_house_rules(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    (tmp_path / "attrlint.toml").write_text(f'rule-paths = ["{EXAMPLES.as_posix()}"]\n')
    run = attrlint("explain", "HSE001", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("HSE001 poll-needs-pollster  (category: unattributed, default severity: warning)")
    assert "House rule (conditional) from" in run.stdout and "A poll found 40% support" in run.stdout
    assert attrlint("explain", "banned-hedge", cwd=tmp_path).stdout.startswith("HSE003 banned-hedge")
    codes = [r["code"] for r in json.loads(attrlint("rules", "--format", "json", cwd=tmp_path).stdout)]
    assert {"ATR001", "HSE001", "HSE002", "HSE003"} <= set(codes)
    assert attrlint("explain", "HSE001", "--isolated", cwd=tmp_path).returncode == 2


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "message"), [
    ('kind = "existance"\n', "field 'kind': expected one of existence, conditional, lexicon, got 'existance'"),
    (EXISTENCE.replace('code = "HSE100"\n', ""), "missing field 'code'"),
    (EXISTENCE.replace('"HSE100"', '"hse-1"'), "field 'code': expected a code of capital letters then digits"),
    (EXISTENCE.replace('"no-slam"', '"No Slam"'), "field 'name': expected a lower-case slug"),
    (EXISTENCE.replace('"info"', '"fatal"'), "field 'severity': expected one of info, warning, error, got 'fatal'"),
    (EXISTENCE.replace('"other"', '"style"'), "field 'category': expected one of unattributed, vague-attribution"),
    (EXISTENCE.replace('tokens = ["slams", "blasts"]', 'tokens = "slams"'), "field 'tokens': expected a list"),
    (EXISTENCE.replace('tokens = ["slams", "blasts"]', ""), "missing field 'tokens' or 'pattern'"),
    (EXISTENCE + "pattern = '(unclosed'\n", "field 'pattern': invalid regular expression"),
    (EXISTENCE + "colour = 'red'\n", "unknown field 'colour' for kind 'existence'"),
    (EXISTENCE + "timeout = 0\n", "field 'timeout': expected a number of seconds"),
    (EXISTENCE.replace("flagged = true", "flagged = 1"), "field 'examples': expected an array of tables"),
    (EXISTENCE.replace('"HSE100"', '"ATR001"'), "field 'code': ATR001 is already used by unattributed-numeric-claim"),
    (CONDITIONAL, "missing field 'pattern'"),
    (CONDITIONAL + 'pattern = "poll"\nunless = "("\n', "field 'unless': invalid regular expression"),
    (CONDITIONAL.replace('severity = "warning"\n', ""), "missing field 'severity' (expected one of info, warning"),
    (CONDITIONAL.replace('category = "other"\n', ""), "missing field 'category'"),
    ('kind = "lexicon"\nlexicon = "verbs"\nentries = []\n', "field 'lexicon': expected one of abbreviations,"),
    ('kind = "lexicon"\nlexicon = "vague-sources"\nentries = [1]\n', "field 'entries': expected a list of strings"),
    ("kind = [\n", "invalid TOML"),
])
def test_rule_file_errors_name_file_and_field(tmp_path, attrlint, body, message):  # noqa: F811
    (tmp_path / ".git").mkdir()
    path = rule_file(tmp_path, body)
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\n')
    story = tmp_path / "s.txt"
    story.write_text("Nothing here.\n")
    run = attrlint(story)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(f"attrlint: {path}: ") and len(run.stderr.splitlines()) == 1
    assert message in run.stderr


def test_rule_paths_folder_missing(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    config = tmp_path / "attrlint.toml"
    config.write_text('rule-paths = ["nowhere"]\n')
    run = attrlint(tmp_path)
    assert run.returncode == 2
    assert run.stderr == f"attrlint: {config}: key 'rule-paths': {tmp_path / 'nowhere'} is not a folder\n"


def test_catastrophic_pattern_times_out_with_an_error_naming_the_rule(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    rule_file(tmp_path, EXISTENCE.replace('tokens = ["slams", "blasts"]', "pattern = '(a|aa)+$'") + "timeout = 0.05\n")
    (tmp_path / "attrlint.toml").write_text('rule-paths = ["house"]\n')
    story = tmp_path / "s.txt"
    story.write_text("a" * 40 + "!\n")
    started = time.monotonic()
    run = attrlint(story)
    assert time.monotonic() - started < 10
    assert run.returncode == 2
    output = run.stdout + run.stderr  # the text format lists internal errors with the report
    assert "rule HSE100 (no-slam)" in output and "took longer than 0.05s" in output


def test_profile_lists_house_rule_codes_as_known(tmp_path):
    rule_file(tmp_path, EXISTENCE)
    config = tmp_path / "attrlint.toml"
    config.write_text('rule-paths = ["house"]\nselect = ["ATR001", "HSE"]\n')
    profile = build_profile(load_settings(config), REGISTRY)
    assert [r.code for r in profile.rules] == ["ATR001", "HSE100"]
    config.write_text('select = ["HSE"]\n')
    with pytest.raises(ConfigError, match="unknown rule code 'HSE'"):
        build_profile(load_settings(config), REGISTRY)
