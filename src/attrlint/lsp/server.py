"""The language server: diagnostics on open and (debounced) on change, quick fixes.

Documents are synced in full: an article is small, and pygls's incremental edits split
lines with ``str.splitlines`` (which also breaks at U+2028 and form feeds), so full text
keeps the server's view identical to the editor's.  ``initializationOptions``:
``{"debounceMs": 250}`` sets the pause after the last keystroke before re-linting;
``{"diffBase": "HEAD"}`` shows diagnostics only on sentences that differ from that revision.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from attrlint import __version__
from attrlint.config.errors import ConfigError
from attrlint.engine.linter import FileResult
from attrlint.lsp.actions import quick_fixes
from attrlint.lsp.positions import PositionMap
from attrlint.lsp.workspace import Linter, is_config_file

DEFAULT_DEBOUNCE_MS = 250
SOURCE = "attrlint"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass
class Linted:
    """The last lint of a document, kept for code actions."""

    version: int | None
    result: FileResult
    positions: PositionMap


class AttrlintServer(LanguageServer):
    def __init__(self, linter: Linter | None = None):
        super().__init__("attrlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self._linter = linter
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.diff_base: str | None = None  # diffBase: only sentences changed since this revision
        self.diff_problems: set[str] = set()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}

    @property
    def linter(self) -> Linter:
        if self._linter is None:  # plugins load once, on first use
            self._linter = Linter(root=self.workspace.root_path)
        return self._linter

    def lint(self, uri: str) -> Linted:
        document = self.workspace.get_text_document(uri)
        result = self.linter.lint(uri, document.source)
        if self.diff_base:
            from attrlint.lsp.diffbase import changed_findings
            from attrlint.lsp.workspace import uri_to_path

            result.findings, problem = changed_findings(result, uri_to_path(uri)[1], self.diff_base)
            if problem and problem not in self.diff_problems:  # said once, not on every keystroke
                self.diff_problems.add(problem)
                self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=problem))
        linted = Linted(document.version, result, PositionMap(result.document.text, self.workspace.position_codec))
        self.linted[uri] = linted
        return linted

    def publish(self, uri: str) -> None:
        try:
            linted = self.lint(uri)
        except ConfigError as exc:  # shown where the writer looks: on the document itself
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[
                types.Diagnostic(range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
                                 message=f"attrlint: {exc}", severity=types.DiagnosticSeverity.Error,
                                 code="config", source=SOURCE)]))
            return
        except Exception as exc:  # one bad document must not take the editor's server down
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"attrlint: cannot lint {uri}: {type(exc).__name__}: {exc}"))
            return
        diagnostics = [diagnostic(f, linted.positions) for f in linted.result.findings]
        for error in linted.result.errors:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=error))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version))

    def schedule(self, uri: str) -> None:
        """Re-lint ``uri`` once edits pause for ``self.debounce`` seconds."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._after_pause(uri))

    async def _after_pause(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        self.publish(uri)

    def config_saved(self) -> None:
        """A configuration file was saved: re-read configuration, re-lint open documents."""
        self.linter.reload_config()
        for uri in list(self.linted):
            self.publish(uri)

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def code_actions(self, uri: str, request: types.Range) -> list[types.CodeAction]:
        linted = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if linted is None or linted.version != document.version:
            linted = self.lint(uri)
        start, end = linted.positions.offset(request.start), linted.positions.offset(request.end)
        actions = []
        for finding in linted.result.findings:
            if finding.start > end or finding.end < start:
                continue
            for fix in quick_fixes(linted.result.document, finding):
                where = linted.positions.position(fix.offset)
                edit = types.TextEdit(range=types.Range(start=where, end=where), new_text=fix.text)
                actions.append(types.CodeAction(
                    title=fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic(finding, linted.positions)],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                ))
        return actions


def diagnostic(finding, positions: PositionMap) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        data={"name": finding.name, "category": finding.category, "confidence": round(finding.confidence, 3)},
    )


def build_server(linter: Linter | None = None) -> AttrlintServer:
    server = AttrlintServer(linter)

    @server.feature(types.INITIALIZE)
    def initialize(ls: AttrlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), int | float):
            ls.debounce = max(0.0, options["debounceMs"] / 1000)
        if isinstance(options, dict) and isinstance(options.get("diffBase"), str):
            ls.diff_base = options["diffBase"].strip() or None

    @server.feature(types.INITIALIZED)
    def initialized(ls: AttrlintServer, params: types.InitializedParams) -> None:
        for error in ls.linter.errors:  # a broken plugin: say so once, keep serving
            ls.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=error))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: AttrlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: AttrlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: AttrlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if is_config_file(params.text_document.uri):
            ls.config_saved()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AttrlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: AttrlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    return server
