"""Entry point: dispatch to a subcommand, or lint the paths given.

Subcommands are looked up in :data:`SUBCOMMANDS` (name -> "module:function"), so a new
one is one line here and a module of its own.  Exit codes: 0 no findings at or above
``--fail-on``; 1 findings; 2 usage, input, configuration or internal error.
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

SUBCOMMANDS = {
    "check": "attrlint.cli.check:run",
    "rules": "attrlint.cli.rules:run_rules",
    "explain": "attrlint.cli.rules:run_explain",
    "config": "attrlint.cli.config_cmd:run_config",
    "report": "attrlint.cli.report:run",
    "lsp": "attrlint.cli.lsp:run",
    "audit": "attrlint.cli.audit:run",
    "sources": "attrlint.cli.sources:run",
    "evaluate": "attrlint.cli.evaluate:run",
    "train": "attrlint.cli.train:run",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = "check"
    if argv and argv[0] in SUBCOMMANDS:
        command = argv.pop(0)
    module_name, function_name = SUBCOMMANDS[command].split(":")
    debug = "--debug" in argv
    try:
        function = getattr(importlib.import_module(module_name), function_name)
        return function(argv)
    except KeyboardInterrupt:
        print("attrlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback unless --debug
        if debug:
            raise
        print(f"attrlint: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return EXIT_ERROR


def run_command() -> None:
    """The ``attrlint`` command (and ``python -m attrlint``): :func:`main`, then exit
    without tearing the interpreter down.

    Freeing every module and object one by one at exit is ~20 ms of a ~150 ms run on a
    small article; the operating system reclaims the process anyway.  Everything a normal
    exit does that matters still happens first: other threads are joined, every other exit
    handler runs (the pattern cache's save, plugins' own: :func:`_leave` is registered
    first, so it runs last), and standard output and error are flushed.
    """
    outcome: list[int] = []
    atexit.register(_leave, outcome)
    outcome.append(main())
    sys.exit(outcome[0])


def _leave(outcome: list[int]) -> None:
    if not outcome:  # main() raised (an interrupt outside it): a normal exit reports it
        return
    code = outcome[0]
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # the reader went away: as in main(), not an error
            pass
        except (OSError, ValueError) as exc:  # a full disk, a closed stream
            if stream is sys.stdout:
                print(f"attrlint: cannot write the output: {exc}", file=sys.stderr)
                code = EXIT_ERROR
    os._exit(code)
