"""``attrlint sources FILE``: who one article cites, named / anonymous / vague, with counts."""

from __future__ import annotations

import argparse
import json
import sys

from attrlint.cli.check import _Parser
from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrlint sources", description="List the attribution sources an article cites.")
    p.add_argument("path", metavar="FILE", help="the article; - reads standard input")
    p.add_argument("--format", choices=["text", "json"], default="text", help="rich table (default) or JSON")
    p.add_argument("--encoding", default="utf-8", help="encoding of the file (default: utf-8)")
    p.add_argument("--stdin-filename", help="name to report (and pick the reader by) for standard input")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the closest to FILE)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--no-plugins", action="store_true", help="load only built-in readers and lexicons")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from pathlib import Path

    from attrlint.analysis.article import analyse
    from attrlint.audit.sources import SOURCE_KINDS, count_sources, source_mentions
    from attrlint.config.errors import ConfigError
    from attrlint.config.profile import ConfigResolver
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.inputs import InputError, read_source
    from attrlint.readers.choose import choose_reader

    try:
        source = read_source(args.path, args.encoding, args.stdin_filename)
    except InputError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    registry = build_registry(load_plugins(third_party=False if args.no_plugins else None))
    for line in registry.errors:
        print(line, file=sys.stderr)
    try:  # the configuration's lexicons and analysis options, as attrlint check uses them
        resolver = ConfigResolver(registry, Path(args.config) if args.config else None, args.isolated)
        profile = resolver.profile_for(args.stdin_filename or "-" if args.path == "-" else args.path)
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    document = choose_reader(registry.readers, source.path).read(source.path, source.text)
    mentions = source_mentions(analyse(document, profile.lexicons, profile.options["analysis"]))
    rows = count_sources(mentions)
    totals = {kind: sum(1 for m in mentions if m.kind == kind) for kind in SOURCE_KINDS}
    if args.format == "json":
        json.dump({"path": source.path, "sources": rows, "totals": totals}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    _print_table(source.path, rows, totals)
    return EXIT_OK


def _print_table(path: str, rows: list[dict], totals: dict[str, int]) -> None:
    from rich.console import Console
    from rich.table import Table

    style = {"named": "green", "anonymous": "yellow", "vague": "red"}
    table = Table(title=f"Sources cited in {path}", title_justify="left")
    table.add_column("source")
    table.add_column("kind")
    table.add_column("citations", justify="right")
    for row in rows:
        table.add_row(row["source"], row["kind"], str(row["count"]), style=style[row["kind"]])
    console = Console(highlight=False, markup=False, emoji=False)
    console.print(table)
    console.print(", ".join(f"{kind}: {n}" for kind, n in totals.items()))
