"""``summary.md``: the audit's headline tables and charts, computed from the Parquet outputs.

Everything is aggregated from ``articles.parquet``, ``findings.parquet`` and
``sources.parquet`` (only the needed columns are read), so the summary is the same
whichever engine produced the tables.  Charts use matplotlib's Agg backend (no display).
"""

from __future__ import annotations

from pathlib import Path

from attrlint.audit.article import CLAIMS_KIND_PREFIX, KIND_PREFIXES, UNATTRIBUTED_KIND_PREFIX
from attrlint.audit.sources import SOURCE_KINDS

TOP_SOURCES = 20
TOP_SECTIONS = 25
_MONTH = r"^\d{4}-\d{2}"
CHARTS = ("unattributed_by_section.png", "unattributed_over_time.png")


def write_summary(out_dir: Path, *, input_name: str, date_column: str | None, section_column: str | None) -> Path:
    import pyarrow.parquet as pq

    names = pq.read_schema(out_dir / "articles.parquet").names
    date_column = date_column if date_column in names else None
    section_column = section_column if section_column in names else None
    needed = ["sentences", "claims", "attributed", "vague", "unattributed", "findings", "errors", "sources_anonymous",
              *(n for n in names if n.startswith(KIND_PREFIXES)),
              *dict.fromkeys(c for c in (date_column, section_column) if c)]
    articles = pq.read_table(out_dir / "articles.parquet", columns=needed)  # not texts of sources or metadata
    for chart in CHARTS:  # a chart from an earlier run in this folder must not outlive it
        (out_dir / chart).unlink(missing_ok=True)
    lines = [f"# Sourcing audit of {input_name}", ""]
    lines += _overall(articles)
    lines += _claim_kinds(articles)
    lines += _findings_by_rule(out_dir / "findings.parquet")
    lines += _sources(out_dir / "sources.parquet", articles)
    if section_column:
        rows = sorted(_grouped(articles, section_column), key=lambda r: (-r["articles"], r["group"]))[:TOP_SECTIONS]
        lines += _group_table(f"By {section_column}", section_column, rows)
        if _chart_by_section(rows, out_dir / "unattributed_by_section.png", section_column):
            lines += [f"![Share of unattributed figures by {section_column}](unattributed_by_section.png)", ""]
    if date_column:
        rows = sorted(_grouped(articles, date_column, month=True), key=lambda r: r["group"])
        lines += _group_table("Over time (by month)", "month", rows)
        if _chart_over_time(rows, out_dir / "unattributed_over_time.png"):
            lines += ["![Share of unattributed figures over time](unattributed_over_time.png)", ""]
    path = out_dir / "summary.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _sum(table, column: str) -> int:
    import pyarrow.compute as pc

    return int(pc.sum(table[column]).as_py() or 0) if column in table.column_names else 0


def _table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return out + [""]


def _overall(articles) -> list[str]:
    claims = _sum(articles, "claims")
    rows = [["Articles", articles.num_rows, ""], ["Sentences", _sum(articles, "sentences"), ""],
            ["Claims (sentences stating a figure, fact or quote)", claims, ""]]
    for status in ("attributed", "vague", "unattributed"):
        n = _sum(articles, status)
        rows.append([f"… {status}", n, _share(n, claims)])
    rows.append(["Findings", _sum(articles, "findings"), ""])
    errors = articles.num_rows - articles["errors"].null_count if articles.num_rows else 0
    if errors:
        rows.append(["Articles where a rule failed", errors, ""])
    return ["## Overall", "", *_table(["", "count", "share"], rows)]


def _claim_kinds(articles) -> list[str]:
    kinds = [c[len(CLAIMS_KIND_PREFIX):] for c in articles.column_names if c.startswith(CLAIMS_KIND_PREFIX)]
    kinds += [c[len(UNATTRIBUTED_KIND_PREFIX):] for c in articles.column_names
              if c.startswith(UNATTRIBUTED_KIND_PREFIX) and c[len(UNATTRIBUTED_KIND_PREFIX):] not in kinds]
    rows = []
    for kind in kinds:
        claims, flagged = _sum(articles, CLAIMS_KIND_PREFIX + kind), _sum(articles, UNATTRIBUTED_KIND_PREFIX + kind)
        rows.append([kind, claims, flagged, _share(flagged, claims)])
    if not rows:
        return []
    return ["## Claims by kind", "",
            "Claim sentences per kind, and how many the rules flagged as unattributed.", "",
            *_table(["claim kind", "claims", "flagged unattributed", "share"], rows)]


