"""The streaming JSON writer gives the same JSON value as json.dump, one record per line."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.engine.linter import Report
from attrlint.formats import json_stream
from attrlint.formats.json_format import JsonFormatter
from attrlint.formats.jsonl import JsonLinesFormatter
from attrlint.formats.records import report_record
from attrlint.formats.sarif import SarifFormatter, sarif_log
from tests.conftest import ROOT, lint_result

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=25)


def _written(value) -> str:
    out = io.StringIO()
    json_stream.write_json(out, value)
    return out.getvalue()


def _streaming(value):
    """The same value with every list of the outline turned into a one-shot generator."""
    if isinstance(value, dict):
        return {k: _streaming(v) for k, v in value.items()}
    if isinstance(value, list):
        return (item for item in value)
    return value


@settings(max_examples=60, deadline=None)
@given(VALUES)
def test_outline_without_streams_is_byte_identical_to_json_dump_indent_2(value):
    assert _written(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.lists(VALUES, max_size=5), max_size=4))
def test_streamed_lists_hold_the_same_values_one_record_per_line(value):
    text = _written(_streaming(value))
    assert json.loads(text) == value
    lines = {line.strip().rstrip(",") for line in text.split("\n")}  # not splitlines(): \x85 is no break
    for items in value.values():
        for item in items:
            assert json.dumps(item, ensure_ascii=False) in lines


def test_empty_streams_and_chunked_writes(monkeypatch):
    monkeypatch.setattr(json_stream, "CHUNK_CHARS", 10)
    writes = []

    class Recorder(io.StringIO):
        def write(self, text):
            writes.append(text)
            return super().write(text)

    out = Recorder()
    json_stream.write_json(out, {"empty": iter(()), "records": ({"n": i} for i in range(50))})
    assert json.loads(out.getvalue()) == {"empty": [], "records": [{"n": i} for i in range(50)]}
    assert '  "empty": [],\n' in out.getvalue()
    assert '    {"n": 7},\n' in out.getvalue()
    assert 1 < len(writes) < 60  # chunked: neither one write per token nor one giant write


def _report(*texts: str) -> Report:
    return Report(files=[lint_result(text) for text in texts])


ARTICLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def test_json_format_is_the_report_record_with_one_finding_per_line():
    report = _report(*ARTICLES)
    report.input_errors.append("missing.txt: no such file or directory")
    out = io.StringIO()
    JsonFormatter(out).write(report)
    record = report_record(report)
    assert json.loads(out.getvalue()) == record
    findings = [f for file in record["files"] for f in file["findings"]]
    assert len(findings) > 10
    lines = out.getvalue().split("\n")
    for finding in findings:
        assert "        " + json.dumps(finding, ensure_ascii=False) in {line.rstrip(",") for line in lines}


def test_sarif_and_jsonl_keep_their_content():
    report = _report(*ARTICLES)
    out = io.StringIO()
    SarifFormatter(out, {"rules": {}}).write(report)
    assert json.loads(out.getvalue()) == sarif_log(report, {})
    assert json.loads(out.getvalue())["runs"][0]["results"]
    out = io.StringIO()
    JsonLinesFormatter(out).write(report)
    rows = [json.loads(line) for line in out.getvalue().split("\n")[:-1]]
    assert [r["start"] for r in rows] == [f.start for file in report.files for f in file.findings]
