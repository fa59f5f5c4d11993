"""--jobs N prints byte for byte what --jobs 1 prints, in every built-in format, also when
the workers render each file's part of the output (a format's ``render_file`` step)."""

from __future__ import annotations

import io
import json
import multiprocessing
import shutil

import pytest

from attrlint.cli.check import build_parser, lint_and_write
from attrlint.engine.batch import FileLinter, LintSettings, _chunks, lint_paths
from attrlint.engine.linter import Report
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.formats import json_stream
from attrlint.formats.records import EncodedFileRecords
from attrlint.formats.sarif import FileResults, sarif_log
from tests.conftest import ROOT

ARTICLES = sorted((ROOT / "examples").glob("*.txt"))
FORMATS = ("text", "json", "jsonl", "concise", "github", "sarif", "html")
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no fork start method here")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Articles with findings in two folders, an undecodable file and a binary one."""
    monkeypatch.setenv("NO_COLOR", "")  # colour only where a test asks for it
    for i in range(2):
        (tmp_path / f"part{i}").mkdir()
        for article in ARTICLES:
            shutil.copy(article, tmp_path / f"part{i}" / article.name)
    (tmp_path / "part0" / "latin1.txt").write_bytes("Caf\xe9 prices rose 40% last year.\n".encode("latin-1"))
    (tmp_path / "part1" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return tmp_path


def _check(capsys, *argv: str) -> tuple[int, str, str]:
    stream = io.StringIO()
    status = lint_and_write(build_parser().parse_args(list(argv)), stream)
    return status, stream.getvalue(), capsys.readouterr().err


def _same_with_jobs(capsys, *argv: str) -> str:
    one = _check(capsys, "--jobs", "1", *argv)
    two = _check(capsys, "--jobs", "2", *argv)
    assert one[0] == two[0] == 2  # findings, and an undecodable file
    assert one[1] == two[1]
    assert one[2] == two[2]
    assert "latin1.txt: not valid UTF-8" in one[1] + one[2]
    assert "skipped" in one[2] and "image.txt" in one[2]  # the binary file found by walking
    return one[1]


@needs_fork
@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_prints_the_same_with_two_workers(capsys, folder, output_format):
    out = _same_with_jobs(capsys, "--format", output_format, str(folder))
    assert "ATR00" in out  # the comparison covered findings


@needs_fork
@pytest.mark.parametrize("options", [("--format", "json", "--show-evidence"), ("--show-evidence",),
                                     ("--color", "always"), ("--format", "json", "--fail-on", "error")])
def test_evidence_colour_and_fail_levels_are_the_same_with_two_workers(capsys, folder, options):
    out = _same_with_jobs(capsys, *options, str(folder))
    if "--show-evidence" in options:
        assert "pass" in out
    if "--color" in options:
        assert "\x1b[" in out


@needs_fork
def test_a_baseline_applies_the_same_with_two_workers(capsys, folder, tmp_path_factory):
    baseline = tmp_path_factory.mktemp("baseline") / "baseline.json"
    assert _check(capsys, "--write-baseline", str(baseline), str(folder / "part0" / ARTICLES[0].name))[0] == 0
    out = _same_with_jobs(capsys, "--format", "json", "--baseline", str(baseline), str(folder))
    files = {f["path"]: f["findings"] for f in json.loads(out)["files"]}
    assert not files[str(folder / "part0" / ARTICLES[0].name)]  # baselined
    assert files[str(folder / "part1" / ARTICLES[0].name)]  # the same article elsewhere is not


@needs_fork
@pytest.mark.parametrize("output_format", ["json", "jsonl", "concise", "github", "text", "sarif"])
def test_workers_render_each_file_and_release_its_document(folder, output_format):
    registry = build_registry(load_plugins(third_party=False))
    render_file = registry.formats[output_format](io.StringIO(), {"rules": registry.rules}).render_file
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True))
    paths = sorted(str(p) for p in folder.rglob("*.txt") if p.parent.name == "part0" and "latin1" not in p.name)
    serial = list(lint_paths(paths, linter, 1, render_file=render_file))
    assert all(o.result.rendered is None and o.result.document is not None for o in serial)  # write() renders
    pooled = list(lint_paths(paths, linter, 2, render_file=render_file,
                             mp_context=multiprocessing.get_context("fork")))
    assert [o.result.path for o in pooled] == paths
    for here, there in zip(serial, pooled, strict=True):
        assert there.result.document is None and there.result.passes is None
        assert there.result.rendered == render_file(here.result) and there.result.rendered
        assert [f.rule for f in there.result.findings] == [f.rule for f in here.result.findings]


def test_a_step_spawned_workers_cannot_receive_runs_in_this_process(folder):
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True))
    paths = sorted(str(p) for p in (folder / "part0").glob("*.txt") if "latin1" not in p.name)[:2]
    outcomes = list(lint_paths(paths, linter, 2, render_file=lambda result: ("part", result.path),  # no pickle
                               mp_context=multiprocessing.get_context("spawn")))
    assert [o.result.rendered for o in outcomes] == [("part", p) for p in paths]
    assert all(o.result.document is None for o in outcomes)


def test_chunks_cover_the_paths_in_order_and_shrink_towards_the_end():
    paths = [f"f{i}" for i in range(1000)]
    chunks = list(_chunks(paths, 2))
    assert [p for chunk in chunks for p in chunk] == paths
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) == 16 and sizes[-8:] == [1] * 8
    assert sizes == sorted(sizes, reverse=True)
    assert list(_chunks(["a"], 4)) == [["a"]]


def test_encoded_records_are_laid_out_like_streamed_ones():
    records = [{"rule": "ATR001", "start": 3}, {"claim": "40 % \u201cquoted\u201d"}]

    def written(value) -> str:
        out = io.StringIO()
        json_stream.write_json(out, value)
        return out.getvalue()

    encoded = json_stream.EncodedItems(map(json_stream.encode_record, records))
    assert written({"files": [{"findings": encoded}]}) == written({"files": [{"findings": iter(records)}]})
    assert written({"a": json_stream.EncodedItems()}) == written({"a": iter(())}) == '{\n  "a": []\n}\n'
    assert isinstance(EncodedFileRecords(encoded, None).findings, json_stream.EncodedItems)
    # inside a streamed list, a group of encoded records stands for them in place
    mixed = iter([{"first": 1}, encoded, json_stream.EncodedItems(), {"last": 2}])
    assert written({"r": mixed}) == written({"r": iter([{"first": 1}, *records, {"last": 2}])})
    assert written({"r": iter([json_stream.EncodedItems()])}) == '{\n  "r": []\n}\n'


@needs_fork
def test_sarif_leaves_a_file_with_an_unknown_rule_to_write(folder):
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True))
    paths = sorted(str(p) for p in (folder / "part0").glob("*.txt") if "latin1" not in p.name)
    only_atr001 = FileResults({"ATR001": None})  # the other rules' findings have no index yet
    outcomes = list(lint_paths(paths, linter, 2, render_file=only_atr001,
                               mp_context=multiprocessing.get_context("fork")))
    assert any(o.result.rendered is None and o.result.document is not None for o in outcomes)
    log = sarif_log(Report(files=[o.result for o in outcomes]), {"ATR001": None})
    codes = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert codes[0] == "ATR001" and codes[1:] == sorted(codes[1:])  # known rules first, then the others
    for result in log["runs"][0]["results"]:
        assert codes[result["ruleIndex"]] == result["ruleId"]
