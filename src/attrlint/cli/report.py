"""``attrlint report PATH... [-o report.html]``: the HTML report, for editors.

The same linting as ``attrlint check`` (same options, same exit codes) with the output
fixed to ``--format html`` and written to a file.  The page is rendered in memory first,
so a failed run never leaves a half-written report behind.
"""

from __future__ import annotations

import argparse
import io
import sys

from attrlint.cli.check import build_parser, lint_and_write
from attrlint.cli.main import EXIT_ERROR


def run(argv: list[str]) -> int:
    parser = build_parser()
    parser.prog = "attrlint report"
    parser.description = ("Write an HTML page showing each article with its findings highlighted in place, "
                          "a summary and the sources cited.")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="where to write the page (default: standard output)")
    parser.set_defaults(format="html")
    for action in parser._actions:  # check's --format is accepted (html only) but not advertised
        if "--format" in action.option_strings:
            action.help = argparse.SUPPRESS
    args = parser.parse_args(argv)
    if args.format != "html":
        print(f"attrlint: report writes HTML only (got --format {args.format}); use attrlint check for other formats",
              file=sys.stderr)
        return EXIT_ERROR
    if args.output == "-":
        return lint_and_write(args, sys.stdout)
    page = io.StringIO()
    status = lint_and_write(args, page)
    if not page.getvalue():  # a usage error: nothing was rendered
        return status
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page.getvalue())
    except OSError as exc:
        print(f"attrlint: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Wrote {args.output}")
    return status
