"""A real LSP client session with ``attrlint lsp`` over stdio (pygls's LanguageClient).

Shared by the language-server tests and benchmarks/lsp_roundtrip.py: it starts the server
as a subprocess, negotiates, and collects ``publishDiagnostics`` per URI in a queue.
"""

from __future__ import annotations

import asyncio
import sys

from lsprotocol import types
from pygls.lsp.client import LanguageClient


class LspSession:
    def __init__(self, *, encodings: list[str] | None = None, debounce_ms: int = 50, options: dict | None = None):
        self.encodings = encodings
        self.debounce_ms = debounce_ms
        self.options = options or {}  # more initializationOptions
        self.client = LanguageClient("attrlint-tests", "1")
        self.queues: dict[str, asyncio.Queue] = {}
        self.position_encoding = None

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(params)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.queues.setdefault(uri, asyncio.Queue())

    async def __aenter__(self) -> LspSession:
        await self.client.start_io(sys.executable, "-m", "attrlint", "lsp")
        general = types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        capabilities = types.ClientCapabilities(
            general=general,
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True)),
        )
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, initialization_options={"debounceMs": self.debounce_ms, **self.options})), 30)
        self.position_encoding = result.capabilities.position_encoding
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 10)
            self.client.exit(None)
        finally:
            await self.client.stop()

    def open(self, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self, uri: str, version: int | None = None, timeout: float = 20) -> list:
        """The next diagnostics published for ``uri`` (for ``version``, if given)."""
        while True:
            params = await asyncio.wait_for(self.queue(uri).get(), timeout)
            if version is None or params.version == version:
                return params.diagnostics

    async def code_actions(self, uri: str, range_: types.Range) -> list:
        return await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=range_,
            context=types.CodeActionContext(diagnostics=[]))), 20)
