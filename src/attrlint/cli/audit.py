"""``attrlint audit INPUT --out DIR``: sourcing statistics over an archive of articles."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from attrlint.cli.check import _Parser
from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrlint audit",
                description="Audit sourcing across an archive (JSON Lines, CSV or Parquet of articles): "
                "writes findings.parquet, articles.parquet, sources.parquet and summary.md to --out.")
    p.add_argument("input", metavar="INPUT", help="the archive: .jsonl/.ndjson, .csv or .parquet")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--input-format", choices=["jsonl", "csv", "parquet"], help="override the format from the extension")
    p.add_argument("--id-column", default="id", help="column with the article id (default: id)")
    p.add_argument("--text-column", default="text", help="column with the article text (default: text)")
    p.add_argument("--date-column", default="date", help="metadata column for the over-time table (default: date)")
    p.add_argument("--section-column", default="section", help="metadata column for the by-section table "
                   "(default: section)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool (default) or a Dask cluster (needs attrlint[dask])")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes (local) or LocalCluster workers (dask); default: CPU count")
    p.add_argument("--chunk-size", type=int, default=200, help="articles per chunk (default: 200)")
    p.add_argument("--blocksize", type=int, default=4 * 2**20,
                   help="bytes per Dask partition of a JSON Lines input (default: 4 MiB)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler to use instead of a LocalCluster")
    p.add_argument("--select", default="", help="comma-separated rule codes or prefixes to run")
    p.add_argument("--ignore", default="", help="comma-separated rule codes or prefixes to skip")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the closest pyproject.toml / "
                   "attrlint.toml from the current folder)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--no-plugins", action="store_true", help="load only built-in rules")
    p.add_argument("--no-scorer", action="store_true",
                   help="no trained scorer: the hand-set rules decide alone (as scorer = false)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (it only shows on a terminal)")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.workers < 1 or args.chunk_size < 1 or args.blocksize < 1:
        print("attrlint: --workers, --chunk-size and --blocksize must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    if args.scheduler and args.engine != "dask":
        print("attrlint: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        print("attrlint: audit needs pyarrow and matplotlib: pip install 'attrlint[audit]'", file=sys.stderr)
        return EXIT_ERROR
    from attrlint.audit.engines import run_dask, run_local
    from attrlint.audit.readers import AuditInputError, ColumnSpec, detect_format
    from attrlint.audit.summary import write_summary
    from attrlint.audit.tables import TableSink
    from attrlint.config.errors import ConfigError

    if not os.path.isfile(args.input):
        print(f"attrlint: {args.input}: no such file", file=sys.stderr)
        return EXIT_ERROR
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"attrlint: {out}: exists and is not a folder", file=sys.stderr)
        return EXIT_ERROR
    try:
        settings = resolve_settings(args)
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    spec = ColumnSpec(args.id_column, args.text_column)
    progress = False if args.no_progress else None
    started = time.perf_counter()
    sink = None
    try:
        fmt = detect_format(args.input, args.input_format)
        out.mkdir(parents=True, exist_ok=True)
        sink = TableSink(out)
        if args.engine == "dask":
            run_dask(args.input, fmt, spec, settings, sink, workers=args.workers, chunk_size=args.chunk_size,
                     blocksize=args.blocksize, scheduler=args.scheduler, progress=progress)
        else:
            run_local(args.input, fmt, spec, settings, sink, workers=args.workers, chunk_size=args.chunk_size,
                      progress=progress)
        sink.finish()
        write_summary(out, input_name=os.path.basename(args.input), date_column=args.date_column,
                      section_column=args.section_column)
    except (AuditInputError, OSError) as exc:
        if sink is not None:
            sink.discard()
        if isinstance(exc, AuditInputError):
            print(f"attrlint: {exc}", file=sys.stderr)
        else:
            print(f"attrlint: {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    elapsed = time.perf_counter() - started
    print(f"attrlint: audited {sink.articles} articles in {elapsed:.1f}s with the {args.engine} engine; "
          f"wrote {out}/summary.md", file=sys.stderr)
    return EXIT_OK


def resolve_settings(args):
    """The run's settings, with the configuration file found here, on the client, and
    validated once (a bad configuration is one line, not an error in every worker)."""
    from attrlint.audit.article import AuditSettings, auditor_for
    from attrlint.config.errors import ConfigError
    from attrlint.config.profile import ConfigResolver
    from attrlint.engine.registry import Registry

    if args.config and not os.path.isfile(args.config):
        raise ConfigError(f"{args.config}: --config: no such file")
    config = None
    if not args.isolated:
        found = ConfigResolver(Registry(), Path(args.config) if args.config else None).config_file_for(".")
        config = str(found.resolve()) if found else None
    settings = AuditSettings(config, args.select, args.ignore, False if args.no_plugins else None, args.no_scorer)
    for line in auditor_for(settings).errors:
        print(line, file=sys.stderr)
    return settings
