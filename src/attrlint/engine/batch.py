"""Linting many files: in this process, or spread over a pool of worker processes.

With the ``fork`` start method the workers inherit the command line's linter (plugins,
registry, configuration, compiled patterns); with ``spawn`` each worker builds its own
once from a small picklable :class:`LintSettings`.  Results come back in the order of
the input paths whatever the number of workers, so ``--jobs 4`` prints byte for byte
what ``--jobs 1`` prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from attrlint.engine.linter import FileResult

# Below this many files a pool costs more to start than it saves.
AUTO_JOBS_MIN_FILES = 32


@dataclass(frozen=True)
class LintSettings:
    """What a process needs to lint a path exactly as the command line asked."""

    no_plugins: bool = False
    config: str | None = None  # --config
    isolated: bool = False
    overrides: dict = field(default_factory=dict)  # command-line values over every configuration
    encoding: str = "utf-8"
    stdin_filename: str | None = None
    explain_passes: bool = False  # --show-evidence
    configure_path: str | None = None  # whose configuration attrlint_configure receives


@dataclass
class Outcome:
    """One path's result: a linted file with its fail level, or a one-line input error."""

    result: FileResult | None = None
    fail_on: str = "warning"
    error: str | None = None
    binary_path: str | None = None  # set when the error is a binary file (skipped if found by walking)


class FileLinter:
    """Plugins, registry and configuration built once; :meth:`lint_path` lints one input.

    The command line passes what it already built; a worker builds its own.  Building
    raises :class:`attrlint.config.errors.ConfigError` for a bad configuration.
    """

    def __init__(self, settings: LintSettings, plugins=None, registry=None, resolver=None):
        from pathlib import Path

        from attrlint.config.profile import ConfigResolver
        from attrlint.engine.plugins import load_plugins
        from attrlint.engine.registry import build_registry

        self.settings = settings
        if registry is None:
            plugins = load_plugins(third_party=False if settings.no_plugins else None)
            registry = build_registry(plugins)
        if resolver is None:
            resolver = ConfigResolver(registry, Path(settings.config) if settings.config else None,
                                      settings.isolated, dict(settings.overrides))
            if plugins is not None and settings.configure_path is not None:
                config = dict(resolver.profile_for(settings.configure_path).settings.values)
                plugins.hook.attrlint_configure(config=config)
        self.registry, self.resolver = registry, resolver

    def lint_path(self, path: str) -> Outcome:
        from attrlint.engine.linter import lint_document
        from attrlint.inputs import BinaryFileError, InputError, read_source
        from attrlint.readers.choose import choose_reader

        profile = self.resolver.profile_for((self.settings.stdin_filename or "-") if path == "-" else path)
        try:
            source = read_source(path, self.settings.encoding, self.settings.stdin_filename)
        except InputError as exc:
            return Outcome(error=str(exc), binary_path=path if isinstance(exc, BinaryFileError) else None)
        reader = choose_reader(self.registry.readers, source.path)
        try:
            document = reader.read(source.path, source.text)
        except Exception as exc:  # a plugin reader's bug costs one file, not the run
            return Outcome(error=f"{source.path}: reader {getattr(reader, 'name', reader)!r} failed: "
                                 f"{type(exc).__name__}: {exc}")
        result = lint_document(document, profile.rules_for(source.path), profile.lexicons, profile.options,
                               explain_passes=self.settings.explain_passes)
        result.findings = profile.finish(result.findings)
        # The sentence records are cheap to recompute and the report keeps every document
        # until it is written (and a worker would send them back): formatters rarely need them.
        document.__dict__.pop("sentences", None)
        return Outcome(result, profile.fail_on)


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
               on_done: Callable[[], None] | None = None, mp_context=None) -> Iterator[Outcome]:
    """Yield each path's :class:`Outcome` in the order of ``paths``.

    With the ``fork`` start method the workers inherit ``linter`` as it is, after this
    process has linted the rules' own examples (:func:`_warm_up`): that compiles the
    analysis patterns once, here, instead of once in every worker.  Other start methods
    build a linter per worker from ``linter.settings``.
    """
    if jobs <= 1 or len(paths) <= 1:
        yield from _lint_serially(paths, linter, on_done)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is used

    context = mp_context or multiprocessing.get_context()
    inherit = context.get_start_method() == "fork"
    if inherit:
        _warm_up(linter, paths[0])
    # Small chunks (at least 8 per worker) so that no worker idles long at the end.
    chunksize = max(1, min(16, len(paths) // (jobs * 8)))
    global _worker_linter
    previous = _worker_linter
    if inherit:
        _worker_linter = linter  # copied into every worker by fork
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=context,
                                 initializer=None if inherit else _start_worker,
                                 initargs=() if inherit else (linter.settings,)) as pool:
            for outcome in pool.map(_lint_in_worker, paths, chunksize=chunksize):
                yield outcome
                if on_done:
                    on_done()
    finally:
        _worker_linter = previous


def _warm_up(linter: FileLinter, path: str) -> None:
    """Lint the rules' own examples with ``path``'s configuration, so that what the
    analysis compiles on first use is compiled before the workers fork.  (Not the first
    file itself: a big one would be linted before the pool even starts.)"""
    from attrlint.engine.linter import lint_document
    from attrlint.readers.plaintext import PlainTextReader

    profile = linter.resolver.profile_for(path)
    rules = profile.rules_for(path)
    sample = "\n\n".join(example.text for rule in rules for example in getattr(rule, "examples", ()))
    try:
        lint_document(PlainTextReader().read("warm-up.txt", sample), rules, profile.lexicons, profile.options)
    except Exception:  # the workers meet, and report, the same problem on real files
        pass


def _lint_serially(paths: list[str], linter: FileLinter, on_done) -> Iterator[Outcome]:
    for path in paths:
        yield linter.lint_path(path)
        if on_done:
            on_done()


_worker_linter: FileLinter | None = None


def _start_worker(settings: LintSettings) -> None:
    global _worker_linter
    _worker_linter = FileLinter(settings)


def _lint_in_worker(path: str) -> Outcome:
    return _worker_linter.lint_path(path)
