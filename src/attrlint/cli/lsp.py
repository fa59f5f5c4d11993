"""``attrlint lsp``: run the language server over standard input/output."""

from __future__ import annotations

import argparse
import sys

from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def run(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="attrlint lsp",
                                description="Run the attrlint language server (needs attrlint[lsp]).")
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default)")
    p.parse_args(argv)
    try:
        from attrlint.lsp.server import build_server
    except ImportError as exc:
        print(f"attrlint: the language server needs pygls 2.x ({exc}); install it with: pip install 'attrlint[lsp]'",
              file=sys.stderr)
        return EXIT_ERROR
    build_server().start_io()
    return EXIT_OK