def _findings_by_rule(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["rule", "name"])
    if not table.num_rows:
        return []
    counts = table.group_by(["rule", "name"]).aggregate([("rule", "count")]).to_pylist()
    rows = [[r["rule"], r["name"], r["rule_count"]] for r in sorted(counts, key=lambda r: r["rule"])]
    return ["## Findings by rule", "", *_table(["rule", "name", "findings"], rows)]


def _sources(path: Path, articles) -> list[str]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["article_id", "source", "kind"])
    total = table.num_rows
    by_kind = {r["kind"]: r["kind_count"] for r in table.group_by("kind").aggregate([("kind", "count")]).to_pylist()}
    rows = [[k, by_kind.get(k, 0), _share(by_kind.get(k, 0), total)] for k in SOURCE_KINDS]
    anonymous = sum(1 for n in articles["sources_anonymous"].to_pylist() if n)
    out = ["## Sources cited", "", *_table(["kind", "citations", "share"], rows),
           f"Articles citing at least one anonymous source: {anonymous} of {articles.num_rows} "
           f"({_share(anonymous, articles.num_rows)}).", ""]
    if total:
        grouped = table.group_by(["source", "kind"]).aggregate([("article_id", "count"),
                                                               ("article_id", "count_distinct")]).to_pylist()
        grouped.sort(key=lambda r: (-r["article_id_count"], r["source"], r["kind"]))
        top = [[r["source"], r["kind"], r["article_id_count"], r["article_id_count_distinct"]]
               for r in grouped[:TOP_SOURCES]]
        out += [f"### Most cited sources (top {TOP_SOURCES})", "",
                *_table(["source", "kind", "citations", "articles"], top)]
    return out


_FIGURES = CLAIMS_KIND_PREFIX + "numeric"
_UNATTRIBUTED_FIGURES = UNATTRIBUTED_KIND_PREFIX + "numeric"


def _grouped(articles, column: str, month: bool = False) -> list[dict]:
    """Per group: articles, figures and the unattributed ones (ATR001), all claims and the
    vaguely sourced ones, anonymous sources."""
    import pyarrow as pa
    import pyarrow.compute as pc

    keys = articles[column]
    if month:
        keys = pc.if_else(pc.match_substring_regex(keys, _MONTH), pc.utf8_slice_codeunits(keys, 0, 7), None)
    keys = pc.fill_null(keys, "(none)")
    zeros = pa.array([0] * articles.num_rows, pa.int64())
    table = pa.table({
        "group": keys,
        "claims": articles["claims"],
        "vague": articles["vague"],
        "figures": articles[_FIGURES] if _FIGURES in articles.column_names else zeros,
        "unattributed": articles[_UNATTRIBUTED_FIGURES] if _UNATTRIBUTED_FIGURES in articles.column_names else zeros,
        "anonymous": articles["sources_anonymous"],
    })
    aggregated = table.group_by("group").aggregate([("claims", "count"), ("claims", "sum"), ("vague", "sum"),
                                                    ("figures", "sum"), ("unattributed", "sum"),
                                                    ("anonymous", "sum")])
    return [{"group": r["group"], "articles": r["claims_count"], "claims": r["claims_sum"], "vague": r["vague_sum"],
             "figures": r["figures_sum"], "unattributed": r["unattributed_sum"], "anonymous": r["anonymous_sum"]}
            for r in aggregated.to_pylist()]


def _group_table(title: str, label: str, rows: list[dict]) -> list[str]:
    body = [[r["group"], r["articles"], r["figures"], _share(r["unattributed"], r["figures"]), r["claims"],
             _share(r["vague"], r["claims"]), r["anonymous"]] for r in rows]
    header = [label, "articles", "figures", "unattributed figures", "claims", "vaguely sourced claims",
              "anonymous sources"]
    return [f"## {title}", "", *_table(header, body)]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _chart_over_time(rows: list[dict], path: Path) -> bool:
    points = [(r["group"], r["unattributed"] / r["figures"]) for r in rows if r["group"] != "(none)" and r["figures"]]
    if len(points) < 2:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    ax.plot([p[0] for p in points], [100 * p[1] for p in points], marker="o")
    ax.set_ylabel("unattributed figures (%)")
    ax.set_title("Share of unattributed figures by month")
    ax.set_ylim(0, 100)
    ax.tick_params(axis="x", labelrotation=60, labelsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return True


def _chart_by_section(rows: list[dict], path: Path, label: str) -> bool:
    bars = [(r["group"], r["unattributed"] / r["figures"]) for r in rows if r["figures"]]
    if not bars:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(bars) + 1.5), dpi=100)
    ax.barh([b[0] for b in bars][::-1], [100 * b[1] for b in bars][::-1])
    ax.set_xlabel("unattributed figures (%)")
    ax.set_title(f"Share of unattributed figures by {label}")
    ax.set_xlim(0, 100)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return True
