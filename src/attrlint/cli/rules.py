"""``attrlint rules`` (the rule table) and ``attrlint explain CODE`` (one rule's doc)."""

from __future__ import annotations

import argparse
import json
import sys

from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def _registry(no_plugins: bool):
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    registry = build_registry(load_plugins(third_party=False if no_plugins else None))
    for line in registry.errors:
        print(line, file=sys.stderr)
    return registry


def run_rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="attrlint rules", description="List every rule.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--no-plugins", action="store_true")
    args = p.parse_args(argv)
    registry = _registry(args.no_plugins)
    rows = [{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "summary": getattr(r, "summary", "") or r.doc.split(". ")[0]} for r in registry.rules.values()]
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
    p.add_argument("--no-plugins", action="store_true")
    args = p.parse_args(argv)
    registry = _registry(args.no_plugins)
    rule = registry.rule(args.code) or next(
        (r for r in registry.rules.values() if r.name == args.code), None)
    if rule is None:
        print(f"attrlint: unknown rule {args.code!r} (see attrlint rules)", file=sys.stderr)
        return EXIT_ERROR
    out = [f"{rule.code} {rule.name}  (category: {rule.category}, default severity: {rule.severity})", "",
           rule.doc, ""]
    examples = getattr(rule, "examples", ())
    for label, flagged in (("Flagged:", True), ("Not flagged:", False)):
        chosen = [e for e in examples if e.flagged is flagged]
        if chosen:
            out.append(label)
            out.extend(f"  - {e.text}" for e in chosen)
            out.append("")
    sys.stdout.write("\n".join(out).rstrip() + "\n")
    return EXIT_OK
