"""A progress bar on standard error for long runs, and only where a person watches it.

Shown only when standard error is a terminal, the output format is ``text`` (machine
formats are read by programs, often through the same terminal), not under pre-commit
(``PRE_COMMIT=1``: it runs attrlint on a few files per process and captures output) and
only for runs of at least :data:`MIN_FILES` files.  rich is imported only when the bar
is actually shown, so short runs and ``--format json`` never pay for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_FILES = 20


def progress_wanted(n_files: int, output_format: str, stream=None, environ=None) -> bool:
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    if n_files < MIN_FILES or output_format != "text" or environ.get("PRE_COMMIT") == "1":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def progress_bar(n_files: int, output_format: str, stream=None) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per finished file; a no-op when no bar is wanted."""
    stream = sys.stderr if stream is None else stream
    if not progress_wanted(n_files, output_format, stream):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, stderr=stream is sys.stderr)
    columns = (TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("lint", total=n_files)
        yield lambda: progress.advance(task)
