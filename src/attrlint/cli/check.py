"""``attrlint [check] PATH...``: lint files and folders, print a report, set the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from attrlint import __version__
from attrlint.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from attrlint.engine.findings import SEVERITIES, SEVERITY_RANK


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal width so that it does not import
    ``shutil`` to find it: argparse makes a formatter for every argument it defines, and
    ``shutil`` (with ``bz2`` and ``lzma``) is ~4 ms of every run, most of which never
    print help.  The width is worked out as ``shutil.get_terminal_size`` does."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
            except (AttributeError, ValueError, OSError):  # not a terminal, or no stdout
                columns = 80
        super().__init__(prog, width=max(columns, 20) - 2)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def __init__(self, **kwargs) -> None:
        super().__init__(formatter_class=_Formatter, **kwargs)

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"attrlint: {message} (see attrlint --help)\n")


def _job_count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"--jobs takes a number of processes (0 = auto), not {value!r}")
    return int(value)


def _min_confidence(value: str) -> float | str:
    if value == "auto":
        return value
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:  # NaN too
        raise argparse.ArgumentTypeError(f"takes a number from 0 to 1 or 'auto', not {value!r}")
    return number


def add_confidence_options(p: argparse.ArgumentParser) -> None:
    """``--min-confidence`` and ``--model``: shared with ``attrlint evaluate``."""
    p.add_argument("--min-confidence", type=_min_confidence, default=None, metavar="X",
                   help="drop findings whose confidence is below X: 0 to 1, or 'auto' (the model's thresholds per "
                   "category; the default unless a configuration sets min-confidence)")
    p.add_argument("--model", metavar="FILE", help="score findings with this model file (default: the built-in model)")
    p.add_argument("--no-scorer", action="store_true",
                   help="no trained scorer: the hand-set rules decide alone, every finding at confidence 1 "
                   "(as scorer = false)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="attrlint",
        description="Flag unattributed figures, facts and quotes, and vague attribution, in news articles.",
        epilog="Subcommands: attrlint rules | attrlint explain CODE | attrlint config [PATH] | "
        "attrlint report PATH... -o FILE | attrlint lsp.  "
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/input/internal error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads standard input")
    p.add_argument("--format", default="text",
                   help="output format: text (default), json, jsonl, concise, github, sarif, html")
    p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                   help="lowest severity that makes the exit code 1 (default: warning, or the config's fail-on)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    add_confidence_options(p)
    p.add_argument("--select", default="", help="comma-separated rule codes or prefixes to run (overrides config)")
    p.add_argument("--ignore", default="", help="comma-separated rule codes or prefixes to skip (overrides config)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files and folders matching GLOB when walking folders (adds to the config's exclude); "
                   "repeatable")
    p.add_argument("--config", metavar="FILE", help="use this configuration file for every input")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    p.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit")
    p.add_argument("--diff", nargs="?", const="", default=None, metavar="REV",
                   help="report only findings in sentences on lines changed since REV (default: the staged "
                   "changes); - reads a unified diff from standard input; without PATH, lints the changed files")
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


def cli_overrides(args) -> dict:
    """Command-line values that win over every configuration file."""
    out: dict = {}
    if args.select:
        out["select"] = [c for c in args.select.split(",") if c.strip()]
        out["extend-select"] = []
    if args.ignore:
        out["ignore"] = [c for c in args.ignore.split(",") if c.strip()]
    if args.fail_on:
        out["fail-on"] = args.fail_on
    # getattr: callers with fewer options (attrlint audit, evaluate) pass what they have.
    if getattr(args, "min_confidence", None) is not None:
        out["min-confidence"] = args.min_confidence
    if getattr(args, "write_baseline", None):  # a baseline records every finding: a new model must not void it
        out["min-confidence"] = 0.0
    if getattr(args, "no_scorer", False):
        out["scorer"] = False
    if getattr(args, "model", None):  # absolute: --jobs workers and every configuration folder read the same file
        out["model"] = os.path.abspath(args.model)
    return out


def run(argv: list[str]) -> int:
    return lint_and_write(build_parser().parse_args(argv), sys.stdout)


def lint_and_write(args: argparse.Namespace, stream) -> int:
    """Lint ``args.paths``, write the report in ``args.format`` to ``stream``, return the exit code.

    Shared by ``attrlint check`` and ``attrlint report``."""
    from attrlint.cli.progress import progress_bar
    from attrlint.config.errors import ConfigError
    from attrlint.config.profile import ConfigResolver
    from attrlint.engine.batch import FileLinter, LintSettings, effective_jobs, lint_paths
    from attrlint.engine.linter import Report
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.inputs import discover

    diff = None
    if getattr(args, "diff", None) is not None:
        from attrlint.vcs.scope import open_scope
        from attrlint.vcs.unified import DiffError

        try:
            diff = open_scope(args)
        except DiffError as exc:
            print(f"attrlint: {exc}", file=sys.stderr)
            return EXIT_ERROR
    elif not args.paths:
        print("attrlint: no paths given (try: attrlint article.md, or attrlint --help)", file=sys.stderr)
        return EXIT_ERROR
    plugins = load_plugins(third_party=False if args.no_plugins else None)
    registry = build_registry(plugins)
    for line in registry.errors:
        print(line, file=sys.stderr)
    formatter_factory = registry.formats.get(args.format)
    if formatter_factory is None:
        print(f"attrlint: unknown format {args.format!r} (choose from: {', '.join(sorted(registry.formats))})",
              file=sys.stderr)
        return EXIT_ERROR

    report = Report()
    try:
        resolver = ConfigResolver(registry, Path(args.config) if args.config else None, args.isolated,
                                  cli_overrides(args))
        files: list[str] = []
        for raw in args.paths:
            found, errors = discover([raw], exclude=[*resolver.profile_for(raw).settings["exclude"], *args.exclude])
            files.extend(found)
            report.input_errors.extend(errors)
        if diff is not None:  # only the changed files; without paths, every changed file
            files = diff.select(files if args.paths else None,
                                lambda path: [*resolver.profile_for(path).settings["exclude"], *args.exclude])
            args.paths = args.paths or files[:1] or [os.curdir]  # whose configuration applies to the run
        # Resolved (and so validated) before linting; workers resolve the same again.
        profiles = {path: resolver.profile_for((args.stdin_filename or "-") if path == "-" else path)
                    for path in files}
        baseline = None
        if args.baseline:  # the baseline module (and tempfile) only when asked for
            from attrlint.engine.baseline import read_baseline

            baseline = read_baseline(Path(args.baseline))
        plugins.hook.attrlint_configure(config=dict(resolver.profile_for(args.paths[0]).settings.values))
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR

    settings = LintSettings(no_plugins=args.no_plugins, config=args.config, isolated=args.isolated,
                            overrides=cli_overrides(args), encoding=args.encoding,
                            stdin_filename=args.stdin_filename, explain_passes=args.show_evidence,
                            configure_path=args.paths[0])
    linter = FileLinter(settings, plugins, registry, resolver)
    formatter = None
    if not args.write_baseline:
        formatter = formatter_factory(stream, _format_options(args, registry, resolver, profiles.values()))
    # The format's optional per-file step (run by --jobs workers) must see each file's
    # final findings: not when a baseline (or --diff) removes some afterwards.
    render_file = None if formatter is None or baseline is not None or diff is not None \
        else getattr(formatter, "render_file", None)
    fail_on: dict[str, str] = {}
    jobs = effective_jobs(getattr(args, "jobs", 0), files)
    with progress_bar(len(files), args.format) as advance:
        for outcome in lint_paths(files, linter, jobs, on_done=advance, render_file=render_file):
            if outcome.binary_path is not None and outcome.binary_path not in args.paths:
                print(f"attrlint: skipped {outcome.error}", file=sys.stderr)  # found while walking a folder
            elif outcome.error is not None:
                report.input_errors.append(outcome.error)
            else:
                report.files.append(outcome.result)
                fail_on[outcome.result.path] = outcome.fail_on

    if args.write_baseline:
        return _write_baseline(Path(args.write_baseline), report)
    if baseline is not None:
        from attrlint.engine.baseline import filter_baselined

        filter_baselined(report.files, baseline, Path(args.baseline).resolve().parent)
    if diff is not None:
        diff.filter(report.files)
        report.diff = diff.record()

    formatter.write(report)
    if args.format != "text":
        for line in [*report.input_errors, *report.internal_errors]:
            print(f"attrlint: {line}", file=sys.stderr)
    return exit_code(report, fail_on, args.exit_zero)


def _format_options(args, registry, resolver, profiles) -> dict:
    first = resolver.profile_for(args.paths[0])  # formats that re-analyse use the first path's settings
    # pre-commit splits files across processes: a per-run summary line would repeat.
    return {"color": {"always": True, "never": False}.get(args.color), "show_evidence": args.show_evidence,
            "lexicons": first.lexicons, "analysis": first.options["analysis"],
            "rules": _all_rules(registry, profiles), "show_summary": os.environ.get("PRE_COMMIT") != "1"}


def _write_baseline(file: Path, report) -> int:
    """Record the findings instead of reporting them; refuse when some input failed."""
    from attrlint.engine.baseline import write_baseline

    for line in [*report.input_errors, *report.internal_errors]:
        print(f"attrlint: {line}", file=sys.stderr)
    if report.input_errors or report.internal_errors:
        return EXIT_ERROR
    try:
        count = write_baseline(file, report.files)
    except OSError as exc:
        print(f"attrlint: {file}: cannot write baseline: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"attrlint: wrote {count} finding(s) to {file}", file=sys.stderr)
    return EXIT_OK


def _all_rules(registry, profiles) -> dict:
    """Every rule a format may need to describe: registered ones and house rules."""
    rules = dict(registry.rules)
    for profile in profiles:
        rules.update(profile.all_rules)
    return dict(sorted(rules.items()))


def exit_code(report, fail_on: str | dict[str, str], exit_zero: bool) -> int:
    """``fail_on`` is one level for every file, or a level per file path (from its configuration)."""
    if report.input_errors or report.internal_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    levels = fail_on if isinstance(fail_on, dict) else {}
    default = fail_on if isinstance(fail_on, str) else "warning"
    failing = any(SEVERITY_RANK[x.severity] >= SEVERITY_RANK[levels.get(f.path, default)]
                  for f in report.files for x in f.findings)
    return EXIT_FINDINGS if failing else EXIT_OK
