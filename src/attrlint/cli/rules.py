"""``attrlint rules`` (the rule table) and ``attrlint explain CODE`` (one rule's doc)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def _registry(no_plugins: bool):
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    registry = build_registry(load_plugins(third_party=False if no_plugins else None))
    for line in registry.errors:
        print(line, file=sys.stderr)
    return registry


def _add_config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-plugins", action="store_true")
    p.add_argument("--config", metavar="FILE", help="read house rules (rule-paths) from this configuration")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files: built-in rules only")


def _all_rules(args) -> dict | None:
    """Every rule known here: plugins' and the house rules of the configuration that applies
    to the current folder.  None (after printing the error) when that configuration is bad."""
    from attrlint.config.errors import ConfigError
    from attrlint.config.profile import ConfigResolver

    registry = _registry(args.no_plugins)
    try:
        resolver = ConfigResolver(registry, Path(args.config) if args.config else None, args.isolated)
        return resolver.profile_for(".").all_rules
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return None


def run_rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="attrlint rules", description="List every rule.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _add_config_options(p)
    args = p.parse_args(argv)
    rules = _all_rules(args)
    if rules is None:
        return EXIT_ERROR
    rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "summary": getattr(r, "summary", "") or r.doc.split(". ")[0]} for r in rules.values()]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    for column in ("code", "name", "category", "severity", "summary"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(row[c] for c in ("code", "name", "category", "severity", "summary")))
    Console(highlight=False, markup=False).print(table)
    return EXIT_OK


def run_explain(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="attrlint explain", description="Show a rule's documentation.")
    p.add_argument("code")
    _add_config_options(p)
    args = p.parse_args(argv)
    rules = _all_rules(args)
    if rules is None:
        return EXIT_ERROR
    rule = rules.get(args.code.upper()) or next((r for r in rules.values() if r.name == args.code), None)
    if rule is None:
        print(f"attrlint: unknown rule {args.code!r} (see attrlint rules)", file=sys.stderr)
        return EXIT_ERROR
    out = [f"{rule.code} {rule.name}  (category: {rule.category}, default severity: {rule.severity})", "",
           rule.doc, ""]
    if getattr(rule, "source_file", None):
        out[1:1] = [f"House rule ({rule.kind}) from {rule.source_file}"]
    examples = getattr(rule, "examples", ())
    for label, flagged in (("Flagged:", True), ("Not flagged:", False)):
        chosen = [e for e in examples if e.flagged is flagged]
        if chosen:
            out.append(label)
            out.extend(f"  - {e.text}" for e in chosen)
            out.append("")
    sys.stdout.write("\n".join(out).rstrip() + "\n")
    return EXIT_OK
