"""Linting many files: --jobs gives the same report, in the same order, as one process."""

from __future__ import annotations

import multiprocessing
import os
import shutil

import pytest

from attrlint.engine import batch
from attrlint.engine.batch import AUTO_JOBS_MIN_FILES, FileLinter, LintSettings, effective_jobs, lint_paths
from attrlint.engine.findings import Finding
from attrlint.engine.hookspecs import hookimpl
from attrlint.engine.linter import Report
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.engine.rule import Rule
from attrlint.formats.records import report_record
from tests.conftest import ROOT, run_cli

ARTICLES = sorted((ROOT / "examples").rglob("*.txt"))


@pytest.fixture
def archive(tmp_path):
    """A folder of articles in nested folders, plus one file that cannot be decoded."""
    assert ARTICLES, "examples/ should hold article files"
    for i in range(3):
        for article in ARTICLES:
            folder = tmp_path / f"batch{i}"
            folder.mkdir(exist_ok=True)
            shutil.copy(article, folder / article.name)
    (tmp_path / "batch1" / "latin1.txt").write_bytes("Caf\xe9 prices rose 40% last year.\n".encode("latin-1"))
    return tmp_path


def test_jobs_output_is_byte_identical_to_one_process(archive):
    one = run_cli("--format", "json", "--jobs", "1", str(archive))
    two = run_cli("--format", "json", "--jobs", "2", str(archive))
    assert one.returncode == two.returncode == 2  # findings, and one undecodable file
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert '"findings": [\n        {' in one.stdout  # the comparison covered real findings
    assert "latin1.txt: not valid UTF-8" in one.stderr


def test_pool_is_spawn_safe_and_keeps_input_order(archive):
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True))
    paths = sorted(str(p) for p in archive.rglob("*.txt"))

    def report(outcomes) -> dict:
        rep = Report()
        for outcome in outcomes:
            if outcome.error is not None:
                rep.input_errors.append(outcome.error)
            else:
                rep.files.append(outcome.result)
        return report_record(rep)

    serial = report(lint_paths(paths, linter, 1))
    done = []
    spawned = report(lint_paths(paths, linter, 2, on_done=lambda: done.append(1),
                                mp_context=multiprocessing.get_context("spawn")))
    assert spawned == serial
    assert [f["path"] for f in spawned["files"]] == [p for p in paths if not p.endswith("latin1.txt")]
    assert sum(len(f["findings"]) for f in serial["files"]) > 0
    assert len(done) == len(paths)


def test_auto_jobs():
    many = [f"a{i}.md" for i in range(AUTO_JOBS_MIN_FILES)]
    assert effective_jobs(0, many[:3], environ={}) == 1
    assert effective_jobs(0, many, environ={}) >= 1
    assert effective_jobs(0, many, environ={"PRE_COMMIT": "1"}) == 1
    assert effective_jobs(0, [*many, "-"], environ={}) == 1
    assert effective_jobs(4, many[:2], environ={}) == 2
    assert effective_jobs(3, many, environ={"PRE_COMMIT": "1"}) == 3


def test_bad_jobs_value_is_a_one_line_error():
    proc = run_cli("--jobs", "many", "x.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("attrlint: ") and proc.stderr.count("\n") == 1


class _WhichProcessRule(Rule):
    """A rule only this test process knows (a worker that rebuilt its linter from
    LintSettings would not have it); its message names the process that ran it."""

    code = "TST901"
    name = "which-process"

    def check(self, ctx):
        yield Finding(self.code, self.name, self.category, self.severity, str(os.getpid()), 0, 1, 0, 1)


class _InProcessPlugin:
    @hookimpl
    def attrlint_rules(self):
        return [_WhichProcessRule()]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork start method here")
def test_forked_workers_inherit_the_linter_built_here(archive):
    plugins = load_plugins(third_party=False)
    plugins.manager.register(_InProcessPlugin(), name="in-process")
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True), plugins, build_registry(plugins))
    paths = sorted(str(p) for p in archive.rglob("*.txt") if p.name != "latin1.txt")
    outcomes = list(lint_paths(paths, linter, 2, mp_context=multiprocessing.get_context("fork")))
    assert [o.result.path for o in outcomes] == paths
    linted_in = {f.message for o in outcomes for f in o.result.findings if f.rule == "TST901"}
    assert all(any(f.rule == "TST901" for f in o.result.findings) for o in outcomes)
    assert linted_in and str(os.getpid()) not in linted_in  # every file, the first too, went to a worker
    assert batch._worker is None  # this process's module state is left as it was


def test_linted_documents_do_not_keep_their_sentence_records(archive):
    linter = FileLinter(LintSettings(no_plugins=True, isolated=True))
    outcome = linter.lint_path(str(sorted(archive.rglob("*.txt"))[0]))
    assert outcome.result.findings  # the sentences were used
    assert "sentences" not in vars(outcome.result.document)
    assert outcome.result.document.sentences  # and come back when a formatter asks
