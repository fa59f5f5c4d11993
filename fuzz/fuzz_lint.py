"""atheris harness: arbitrary bytes through decoding, every reader and every built-in rule.

The property checked is :func:`harness.lint_bytes`; see fuzz/README.md for runs.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["attrlint", "harness"]):
    from harness import lint_bytes


def main() -> None:
    atheris.Setup(sys.argv, lint_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
