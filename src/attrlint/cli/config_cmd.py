"""``attrlint config [PATH]``: the effective configuration for a path and where each value
came from (a file, the default, or the command line)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def run_config(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="attrlint config",
                                description="Show the effective configuration for a file or folder.")
    p.add_argument("path", nargs="?", default=".", help="the file or folder (default: the current folder)")
    p.add_argument("--config", metavar="FILE", help="use this configuration file")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--no-plugins", action="store_true")
    args = p.parse_args(argv)
    from attrlint.cli.rules import _registry
    from attrlint.config.errors import ConfigError
    from attrlint.config.profile import ConfigResolver

    if args.path != "-" and not Path(args.path).exists():
        print(f"attrlint: {args.path}: no such file or directory", file=sys.stderr)
        return EXIT_ERROR
    try:
        resolver = ConfigResolver(_registry(args.no_plugins), Path(args.config) if args.config else None,
                                  args.isolated)
        profile = resolver.profile_for(args.path)  # validates codes and patterns too
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    settings = profile.settings
    rules = profile.rules_for(args.path) if Path(args.path).is_file() else profile.rules
    if args.format == "json":
        json.dump({"path": args.path, "config_file": str(settings.file) if settings.file else None,
                   "values": settings.values, "origin": settings.origin,
                   "rules": [r.code for r in rules]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    lines = [f"# effective configuration for {args.path}",
             f"# configuration file: {settings.file or 'none'}",
             f"# rules that run: {', '.join(r.code for r in rules) or 'none'}"]
    rows = [(f"{key} = {_toml(value)}", settings.origin[key]) for key, value in settings.values.items()]
    width = max(len(r[0]) for r in rows)
    lines.extend(f"{text.ljust(width)}  # {origin}" for text, origin in rows)
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _toml(value: Any) -> str:
    """A value written as TOML (inline), so the output can be pasted into a file."""
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
