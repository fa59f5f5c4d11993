"""The language server's ``diffBase`` option, through a real LSP client: diagnostics only
on sentences the unsaved buffer changed against the revision."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install -e '.[lsp]')")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

from tests.lsp_session import LspSession  # noqa: E402
from tests.test_diff import ARTICLE, GIT_ENV  # noqa: E402


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 90))


def test_diff_base_shows_only_changed_sentences(tmp_path, monkeypatch):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, **GIT_ENV, "HOME": str(tmp_path)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "old"]):
        if args[0] == "add":
            (repo / "old story.md").write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    uri = (repo / "old story.md").as_uri()
    new_uri = (repo / "new.md").as_uri()
    outside = tmp_path / "loose.md"  # not in a repository: every finding
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # for the server started below
    edited = ARTICLE.replace("$4 billion", "$5 billion").replace("\n", "\r\n")  # unsaved: the file is unchanged

    async def go():
        async with LspSession(options={"diffBase": "HEAD"}) as s:
            s.open(uri, edited)
            changed = await s.diagnostics(uri, version=1)
            s.change(uri, ARTICLE.replace("\n", "\r\n"), version=2)
            reverted = await s.diagnostics(uri, version=2)
            s.open(new_uri, ARTICLE)
            new = await s.diagnostics(new_uri)
            s.open(outside.as_uri(), ARTICLE)
            loose = await s.diagnostics(outside.as_uri())
            return changed, reverted, new, loose

    changed, reverted, new, loose = run(go())
    assert [(d.range.start.line, d.code) for d in changed] == [(5, "ATR001")]
    assert list(reverted) == []
    assert len(new) == 5, "a file git does not have at the revision is new throughout"
    assert len(loose) == 5, "outside a repository nothing is hidden"


def test_without_diff_base_every_finding_shows(tmp_path):
    uri = (tmp_path / "a.md").as_uri()

    async def go():
        async with LspSession() as s:
            s.open(uri, ARTICLE)
            return await s.diagnostics(uri)

    assert len(run(go())) == 5
