"""attrlint audit and attrlint sources: tables, engines agreeing, inputs, errors, lazy imports."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from attrlint.audit.sources import classify_source
from attrlint.cli.main import main
from tests.conftest import run_cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ATTRIBUTED = "The ministry said 12 people died in the fire."
UNATTRIBUTED = "Thousands of people marched through the capital."
VAGUE = "Experts say prices rose by 40% last year."
ANONYMOUS = "A senior Pentagon official said 300 troops had arrived."
FACTUAL = "The bridge was closed on Monday after the storm."
NO_CLAIM = "Please call us."
SECTIONS = ("world", "business", "sport")


def make_articles(n: int = 24) -> list[dict]:
    """Small synthetic articles whose expected counts are known by construction."""
    paragraphs = [ATTRIBUTED, UNATTRIBUTED, VAGUE, ANONYMOUS, FACTUAL]
    articles = []
    for i in range(n):
        chosen = [NO_CLAIM, *(p for j, p in enumerate(paragraphs) if (i >> j) & 1)]
        article = {"id": f"a{i:03d}", "text": "\n\n".join(chosen) + "\n",
                   "date": f"2023-{i % 6 + 1:02d}-15", "section": SECTIONS[i % 3]}
        if i % 5 == 0:
            article["author"] = f"Reporter {i}"  # metadata only some rows have
        articles.append(article)
    return articles


def write_jsonl(path, articles):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def audit(*args: str) -> int:
    # The hand-set rules alone: the expected counts are known by construction from them
    # (the scorer reads these one-line synthetic articles its own way; test_scoring.py).
    return main(["audit", "--no-plugins", "--no-progress", "--no-scorer", *args])


def rows(out_dir, table: str) -> list[dict]:
    records = pq.read_table(out_dir / f"{table}.parquet").to_pylist()
    return sorted(records, key=lambda r: (r["article_id"], r.get("start") or 0, r.get("end") or 0, r.get("rule") or ""))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("archive") / "archive.jsonl", make_articles())


@pytest.fixture(scope="module")
def other_formats(tmp_path_factory):
    """The same archive as CSV and as Parquet (several row groups)."""
    folder = tmp_path_factory.mktemp("formats")
    articles = make_articles()
    columns = ["id", "text", "date", "section", "author"]
    with open(folder / "archive.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        writer.writerows(articles)
    table = pa.Table.from_pylist(articles, schema=pa.schema([(c, pa.string()) for c in columns]))
    pq.write_table(table, folder / "archive.parquet", row_group_size=7)
    return [folder / "archive.csv", folder / "archive.parquet"]


@pytest.fixture(scope="module")
def local_out(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    assert audit(str(archive), "--out", str(out), "--workers", "1", "--chunk-size", "5") == 0
    return out


@pytest.mark.parametrize(("phrase", "quality", "kind"), [
    ("A senior Pentagon official", "named", "anonymous"),
    ("a spokesperson for the company", "named", "anonymous"),
    ("A spokesperson", "vague", "anonymous"),
    ("an official", "vague", "anonymous"),
    ("several Pentagon officials", "named", "anonymous"),
    ("some experts", "vague", "vague"),
    ("Two sources familiar with the matter", "named", "anonymous"),
    ("U.S. officials", "named", "anonymous"),
    ("Pentagon spokesman John Kirby", "named", "named"),
    ("the official", "named", "named"),
    ("the ministry", "named", "named"),
    ("John Smith", "named", "named"),
    ("A Reuters report", "named", "named"),
    ("analysts at the Stimson Center", "named", "named"),
    ("Experts", "vague", "vague"),
    ("officials", "vague", "vague"),
])
def test_classify_source(phrase, quality, kind):
    assert classify_source(phrase, quality) == kind


def test_article_counts(local_out):
    articles = {r["article_id"]: r for r in rows(local_out, "articles")}
    assert len(articles) == 24
    every = articles["a015"]  # the four paragraphs with figures
    assert (every["claims"], every["attributed"], every["vague"], every["unattributed"]) == (4, 2, 1, 1)
    assert every["unattributed_share"] == pytest.approx(0.25)
    assert (every["claims_kind_numeric"], every["unattributed_kind_numeric"]) == (4, 1)
    assert (every["claims_kind_factual"], every["unattributed_kind_factual"]) == (0, 0)  # filled in, not null
    assert every["vague_attributions"] >= 1
    factual = articles["a016"]  # only the factual paragraph: a kind that flows through from the rules
    assert (factual["claims"], factual["unattributed"], factual["claims_kind_numeric"]) == (1, 1, 0)
    assert (factual["claims_kind_factual"], factual["unattributed_kind_factual"]) == (1, 1)
    assert (every["sources_named"], every["sources_anonymous"]) == (1, 1) and every["sources_vague"] >= 1
    assert "A senior Pentagon official" in every["sources_cited"] and "The ministry" in every["sources_cited"]
    quiet = articles["a000"]  # no claim at all
    assert quiet["claims"] == 0 and quiet["unattributed_share"] is None and quiet["unattributed_kind_numeric"] == 0
    assert articles["a005"]["author"] == "Reporter 5" and articles["a001"]["author"] is None
    assert articles["a001"]["section"] == "business" and articles["a001"]["date"] == "2023-02-15"


def test_findings_and_sources_tables(local_out):
    findings = rows(local_out, "findings")
    unattributed = [f for f in findings if f["rule"] == "ATR001"]
    assert len(unattributed) == sum(1 for i in range(24) if i & 2)
    first = unattributed[0]
    text = {a["id"]: a["text"] for a in make_articles()}[first["article_id"]]
    assert first["claim"] == text[first["start"] : first["end"]] and first["claim"].startswith("Thousands")
    assert first["claim_kind"] == "numeric"
    assert first["sentence"] == UNATTRIBUTED and first["line"] >= 1 and first["section"] in SECTIONS
    sources = rows(local_out, "sources")
    kinds = {(s["source"], s["kind"]) for s in sources}
    assert ("A senior Pentagon official", "anonymous") in kinds and ("The ministry", "named") in kinds
    assert all(s["kind"] in {"named", "anonymous", "vague"} for s in sources)


def test_summary_and_charts(local_out):
    summary = (local_out / "summary.md").read_text(encoding="utf-8")
    for heading in ("## Overall", "## Claims by kind", "## Sources cited", "## By section", "## Over time (by month)"):
        assert heading in summary
    assert "| 2023-01 |" in summary and "| world |" in summary and "| factual |" in summary
    for chart in ("unattributed_over_time.png", "unattributed_by_section.png"):
        assert f"]({chart})" in summary
        assert (local_out / chart).read_bytes().startswith(b"\x89PNG")
    assert not (local_out / ".parts").exists()


def test_process_pool_matches_in_process(archive, local_out, tmp_path):
    out = tmp_path / "pool"
    assert audit(str(archive), "--out", str(out), "--workers", "2", "--chunk-size", "3") == 0
    for table in ("findings", "articles", "sources"):
        assert rows(out, table) == rows(local_out, table)
    assert (out / "summary.md").read_text() == (local_out / "summary.md").read_text()


def test_dask_matches_local(archive, other_formats, local_out, tmp_path):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        dask_run = ["--engine", "dask", "--scheduler", cluster.scheduler_address, "--chunk-size", "5"]
        assert audit(str(archive), "--out", str(out), *dask_run, "--blocksize", "1500") == 0
        for path in other_formats:
            assert audit(str(path), "--out", str(tmp_path / path.suffix[1:]), *dask_run) == 0
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"id": "a", "text": "x"}\n{not json}\n', encoding="utf-8")
        assert audit(str(bad), "--out", str(tmp_path / "bad"), *dask_run) == 2  # a worker's error, one line
        assert not (tmp_path / "bad" / ".parts").exists()
    for table in ("findings", "articles", "sources"):
        assert rows(out, table) == rows(local_out, table)
    assert pq.read_schema(out / "articles.parquet") == pq.read_schema(local_out / "articles.parquet")
    assert (out / "summary.md").read_text() == (local_out / "summary.md").read_text()
    for path in other_formats:
        assert rows(tmp_path / path.suffix[1:], "articles") == expected_articles(local_out, path)


def test_csv_and_parquet_inputs(other_formats, local_out, tmp_path):
    for path in other_formats:
        out = tmp_path / path.suffix[1:]
        assert audit(str(path), "--out", str(out), "--workers", "1", "--chunk-size", "4") == 0
        assert rows(out, "articles") == expected_articles(local_out, path)


def expected_articles(local_out, path) -> list[dict]:
    expected = rows(local_out, "articles")
    if path.suffix == ".csv":  # CSV has no nulls: an absent author is an empty cell
        for r in expected:
            r["author"] = r["author"] or ""
    return expected


def test_custom_column_names(tmp_path):
    renamed = [{"uid": a["id"], "body": a["text"]} for a in make_articles(4)]
    path = write_jsonl(tmp_path / "renamed.jsonl", renamed)
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out), "--id-column", "uid", "--text-column", "body", "--workers", "1") == 0
    assert [r["article_id"] for r in rows(out, "articles")] == ["a000", "a001", "a002", "a003"]


@pytest.mark.parametrize(("content", "name", "message"), [
    ('{"id": "a", "text": "x"}\n{not json}\n', "bad.jsonl", "bad.jsonl:2: not valid JSON"),
    ('{"id": "a", "body": "x"}\n', "bad.jsonl", "bad.jsonl:1: no 'text' column"),
    ("id,text\n", "archive.txt", "cannot tell the format"),
])
def test_bad_input_is_one_line(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    proc = run_cli("audit", str(path), "--out", str(tmp_path / "out"), "--workers", "1")
    assert proc.returncode == 2
    assert proc.stderr.startswith("attrlint: ") and message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / ".parts").exists()


def test_empty_archive(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out), "--workers", "1") == 0
    assert pq.read_table(out / "articles.parquet").num_rows == 0
    assert "| Articles | 0 |" in (out / "summary.md").read_text(encoding="utf-8")


def test_sources_command(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f"{ANONYMOUS} {ATTRIBUTED}\n\n{VAGUE}\n\nThe ministry said the fire was out.\n", encoding="utf-8")
    proc = run_cli("sources", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    by_source = {r["source"]: r for r in report["sources"]}
    assert by_source["The ministry"] == {"source": "The ministry", "kind": "named", "count": 2}
    assert by_source["A senior Pentagon official"]["kind"] == "anonymous"
    assert report["totals"]["named"] == 2 and report["totals"]["anonymous"] == 1 and report["totals"]["vague"] >= 1
    table = run_cli("sources", str(path))
    assert table.returncode == 0 and "A senior Pentagon official" in table.stdout and "anonymous: 1" in table.stdout
    missing = run_cli("sources", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and missing.stderr.startswith("attrlint: ")


def test_plain_runs_do_not_import_audit_dependencies(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(UNATTRIBUTED + "\n", encoding="utf-8")
    code = ("import sys; from attrlint.cli.main import main; main(['--format', 'json', sys.argv[1]]); "
            "main(['sources', sys.argv[1]]); "
            "heavy = [m for m in ('pyarrow', 'dask', 'distributed', 'matplotlib', 'pandas') if m in sys.modules]; "
            "sys.stderr.write(repr(heavy))")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert proc.stderr.strip().endswith("[]"), proc.stderr


def test_configuration_file_is_honoured(archive, tmp_path):
    config = tmp_path / "attrlint.toml"
    config.write_text('ignore = ["ATR003"]\n[severity]\nATR001 = "error"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert audit(str(archive), "--out", str(out), "--workers", "1", "--config", str(config)) == 0
    findings = rows(out, "findings")
    assert findings and not any(f["rule"] == "ATR003" for f in findings)
    assert {f["severity"] for f in findings if f["rule"] == "ATR001"} == {"error"}
    bad = tmp_path / "bad.toml"
    bad.write_text('select = ["NOPE9"]\n', encoding="utf-8")
    proc = run_cli("audit", str(archive), "--out", str(tmp_path / "out2"), "--config", str(bad))
    assert proc.returncode == 2 and proc.stderr.startswith("attrlint: ") and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("phrase", "kind", "listed"),
    [
        ("The ministry", "verb", True),
        ("Both cities", "verb", True),
        ("A senior Pentagon official", "verb", True),
        ("Her uncle", "verb", True),
        ("One of our interviewees", "verb", True),
        ("comScore", "verb", True),
        ("Kestrel", "verb", True),
        ("critics charge", "vague-phrase", True),
        ("a bargaining chip", "verb", False),
        ("The plane", "verb", False),
        ("by contrast", "verb", False),
        ("more than", "by-agent", False),
        ("is expected to", "vague-phrase", False),
        ("reportedly", "vague-phrase", False),
        ("there were legitimate", "verb", False),
    ],
)
def test_names_a_source(phrase, kind, listed):
    from attrlint.audit.sources import names_a_source

    assert names_a_source(phrase, kind) is listed


def test_sources_lists_noun_phrases_only(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Both cities have now confirmed the size of the transfer. The two towns hope to use the bridge as a "
        "bargaining chip in trade talks, the harbour board said. The levy is expected to rise.\n",
        encoding="utf-8",
    )
    proc = run_cli("sources", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    assert [r["source"] for r in json.loads(proc.stdout)["sources"]] == ["Both cities", "the harbour board"]
