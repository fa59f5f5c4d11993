"""``attrlint lsp`` end to end: a real pygls LanguageClient talks to the server over stdio."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install -e '.[lsp]')")

from lsprotocol import types  # noqa: E402

from tests.lsp_session import LspSession  # noqa: E402

CLAIM = "The army sent 14,000 troops to the border."
SOURCED = "The army sent 14,000 troops to the border, the defence ministry said."


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 90))


def test_diagnostics_on_open_in_utf16_columns_after_an_emoji():
    uri = "file:///newsroom/draft.md"
    text = f"# Border\n\n🪖 {CLAIM}\n"

    async def go():
        async with LspSession() as s:
            assert s.position_encoding == types.PositionEncodingKind.Utf16
            s.open(uri, text)
            return await s.diagnostics(uri, version=1)

    (d,) = run(go())
    # "🪖" is one code point but two UTF-16 code units: the claim starts at unit 2 + 1 + 14.
    assert (d.range.start.line, d.range.start.character) == (2, 17)
    assert (d.range.end.line, d.range.end.character) == (2, 30)
    assert d.code == "ATR001" and d.source == "attrlint"
    assert d.severity == types.DiagnosticSeverity.Warning


@pytest.mark.parametrize(("encoding", "column"), [("utf-32", 16), ("utf-8", 19)])
def test_columns_follow_the_negotiated_encoding(encoding, column):
    uri = "file:///newsroom/draft.txt"

    async def go():
        async with LspSession(encodings=[encoding]) as s:
            assert s.position_encoding == encoding
            s.open(uri, f"🪖 {CLAIM}\n", language="plaintext")
            return await s.diagnostics(uri)

    (d,) = run(go())
    assert d.range.start.character == column  # 1 code point / 4 UTF-8 bytes, a space, 14 characters


def test_an_edit_that_sources_the_figure_removes_the_finding_and_changes_are_debounced():
    uri = "file:///newsroom/story.md"

    async def go():
        async with LspSession(debounce_ms=300) as s:
            s.open(uri, CLAIM + "\n")
            opened = await s.diagnostics(uri, version=1)
            # Two quick edits: only the last one is linted once the typing pauses.
            s.change(uri, "Draft.\n\n" + CLAIM + "\n", version=2)
            s.change(uri, SOURCED + "\n", version=3)
            after = await asyncio.wait_for(s.queue(uri).get(), 20)
            await asyncio.sleep(0.5)
            return opened, after, s.queue(uri).qsize()

    opened, after, more = run(go())
    assert [d.code for d in opened] == ["ATR001"]
    assert after.version == 3 and list(after.diagnostics) == []
    assert more == 0, "the superseded edit (version 2) must not be linted"


def test_html_and_plain_text_documents_get_diagnostics():
    uris = {"file:///n/a.html": f"<html><body><p>{CLAIM}</p></body></html>\n", "file:///n/b.txt": CLAIM + "\n"}

    async def go():
        async with LspSession() as s:
            for uri, text in uris.items():
                s.open(uri, text, language="html" if uri.endswith(".html") else "plaintext")
            return {uri: await s.diagnostics(uri) for uri in uris}

    found = run(go())
    for uri, diagnostics in found.items():
        assert [d.code for d in diagnostics] == ["ATR001"], uri
        d = diagnostics[0]
        line = uris[uri].splitlines()[d.range.start.line]
        assert line[d.range.start.character : d.range.end.character] == "14,000 troops"


def test_code_actions_insert_a_placeholder_before_the_final_stop_and_a_disable_comment():
    uri = "file:///newsroom/draft.md"
    text = f"Intro line.\n\n  {CLAIM}\n"

    async def go():
        async with LspSession() as s:
            s.open(uri, text)
            (d,) = await s.diagnostics(uri)
            actions = await s.code_actions(uri, d.range)
            # Apply the placeholder as an editor would: the finding goes away.
            placeholder = next(a for a in actions if "placeholder" in a.title)
            (edit,) = placeholder.edit.changes[uri]
            lines = text.split("\n")
            row = lines[edit.range.start.line]
            col = edit.range.start.character
            lines[edit.range.start.line] = row[:col] + edit.new_text + row[col:]
            s.change(uri, "\n".join(lines), version=2)
            return actions, "\n".join(lines), await s.diagnostics(uri, version=2)

    actions, fixed, after = run(go())
    assert all(a.kind == types.CodeActionKind.QuickFix for a in actions)
    assert "  The army sent 14,000 troops to the border, according to [SOURCE].\n" in fixed
    assert list(after) == []
    disable = next(a for a in actions if a.title.startswith("Disable"))
    (edit,) = disable.edit.changes[uri]
    assert (edit.range.start.line, edit.range.start.character) == (2, 0)
    assert edit.new_text == "  <!-- attrlint-disable-next-line ATR001 -->\n"


def test_the_server_reads_the_cli_configuration_and_rereads_it_when_saved(tmp_path):
    (tmp_path / ".git").mkdir()  # the configuration search stops at the repository root
    config = tmp_path / ".attrlint.toml"
    config.write_text('ignore = ["ATR001"]\n', encoding="utf-8")
    draft = tmp_path / "drafts" / "story.md"
    draft.parent.mkdir()
    draft.write_text(CLAIM + "\n", encoding="utf-8")
    uri, config_uri = draft.as_uri(), config.as_uri()

    async def go():
        async with LspSession() as s:
            s.open(uri, CLAIM + "\n")
            ignored = await s.diagnostics(uri)
            config.write_text('severity = { ATR001 = "error" }\n', encoding="utf-8")
            s.client.text_document_did_save(types.DidSaveTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=config_uri)))
            relinted = await s.diagnostics(uri)
            config.write_text("select = [\n", encoding="utf-8")
            s.client.text_document_did_save(types.DidSaveTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=config_uri)))
            broken = await s.diagnostics(uri)
            return ignored, relinted, broken

    ignored, relinted, broken = run(go())
    assert list(ignored) == []
    assert [(d.code, d.severity) for d in relinted] == [("ATR001", types.DiagnosticSeverity.Error)]
    (problem,) = broken
    assert problem.code == "config" and problem.message.startswith("attrlint: ")
    assert ".attrlint.toml" in problem.message


def test_the_disable_comment_action_silences_the_finding():
    uri = "file:///newsroom/draft.md"
    text = f"Intro line.\n\n{CLAIM}\n"

    async def go():
        async with LspSession() as s:
            s.open(uri, text)
            (d,) = await s.diagnostics(uri)
            actions = await s.code_actions(uri, d.range)
            (edit,) = next(a for a in actions if a.title.startswith("Disable")).edit.changes[uri]
            lines = text.split("\n")
            lines.insert(edit.range.start.line, edit.new_text.rstrip("\n"))
            s.change(uri, "\n".join(lines), version=2)
            return await s.diagnostics(uri, version=2)

    assert list(run(go())) == []
