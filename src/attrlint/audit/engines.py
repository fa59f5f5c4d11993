"""Engines: run :func:`~attrlint.audit.article.audit_chunk` over an archive.

- ``local`` (default): the input is read in chunks on this machine and the chunks go to a
  process pool (``concurrent.futures``); at most two chunks per worker are in flight, so
  memory stays bounded whatever the archive size.  One worker runs in-process.
- ``dask``: the same function on a ``distributed`` cluster (a ``LocalCluster`` unless a
  scheduler address is given).  The input is read by the workers through ``dask.bag``
  (JSON Lines by byte blocks, Parquet by row groups, CSV as one partition per file since a
  quoted article text may span lines), so the input path must be readable by the workers;
  results come back to this process, which writes the outputs.

Both engines hand each chunk's rows to a sink as ``sink.write(index, rows)``; ``index``
orders the chunks as in the input.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager

from attrlint.audit.article import AuditSettings, audit_chunk
from attrlint.audit.readers import (
    AuditInputError,
    ColumnSpec,
    iter_chunks,
    parquet_row_groups,
    parse_jsonl,
    read_parquet_groups,
    to_record,
)

ENGINES = ("local", "dask")


@contextmanager
def progress_bar(unit: str, total: int | None = None, enabled: bool | None = None):
    """A rich progress bar on stderr, only when stderr is a terminal; yields ``advance(n)``."""
    from rich.console import Console

    console = Console(stderr=True)
    if enabled is False or (enabled is None and not console.is_terminal):
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
               TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("audit", total=total)
        yield lambda n: progress.advance(task, n)


def run_local(path: str, fmt: str, spec: ColumnSpec, settings: AuditSettings, sink, *, workers: int,
              chunk_size: int, progress: bool | None = None) -> None:
    chunks = iter_chunks(path, fmt, spec, chunk_size)
    with progress_bar("articles", enabled=progress) as advance:
        if workers <= 1:
            for index, chunk in enumerate(chunks):
                sink.write(index, audit_chunk(chunk, settings))
                advance(len(chunk))
            return
        # forkserver: never fork a process that runs the progress bar's thread.
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pending: dict = {}

            def collect(done) -> None:
                for future in done:
                    index, size = pending.pop(future)
                    sink.write(index, future.result())
                    advance(size)

            for index, chunk in enumerate(chunks):
                if len(pending) >= 2 * workers:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    collect(done)
                pending[pool.submit(audit_chunk, chunk, settings)] = (index, len(chunk))
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)


def dask_bag(path: str, fmt: str, spec: ColumnSpec, *, chunk_size: int, blocksize: int):
    """The archive as a ``dask.bag`` of :class:`ArticleRecord`, read by the workers."""
    import dask
    import dask.bag as db

    if fmt == "jsonl":
        lines = db.read_text(path, blocksize=blocksize, encoding="utf-8")
        return lines.map_partitions(parse_jsonl, spec, path, None)
    if fmt == "parquet":
        read = dask.delayed(read_parquet_groups)
        return db.from_delayed([read(path, groups, spec, chunk_size)
                                for groups in parquet_row_groups(path, chunk_size)])
    if fmt == "csv":
        import dask.dataframe as dd

        frame = dd.read_csv(path, blocksize=None, dtype=str, keep_default_na=False)
        return db.from_delayed([dask.delayed(_frame_records)(part, spec, path) for part in frame.to_delayed()])
    raise ValueError(f"unknown input format {fmt!r}")


def _frame_records(frame, spec: ColumnSpec, path: str) -> list:
    return [to_record(row, spec, f"{path}: row {i + 1}") for i, row in enumerate(frame.to_dict("records"))]


def _audit_partition(records, settings: AuditSettings) -> list:
    return [audit_chunk(list(records), settings)]


def run_dask(path: str, fmt: str, spec: ColumnSpec, settings: AuditSettings, sink, *, workers: int,
             chunk_size: int, blocksize: int, scheduler: str | None = None, progress: bool | None = None) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise AuditInputError("--engine dask needs Dask: pip install 'attrlint[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise AuditInputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        cluster = None
    else:
        # Dashboard on any free port; worker logs only when critical (a bad record is
        # reported here in one line, not as a worker traceback).
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0",
                               silence_logs=logging.CRITICAL)
        client = Client(cluster)
    try:
        bag = dask_bag(path, fmt, spec, chunk_size=chunk_size, blocksize=blocksize)
        partitions = bag.map_partitions(_audit_partition, settings).to_delayed()
        futures = client.compute(partitions)
        index_of = {f.key: i for i, f in enumerate(futures)}
        with progress_bar("partitions", total=len(futures), enabled=progress) as advance:
            for future, result in as_completed(futures, with_results=True):
                sink.write(index_of[future.key], result[0])
                future.release()
                advance(1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
