"""Linting many files: in this process, or spread over a pool of worker processes.

With the ``fork`` start method the workers inherit the command line's linter (plugins,
registry, configuration, compiled patterns); with ``spawn`` each worker builds its own
once from a small picklable :class:`LintSettings`.  Results come back in the order of
the input paths whatever the number of workers, so ``--jobs 4`` prints byte for byte
what ``--jobs 1`` prints.  The output format's optional per-file step (``render_file``)
runs in the workers too, so that the main process, which alone writes the output, has
little left to do once the last file is linted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from attrlint.engine.linter import FileResult

# Below this many files a pool costs more to start than it saves.
AUTO_JOBS_MIN_FILES = 32


class LintSettings:
    """What a process needs to lint a path exactly as the command line asked (picklable,
    for the workers of other start methods than ``fork``)."""

    __slots__ = ("no_plugins", "config", "isolated", "overrides", "encoding", "stdin_filename",
                 "explain_passes", "configure_path")

    def __init__(self, no_plugins: bool = False, config: str | None = None, isolated: bool = False,
                 overrides: dict | None = None, encoding: str = "utf-8", stdin_filename: str | None = None,
                 explain_passes: bool = False, configure_path: str | None = None):
        self.no_plugins = no_plugins
        self.config = config  # --config
        self.isolated = isolated
        self.overrides = {} if overrides is None else overrides  # command-line values over every configuration
        self.encoding = encoding
        self.stdin_filename = stdin_filename
        self.explain_passes = explain_passes  # --show-evidence
        self.configure_path = configure_path  # whose configuration attrlint_configure receives

    def __reduce__(self):
        return LintSettings, tuple(getattr(self, name) for name in self.__slots__)

    def __repr__(self) -> str:
        return "LintSettings(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__) + ")"


class Outcome:
    """One path's result: a linted file with its fail level, or a one-line input error."""

    __slots__ = ("result", "fail_on", "error", "binary_path")

    def __init__(self, result: FileResult | None = None, fail_on: str = "warning", error: str | None = None,
                 binary_path: str | None = None):
        self.result = result
        self.fail_on = fail_on
        self.error = error
        self.binary_path = binary_path  # set when the error is a binary file (skipped if found by walking)

    def __reduce__(self):  # sent back by every --jobs worker: through the constructor
        return Outcome, (self.result, self.fail_on, self.error, self.binary_path)


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
               on_done: Callable[[], None] | None = None, mp_context=None,
               render_file: Callable[[FileResult], object] | None = None) -> Iterator[Outcome]:
    """Yield each path's :class:`Outcome` in the order of ``paths``.

    With the ``fork`` start method the workers inherit ``linter`` as it is, after this
    process has linted the rules' own examples (:func:`_warm_up`): that compiles the
    analysis patterns once, here, instead of once in every worker.  Other start methods
    build a linter per worker from ``linter.settings``.

    ``render_file`` is the output format's optional per-file step (see
    :func:`_rendered`): workers run it on each file they lint, so that this process only
    assembles the parts.  A serial run leaves the whole output to the format's ``write``.
    """
    if jobs <= 1 or len(paths) <= 1:
        yield from _lint_serially(paths, linter, on_done)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # imported only when a pool is used

    context = mp_context or multiprocessing.get_context()
    inherit = context.get_start_method() == "fork"
    render_here = None  # a step that cannot be sent to spawned workers runs here instead
    if not inherit and render_file is not None and not _picklable(render_file):
        render_file, render_here = None, render_file
    if inherit:
        _warm_up(linter, paths[0])
    workers = min(jobs, len(paths))
    global _worker
    previous = _worker
    if inherit:
        _worker = (linter, render_file)  # copied into every worker by fork
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=None if inherit else _start_worker,
                                 initargs=() if inherit else (linter.settings, render_file)) as pool:
            futures = [pool.submit(_lint_in_worker, chunk) for chunk in _chunks(paths, workers)]
            try:
                for future in futures:
                    for outcome in future.result():
                        yield _rendered(outcome, render_here)
                        if on_done:
                            on_done()
            finally:  # stopped early (an error, or the caller closed the generator): drop the rest
                for future in futures:
                    future.cancel()
    finally:
        _worker = previous


def _chunks(paths: list[str], workers: int, largest: int = 16) -> Iterator[list[str]]:
    """``paths`` in consecutive chunks: up to ``largest`` files each (one message to and
    from a worker per chunk), shrinking to single files towards the end (a quarter of
    what is left over the workers) so that the workers finish together."""
    start = 0
    while start < len(paths):
        size = max(1, min(largest, (len(paths) - start) // (workers * 4)))
        yield paths[start : start + size]
        start += size


def _rendered(outcome: Outcome, render_file) -> Outcome:
    """Run the format's per-file step on a linted file: its part goes to ``rendered``,
    and the document and passes, which the part now stands for, are released (not sent
    back from a worker, nor kept until the report is written).  A step that returns
    ``None`` leaves the file to the format's ``write``."""
    result = outcome.result
    if render_file is not None and result is not None:
        result.rendered = render_file(result)
        if result.rendered is not None:
            result.document = result.passes = None
    return outcome


def _picklable(value) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


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


_worker: tuple[FileLinter, Callable[[FileResult], object] | None] | None = None  # in a worker: its linter, render_file


def _start_worker(settings: LintSettings, render_file) -> None:
    global _worker
    _worker = (FileLinter(settings), render_file)


def _lint_in_worker(paths: list[str]) -> list[Outcome]:
    linter, render_file = _worker
    return [_rendered(linter.lint_path(path), render_file) for path in paths]
