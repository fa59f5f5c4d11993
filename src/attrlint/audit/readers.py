"""Reading article archives (JSON Lines, CSV, Parquet) in chunks of bounded size.

Every reader yields lists of :class:`ArticleRecord`: the id and text from the configured
columns, every other column as text metadata.  Metadata is always stored as text (or
null) so that every chunk, on every engine, produces the same table schema.  Problems
become :class:`AuditInputError` with a one-line message naming the file and the line or row.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from attrlint.inputs import os_error_message

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class AuditInputError(Exception):
    """A problem with the archive; ``str(error)`` is the one-line message."""


@dataclass(frozen=True)
class ColumnSpec:
    """Which input columns hold the article id and text."""

    id_column: str = "id"
    text_column: str = "text"


@dataclass
class ArticleRecord:
    id: str
    text: str
    metadata: dict[str, str | None] = field(default_factory=dict)


def detect_format(path: str, given: str | None = None) -> str:
    if given:
        return given
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        raise AuditInputError(f"{path}: cannot tell the format from the extension "
                              f"(use --input-format jsonl, csv or parquet)")
    return fmt


def metadata_text(value) -> str | None:
    """Metadata as text: strings as they are, numbers and booleans in JSON spelling."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value != value:  # NaN: a missing value
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return str(value)


def to_record(row: dict, spec: ColumnSpec, where: str) -> ArticleRecord:
    """One input row as an :class:`ArticleRecord`; ``where`` names the row in errors."""
    if not isinstance(row, dict):
        raise AuditInputError(f"{where}: expected an object with {spec.id_column!r} and {spec.text_column!r}")
    if row.get(spec.id_column) is None:
        raise AuditInputError(f"{where}: no {spec.id_column!r} column (set it with --id-column)")
    text = row.get(spec.text_column)
    if text is None:
        raise AuditInputError(f"{where}: no {spec.text_column!r} column (set it with --text-column)")
    if not isinstance(text, str):
        raise AuditInputError(f"{where}: {spec.text_column!r} is not text")
    metadata = {k: metadata_text(v) for k, v in row.items() if k not in (spec.id_column, spec.text_column)}
    return ArticleRecord(str(metadata_text(row[spec.id_column])), text, metadata)


def parse_jsonl(lines: Iterable[str], spec: ColumnSpec, where: str, first_line: int | None = 1) -> list[ArticleRecord]:
    """Records from JSON Lines; blank lines are skipped.  ``first_line=None``: line numbers
    are unknown (a Dask block), so errors name the file only."""
    records = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        at = f"{where}:{first_line + i}" if first_line is not None else where
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AuditInputError(f"{at}: not valid JSON ({exc.msg})") from None
        records.append(to_record(row, spec, at))
    return records


def iter_chunks(path: str, fmt: str, spec: ColumnSpec, chunk_size: int) -> Iterator[list[ArticleRecord]]:
    """The archive as consecutive chunks of at most ``chunk_size`` articles."""
    readers = {"jsonl": _jsonl_chunks, "csv": _csv_chunks, "parquet": _parquet_chunks}
    if fmt not in readers:
        raise AuditInputError(f"unknown input format {fmt!r} (choose jsonl, csv or parquet)")
    try:
        yield from readers[fmt](path, spec, chunk_size)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise AuditInputError(os_error_message(path, exc)) from None
    except UnicodeDecodeError as exc:
        raise AuditInputError(f"{path}: not valid UTF-8 (byte position {exc.start})") from None


def _jsonl_chunks(path: str, spec: ColumnSpec, chunk_size: int) -> Iterator[list[ArticleRecord]]:
    with open(path, encoding="utf-8") as fh:
        lines: list[str] = []
        first = 1
        for number, line in enumerate(fh, 1):
            lines.append(line)
            if len(lines) >= chunk_size:
                yield parse_jsonl(lines, spec, path, first)
                lines, first = [], number + 1
        if lines:
            yield parse_jsonl(lines, spec, path, first)


def _csv_chunks(path: str, spec: ColumnSpec, chunk_size: int) -> Iterator[list[ArticleRecord]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 KiB default
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh)
        chunk: list[ArticleRecord] = []
        try:
            for row in rows:
                chunk.append(to_record(row, spec, f"{path}:{rows.line_num}"))
                if len(chunk) >= chunk_size:
                    yield chunk
                    chunk = []
        except csv.Error as exc:
            raise AuditInputError(f"{path}:{rows.line_num}: malformed CSV ({exc})") from None
        if chunk:
            yield chunk


def parquet_row_groups(path: str, chunk_size: int) -> list[list[int]]:
    """Row groups batched so that each batch holds about ``chunk_size`` rows (at least one group)."""
    meta = _parquet_file(path).metadata
    batches: list[list[int]] = []
    rows = 0
    for g in range(meta.num_row_groups):
        if not batches or rows >= chunk_size:
            batches.append([])
            rows = 0
        batches[-1].append(g)
        rows += meta.row_group(g).num_rows
    return batches


def read_parquet_groups(path: str, groups: list[int], spec: ColumnSpec, chunk_size: int) -> list[ArticleRecord]:
    """The records of some row groups (a Dask task reads its own groups with this)."""
    return [r for chunk in _parquet_batches(path, spec, chunk_size, groups) for r in chunk]


def _parquet_chunks(path: str, spec: ColumnSpec, chunk_size: int) -> Iterator[list[ArticleRecord]]:
    yield from _parquet_batches(path, spec, chunk_size, None)


def _parquet_batches(path, spec, chunk_size, groups) -> Iterator[list[ArticleRecord]]:
    pf = _parquet_file(path)
    first_row = 0
    for batch in pf.iter_batches(batch_size=chunk_size, row_groups=groups):
        rows = batch.to_pylist()
        yield [to_record(row, spec, f"{path}: row {first_row + i + 1}") for i, row in enumerate(rows)]
        first_row += len(rows)


def _parquet_file(path: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise AuditInputError(f"{path}: not a readable Parquet file ({exc})") from None
