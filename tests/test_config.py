"""Configuration: discovery, every key, command-line overrides, errors, ``attrlint config``."""

from __future__ import annotations

import json
import textwrap

import pytest

from attrlint.config import schema
from tests.inprocess import attrlint  # noqa: F401  (fixture)

UNSOURCED = "North Korea has sent 14,000 troops to the front.\n"
VAGUE = "Experts say the offensive cannot last.\n"
BOTH = UNSOURCED + "\n" + VAGUE


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rules_found(run) -> list[str]:
    return [f["rule"] for file in json.loads(run.stdout)["files"] for f in file["findings"]]


def lint_json(attrlint, *args, cwd=None):  # noqa: F811
    return attrlint("--format", "json", *args, cwd=cwd)


# --- discovery -------------------------------------------------------------------------


def test_closest_config_wins_for_each_file(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", 'select = ["ATR001"]\n')
    write(tmp_path / "desk/sport/.attrlint.toml", 'select = ["ATR002"]\n')
    write(tmp_path / "desk/a.txt", BOTH)
    write(tmp_path / "desk/sport/b.txt", BOTH)
    write(tmp_path / "desk/sport/deep/c.txt", BOTH)
    run = lint_json(attrlint, tmp_path / "desk")
    by_file = {f["path"].rsplit("/", 1)[-1]: [x["rule"] for x in f["findings"]]
               for f in json.loads(run.stdout)["files"]}
    assert by_file == {"a.txt": ["ATR001"], "b.txt": ["ATR002"], "c.txt": ["ATR002"]}


def test_search_stops_at_repository_root(tmp_path, attrlint):  # noqa: F811
    write(tmp_path / "attrlint.toml", 'select = ["ATR002"]\n')  # outside the repository
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "story.txt", BOTH)
    assert sorted(rules_found(lint_json(attrlint, repo / "story.txt"))) == ["ATR001", "ATR002"]
    (repo / ".git").rmdir()
    assert rules_found(lint_json(attrlint, repo / "story.txt")) == ["ATR002"]


def test_pyproject_without_table_is_ignored(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", 'select = ["ATR001"]\n')
    write(tmp_path / "sub/pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub/story.txt", BOTH)
    assert rules_found(lint_json(attrlint, tmp_path / "sub/story.txt")) == ["ATR001"]
    write(tmp_path / "sub/pyproject.toml", '[project]\nname = "x"\n[tool.attrlint]\nselect = ["ATR002"]\n')
    assert rules_found(lint_json(attrlint, tmp_path / "sub/story.txt")) == ["ATR002"]


def test_dotfile_wins_over_pyproject_in_same_folder(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.attrlint]\nselect = ["ATR001"]\n')
    write(tmp_path / ".attrlint.toml", 'select = ["ATR002"]\n')
    write(tmp_path / "s.txt", BOTH)
    assert rules_found(lint_json(attrlint, tmp_path / "s.txt")) == ["ATR002"]


def test_config_flag_and_isolated(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", 'select = ["ATR001"]\n')
    other = write(tmp_path / "elsewhere/custom.toml", 'select = ["ATR002"]\n')
    write(tmp_path / "s.txt", BOTH)
    assert rules_found(lint_json(attrlint, "--config", other, tmp_path / "s.txt")) == ["ATR002"]
    assert sorted(rules_found(lint_json(attrlint, "--isolated", tmp_path / "s.txt"))) == ["ATR001", "ATR002"]


def test_stdin_uses_stdin_filename_for_discovery(tmp_path, attrlint, monkeypatch):  # noqa: F811
    import io

    (tmp_path / ".git").mkdir()
    write(tmp_path / "desk/attrlint.toml", 'select = ["ATR002"]\n')
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BOTH.encode())))
    run = lint_json(attrlint, "-", "--stdin-filename", str(tmp_path / "desk/x.txt"), cwd=tmp_path)
    assert rules_found(run) == ["ATR002"]


# --- keys ------------------------------------------------------------------------------


