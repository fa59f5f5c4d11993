"""``attrlint [check] PATH...``: lint files and folders, print a report, set the exit code."""

from __future__ import annotations

import argparse
import sys

from attrlint import __version__
from attrlint.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from attrlint.engine.findings import SEVERITIES, SEVERITY_RANK


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"attrlint: {message} (see attrlint --help)\n")


def _job_count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"--jobs takes a number of processes (0 = auto), not {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="attrlint",
        description="Flag unattributed figures, facts and quotes, and vague attribution, in news articles.",
        epilog="Subcommands: attrlint rules | attrlint explain CODE.  "
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/input/internal error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads standard input")
    p.add_argument("--format", default="text", help="output format: text (default), json, ...")
    p.add_argument("--fail-on", choices=SEVERITIES, default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--select", default="", help="comma-separated rule codes or prefixes to run")
    p.add_argument("--ignore", default="", help="comma-separated rule codes or prefixes to skip")
    p.add_argument("--encoding", default="utf-8", help="encoding of the input files (default: utf-8)")
    p.add_argument("--stdin-filename", help="name to report (and pick the reader by) for standard input")
    p.add_argument("--show-evidence", action="store_true", help="show what was taken as claim and source")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    p.add_argument("--no-plugins", action="store_true",
                   help="load only built-in rules (also: ATTRLINT_NO_PLUGINS=1)")
    p.add_argument("--jobs", "-j", type=_job_count, default=0, metavar="N",
                   help="lint with N processes (default 0: one per core when there are many files)")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    p.add_argument("--version", action="version", version=f"attrlint {__version__}")
    return p


def select_rules(rules: dict, select: str, ignore: str) -> list:
    """Rules whose code starts with a selected prefix and with no ignored prefix."""
    chosen = [c.strip().upper() for c in select.split(",") if c.strip()]
    dropped = [c.strip().upper() for c in ignore.split(",") if c.strip()]
    out = []
    for code, rule in rules.items():
        if chosen and not any(code.startswith(c) for c in chosen):
            continue
        if any(code.startswith(c) for c in dropped):
            continue
        out.append(rule)
    return out


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from attrlint.cli.progress import progress_bar
    from attrlint.engine.batch import FileLinter, LintSettings, effective_jobs, lint_paths
    from attrlint.engine.linter import Report
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.inputs import discover

    if not args.paths:
        print("attrlint: no paths given (try: attrlint article.md, or attrlint --help)", file=sys.stderr)
        return EXIT_ERROR
    registry = build_registry(load_plugins(third_party=False if args.no_plugins else None))
    for line in registry.errors:
        print(line, file=sys.stderr)
    formatter_factory = registry.formats.get(args.format)
    if formatter_factory is None:
        print(f"attrlint: unknown format {args.format!r} (choose from: {', '.join(sorted(registry.formats))})",
              file=sys.stderr)
        return EXIT_ERROR
    rules = select_rules(registry.rules, args.select, args.ignore)
    settings = LintSettings(rule_codes=tuple(r.code for r in rules), no_plugins=args.no_plugins,
                            encoding=args.encoding, stdin_filename=args.stdin_filename)
    linter = FileLinter(settings, registry)

    report = Report()
    files, errors = discover(args.paths)
    report.input_errors.extend(errors)
    jobs = effective_jobs(args.jobs, files)
    with progress_bar(len(files), args.format) as advance:
        for result in lint_paths(files, linter, jobs, on_done=advance):
            if isinstance(result, str):
                report.input_errors.append(result)
            else:
                report.files.append(result)

    color = {"always": True, "never": False}.get(args.color)
    options = {"color": color, "show_evidence": args.show_evidence}
    formatter = formatter_factory(sys.stdout, options)
    formatter.write(report)
    if args.format != "text":
        for line in [*report.input_errors, *report.internal_errors]:
            print(f"attrlint: {line}", file=sys.stderr)
    return exit_code(report, args.fail_on, args.exit_zero)


def exit_code(report, fail_on: str, exit_zero: bool) -> int:
    if report.input_errors or report.internal_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if report.max_severity_rank() >= SEVERITY_RANK[fail_on] else EXIT_OK
