"""Writing the three Parquet tables with bounded memory and a stable schema.

Each chunk's rows are written as a part file as soon as they arrive (in any order, from
any engine); :meth:`TableSink.finish` then streams the parts, in input order, into one
file per table.  Parts may differ in columns (metadata keys that only some articles
have, a claim kind only some chunks report), so the final schema is the union: fixed
columns first, then the per-kind counts ``claims_kind_<kind>`` and
``unattributed_kind_<kind>`` (0 where absent), then metadata columns in the order they
first appear in the input.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from attrlint.audit.article import (
    ARTICLE_COLUMNS,
    FINDING_COLUMNS,
    KIND_PREFIXES,
    SOURCE_COLUMNS,
    ChunkRows,
)

TABLES = {"findings": FINDING_COLUMNS, "articles": ARTICLE_COLUMNS, "sources": SOURCE_COLUMNS}
_INTEGER = {"start", "end", "line", "column", "characters", "sentences", "claims", "attributed", "vague",
            "unattributed", "findings", "vague_attributions", "sources", "sources_named", "sources_anonymous",
            "sources_vague"}
_FLOAT = {"attributed_share", "vague_share", "unattributed_share"}


def column_type(name: str):
    import pyarrow as pa

    if name in _INTEGER or name.startswith(KIND_PREFIXES):
        return pa.int64()
    if name in _FLOAT:
        return pa.float64()
    if name == "sources_cited":
        return pa.list_(pa.string())
    return pa.string()


class TableSink:
    """Collects chunk results under ``out_dir/.parts`` and merges them at the end."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.parts = self.out_dir / ".parts"
        shutil.rmtree(self.parts, ignore_errors=True)
        for name in TABLES:
            (self.parts / name).mkdir(parents=True, exist_ok=True)
        self.articles = 0

    def write(self, index: int, rows: ChunkRows) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.articles += len(rows.articles)
        for name in TABLES:
            records = getattr(rows, name)
            if not records:
                continue
            keys = list(dict.fromkeys(k for r in records for k in r))
            schema = pa.schema([(k, column_type(k)) for k in keys])
            table = pa.Table.from_pylist(records, schema=schema)
            pq.write_table(table, self.parts / name / f"part-{index:08d}.parquet")

    def discard(self) -> None:
        """Remove the parts of a run that failed."""
        shutil.rmtree(self.parts, ignore_errors=True)

    def finish(self) -> dict[str, Path]:
        """Merge the parts into ``<table>.parquet`` files; returns their paths."""
        paths = {name: self._merge(name, fixed) for name, fixed in TABLES.items()}
        shutil.rmtree(self.parts, ignore_errors=True)
        return paths

    def _merge(self, name: str, fixed: tuple[str, ...]) -> Path:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        parts = sorted((self.parts / name).glob("part-*.parquet"))
        seen: list[str] = []
        for part in parts:
            seen.extend(n for n in pq.read_schema(part).names if n not in seen)
        kinds = sorted(n for n in seen if n.startswith(KIND_PREFIXES))
        metadata = [n for n in seen if n not in fixed and n not in kinds]
        schema = pa.schema([(n, column_type(n)) for n in [*fixed, *kinds, *metadata]])
        target = self.out_dir / f"{name}.parquet"
        with pq.ParquetWriter(target, schema) as writer:
            for part in parts:
                table = pq.read_table(part)
                columns = []
                for field in schema:
                    if field.name in table.column_names:
                        column = table[field.name].cast(field.type)
                    else:
                        column = pa.nulls(table.num_rows, field.type)
                    if field.name in kinds:  # an article with no finding of a kind has 0 of it
                        column = pc.fill_null(column, 0)
                    columns.append(column)
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
        return target
