"""Linting many files: in this process, or spread over a pool of worker processes.

Each worker builds its own linter once (plugins, rules, lexicons) from a small picklable
:class:`LintSettings`, so the pool works with every start method (``fork`` and
``spawn``).  Results come back in the order of the input paths whatever the number of
workers, so ``--jobs 4`` prints byte for byte what ``--jobs 1`` prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from attrlint.engine.linter import FileResult

# Below this many files a pool costs more to start than it saves.
AUTO_JOBS_MIN_FILES = 32


@dataclass(frozen=True)
class LintSettings:
    """What a process needs to lint a path exactly as the command line asked."""

    rule_codes: tuple[str, ...]  # the rules chosen by --select/--ignore, in run order
    no_plugins: bool = False
    encoding: str = "utf-8"
    stdin_filename: str | None = None
    options: dict | None = None  # passed to every rule (see RuleContext.options)


class FileLinter:
    """Rules, readers and lexicons built once; :meth:`lint_path` lints one input."""

    def __init__(self, settings: LintSettings, registry=None):
        from attrlint.analysis.lexicons import Lexicons
        from attrlint.engine.plugins import load_plugins
        from attrlint.engine.registry import build_registry

        if registry is None:
            registry = build_registry(load_plugins(third_party=False if settings.no_plugins else None))
        self.settings = settings
        self.registry = registry
        self.rules = [registry.rules[code] for code in settings.rule_codes if code in registry.rules]
        self.lexicons = Lexicons(extra=registry.lexicon_additions)

    def lint_path(self, path: str) -> FileResult | str:
        """The file's result, or a one-line input error."""
        from attrlint.engine.linter import lint_document
        from attrlint.inputs import InputError, read_source
        from attrlint.readers.choose import choose_reader

        try:
            source = read_source(path, self.settings.encoding, self.settings.stdin_filename)
        except InputError as exc:
            return str(exc)
        reader = choose_reader(self.registry.readers, source.path)
        document = reader.read(source.path, source.text)
        return lint_document(document, self.rules, self.lexicons, self.settings.options)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def effective_jobs(requested: int, paths: list[str], environ=os.environ) -> int:
    """``requested`` workers, or (0 = auto) one per core when there are many files.

    Standard input is read by this process, so it always runs serially; under pre-commit
    (``PRE_COMMIT=1``), which already starts one attrlint per core, auto means 1.
    """
    if "-" in paths:
        return 1
    if requested > 0:
        return min(requested, max(1, len(paths)))
    if environ.get("PRE_COMMIT") == "1" or len(paths) < AUTO_JOBS_MIN_FILES:
        return 1
    return min(available_cores(), len(paths))


def lint_paths(paths: list[str], linter: FileLinter, jobs: int = 1, *,
               on_done: Callable[[], None] | None = None, mp_context=None) -> Iterator[FileResult | str]:
    """Yield each path's result (or input error) in the order of ``paths``."""
    if jobs <= 1:
        for path in paths:
            yield linter.lint_path(path)
            if on_done:
                on_done()
        return
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is used

    chunksize = max(1, min(16, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context, initializer=_start_worker,
                             initargs=(linter.settings,)) as pool:
        for result in pool.map(_lint_in_worker, paths, chunksize=chunksize):
            yield result
            if on_done:
                on_done()


_worker_linter: FileLinter | None = None


def _start_worker(settings: LintSettings) -> None:
    global _worker_linter
    _worker_linter = FileLinter(settings)


def _lint_in_worker(path: str) -> FileResult | str:
    result = _worker_linter.lint_path(path)
    if isinstance(result, FileResult) and result.document is not None:
        # Sentences are cheap to recompute and costly to send back; formatters rarely need them.
        result.document.__dict__.pop("sentences", None)
    return result