def test_select_ignore_extend_select_by_prefix(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    story = write(tmp_path / "s.txt", BOTH)
    write(tmp_path / "attrlint.toml", 'select = ["ATR00"]\nignore = ["atr002"]\n')
    assert rules_found(lint_json(attrlint, story)) == ["ATR001"]
    write(tmp_path / "attrlint.toml", 'select = ["ATR001"]\nextend-select = ["ATR002"]\n')
    assert sorted(rules_found(lint_json(attrlint, story))) == ["ATR001", "ATR002"]
    # the command line overrides the file
    assert rules_found(lint_json(attrlint, "--select", "ATR002", story)) == ["ATR002"]
    assert rules_found(lint_json(attrlint, "--ignore", "ATR002", story)) == ["ATR001"]


def test_per_file_ignores(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", '[per-file-ignores]\n"archive/*" = ["ATR001"]\n"*.notes.txt" = ["ATR"]\n')
    write(tmp_path / "archive/old.txt", BOTH)
    write(tmp_path / "new.txt", BOTH)
    write(tmp_path / "x.notes.txt", BOTH)
    run = lint_json(attrlint, tmp_path)
    by_file = {f["path"].rsplit("/", 1)[-1]: [x["rule"] for x in f["findings"]]
               for f in json.loads(run.stdout)["files"]}
    assert by_file == {"old.txt": ["ATR002"], "new.txt": ["ATR001", "ATR002"], "x.notes.txt": []}


def test_severity_override_and_fail_on(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    story = write(tmp_path / "s.txt", BOTH)
    write(tmp_path / "attrlint.toml", '[severity]\nATR002 = "error"\nATR = "info"\n')
    run = lint_json(attrlint, story)
    severities = {f["rule"]: f["severity"] for f in json.loads(run.stdout)["files"][0]["findings"]}
    assert severities == {"ATR001": "info", "ATR002": "error"}  # the longest prefix wins
    assert run.returncode == 1
    write(tmp_path / "attrlint.toml", 'fail-on = "error"\n')
    assert lint_json(attrlint, story).returncode == 0
    assert lint_json(attrlint, "--fail-on", "warning", story).returncode == 1


def test_exclude_skips_walked_files_only(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", 'exclude = ["drafts", "*.wip.txt"]\n')
    write(tmp_path / "drafts/a.txt", UNSOURCED)
    write(tmp_path / "b.wip.txt", UNSOURCED)
    write(tmp_path / "c.txt", UNSOURCED)
    run = lint_json(attrlint, tmp_path)
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(run.stdout)["files"]] == ["c.txt"]
    run = lint_json(attrlint, tmp_path / "b.wip.txt")  # named explicitly: linted
    assert rules_found(run) == ["ATR001"]


def test_analysis_window(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    story = write(tmp_path / "s.txt", "The ministry said 12 people died. The ministry also counted 40 injured.\n")
    # The rules' own reading of the window (the scorer weighs the neighbours itself).
    write(tmp_path / "attrlint.toml", "scorer = false\n")
    assert rules_found(lint_json(attrlint, story)) == []
    write(tmp_path / "attrlint.toml", "scorer = false\n[analysis]\nwindow = 0\n")
    assert rules_found(lint_json(attrlint, story)) == ["ATR001"]


def test_analysis_options_reach_the_analysis(tmp_path, attrlint):  # noqa: F811
    from attrlint.config.profile import build_profile
    from attrlint.config.settings import load_settings
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    config = write(tmp_path / "attrlint.toml", """
        [analysis]
        window = 3
        links-are-citations = false
        exempt = ['closed at \\$[0-9.]+']
        [lexicons]
        reporting-verbs = ["tweet"]
        vague-sources = ["club insiders"]
        vague-phrases = ["it is whispered"]
        attribution-nouns = ["dossier"]
        """)
    profile = build_profile(load_settings(config), build_registry(load_plugins(third_party=False)))
    analysis = profile.options["analysis"]
    assert (analysis.window, analysis.links_are_citations, analysis.exempt) == (3, False, (r"closed at \$[0-9.]+",))
    assert "tweeted" in profile.lexicons.reporting_verb_forms
    assert "club insiders" in profile.lexicons.vague_sources
    assert "dossier" in profile.lexicons.attribution_nouns
    assert profile.lexicons.vague_phrase_pattern.search("It is whispered that he left.")


def test_exempt_and_lexicon_keys_change_findings(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    story = write(tmp_path / "s.txt", "Shares closed at $41.20 on Friday.\n\n"
                                      "The coach livestreamed that 300 fans came.\n\n"
                                      "Whisperers say the coach will go.\n")
    before = lint_json(attrlint, "--select", "ATR001,ATR002", story)
    assert [f["evidence"].get("claim") for f in json.loads(before.stdout)["files"][0]["findings"]
            if f["rule"] == "ATR001"] == ["$41.20", "300 fans"]
    assert "ATR002" not in rules_found(before)
    write(tmp_path / "attrlint.toml", """
        [analysis]
        exempt = ['closed at \\$[0-9.]+']
        [lexicons]
        reporting-verbs = ["livestream"]
        vague-sources = ["whisperers"]
        """)
    assert rules_found(lint_json(attrlint, "--select", "ATR001,ATR002", story)) == ["ATR002"]


def test_links_are_citations_key():
    from attrlint.analysis.article import AnalysisOptions
    from attrlint.analysis.lexicons import default_lexicons
    from attrlint.document.model import Block, Document, Span
    from attrlint.engine.linter import lint_document
    from attrlint.rules.unattributed_numeric import UnattributedNumericClaim

    text = "The army lost 1,200 tanks last year."
    doc = Document("a.md", text, text, [Block(0, len(text))], citations=[Span(14, 25)])
    rule = [UnattributedNumericClaim()]
    on = lint_document(doc, rule, default_lexicons(), {"analysis": AnalysisOptions(links_are_citations=True)})
    off = lint_document(doc, rule, default_lexicons(), {"analysis": AnalysisOptions(links_are_citations=False)})
    assert (len(on.findings), len(off.findings)) == (0, 1)


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "message"), [
    ('selct = ["ATR001"]\n', "unknown key 'selct' (expected one of: select,"),
    ('select = "ATR001"\n', "key 'select': expected a list of rule codes or code prefixes, got 'ATR001'"),
    ('select = ["ATR999"]\n', "key 'select': unknown rule code 'ATR999'"),
    ('ignore = ["XYZ"]\n', "key 'ignore': unknown rule code 'XYZ'"),
    ('[per-file-ignores]\n"a/*" = ["ATR777"]\n', "key 'per-file-ignores.a/*': unknown rule code 'ATR777'"),
    ('[severity]\nATR001 = "fatal"\n', "key 'severity': expected a table of rule code = one of info, warning, error"),
    ('[severity]\nNOPE1 = "error"\n', "key 'severity': unknown rule code 'NOPE1'"),
    ('fail-on = "critical"\n', "key 'fail-on': expected one of info, warning, error, got 'critical'"),
    ("[analysis]\nwindow = -1\n", "key 'analysis.window': expected an integer from 0 to 10, got -1"),
    ('[analysis]\nwindow = "2"\n', "key 'analysis.window': expected an integer from 0 to 10, got '2'"),
    ('[analysis]\nlinks-are-citations = "yes"\n', "key 'analysis.links-are-citations': expected true or false"),
    ("[analysis]\nexempt = ['(unclosed']\n", "key 'analysis.exempt': invalid regular expression '(unclosed'"),
    ("[analysis]\nwidow = 2\n", "unknown key 'analysis.widow'"),
    ('analysis = 3\n', "key 'analysis': expected a table ([analysis]), got 3"),
    ('[lexicons]\nreporting-verbs = "tweet"\n', "key 'lexicons.reporting-verbs': expected a list of strings"),
    ('rule-paths = ["missing"]\n', "key 'rule-paths':"),
    ('exclude = [1]\n', "key 'exclude': expected a list of glob patterns, got [1]"),
    ("select = [\n", "invalid TOML"),
])
def test_config_errors_are_one_line_exit_2(tmp_path, attrlint, body, message):  # noqa: F811
    (tmp_path / ".git").mkdir()
    config = write(tmp_path / "attrlint.toml", body)
    story = write(tmp_path / "s.txt", UNSOURCED)
    run = attrlint(story)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"attrlint: {config}: "), run.stderr
    assert message in lines[0]


def test_pyproject_error_names_the_file(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    config = write(tmp_path / "pyproject.toml", '[tool.attrlint]\nfail-on = 3\n')
    run = attrlint(write(tmp_path / "s.txt", UNSOURCED))
    assert run.returncode == 2
    assert run.stderr == f"attrlint: {config}: key 'fail-on': expected one of info, warning, error, got 3\n"


def test_missing_config_flag_file(tmp_path, attrlint):  # noqa: F811
    run = attrlint("--config", tmp_path / "nope.toml", write(tmp_path / "s.txt", UNSOURCED))
    assert (run.returncode, run.stderr) == (2, f"attrlint: {tmp_path / 'nope.toml'}: --config: no such file\n")


def test_pyproject_named_by_config_flag_needs_the_table(tmp_path, attrlint):  # noqa: F811
    config = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    run = attrlint("--config", config, write(tmp_path / "s.txt", UNSOURCED))
    assert (run.returncode, run.stderr) == (2, f"attrlint: {config}: no [tool.attrlint] table\n")


def test_cli_select_unknown_code_is_an_error(tmp_path, attrlint):  # noqa: F811
    run = attrlint("--isolated", "--select", "ATR99", write(tmp_path / "s.txt", UNSOURCED))
    assert run.returncode == 2
    assert run.stderr.startswith("attrlint: command line: key 'select': unknown rule code 'ATR99'")


# --- attrlint config -------------------------------------------------------------------


def test_config_command_shows_values_and_origins(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    config = write(tmp_path / "attrlint.toml", 'select = ["ATR001"]\n[analysis]\nwindow = 0\n')
    run = attrlint("config", tmp_path / "s.txt" if False else tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert f"# configuration file: {config}" in lines
    assert "# rules that run: ATR001" in lines
    row = {line.split(" = ")[0]: line for line in lines if " = " in line}
    assert row["select"].endswith(f"# {config}") and '["ATR001"]' in row["select"]
    assert row["analysis.window"].split("#")[0].strip() == "analysis.window = 0"
    assert row["fail-on"].endswith("# default")
    assert set(row) == {k.name for k in schema.KEYS}
    data = json.loads(attrlint("config", "--format", "json", tmp_path).stdout)
    assert data["origin"]["select"] == str(config) and data["values"]["analysis.window"] == 0
    assert data["origin"]["ignore"] == "default"


def test_config_command_reports_errors(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    config = write(tmp_path / "attrlint.toml", 'select = ["BAD1"]\n')
    run = attrlint("config", tmp_path)
    assert run.returncode == 2 and run.stderr.startswith(f"attrlint: {config}: key 'select': unknown rule code")
    assert attrlint("config", tmp_path / "missing").returncode == 2


def test_globs_only_look_below_their_base(tmp_path):
    from attrlint.config.globs import path_matches

    story = tmp_path / "src" / "desk" / "drafts" / "a.md"
    assert path_matches(str(story), "drafts", tmp_path)
    assert path_matches(str(story), "desk/drafts/*", tmp_path)
    assert path_matches(str(story), "*.md", tmp_path)
    assert not path_matches(str(story), "src", tmp_path / "src")  # above the base: never matched
    assert path_matches(str(story), "src", tmp_path)
    assert not path_matches(str(story), "*.txt", tmp_path)
    assert path_matches("elsewhere/x.md", "elsewhere", tmp_path)  # outside the base: as given


def test_config_command_applies_per_file_ignores_to_a_file(tmp_path, attrlint):  # noqa: F811
    (tmp_path / ".git").mkdir()
    write(tmp_path / "attrlint.toml", '[per-file-ignores]\n"archive/*" = ["ATR00"]\n')
    old = write(tmp_path / "archive/old.txt", UNSOURCED)
    assert "# rules that run: ATR901" in attrlint("config", old).stdout.splitlines()
    assert "ATR001" in attrlint("config", tmp_path).stdout.splitlines()[2]
