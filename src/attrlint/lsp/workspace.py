"""Linting an editor buffer the way the CLI lints a file.

The server keeps one :class:`Linter` (plugins loaded once).  The reader is chosen from
the document URI's extension through the registry, as for files on disk.  Everything
that depends on configuration goes through :func:`settings_for`, the single place where
the configuration files the CLI reads are applied to a document.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from attrlint.analysis.lexicons import Lexicons
from attrlint.engine.linter import FileResult, lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import Registry, build_registry
from attrlint.readers.choose import choose_reader


@dataclass
class LintSettings:
    """How one document is linted: the rules, word lists and rule options, and a last
    pass over the findings.  The same shape as the CLI's per-configuration profile
    (``rules_for``, ``lexicons``, ``options``, ``finish``), so one can stand for the other."""

    rules: list
    lexicons: Lexicons
    options: dict = field(default_factory=dict)

    def rules_for(self, path: str) -> list:
        return self.rules

    def finish(self, findings: list) -> list:
        return findings


def default_settings(registry: Registry) -> LintSettings:
    """What the CLI uses with no configuration: every registered rule, the built-in word
    lists plus plugin additions."""
    return LintSettings(rules=list(registry.rules.values()), lexicons=Lexicons(extra=registry.lexicon_additions))


def settings_for(defaults: LintSettings, path: str | None) -> LintSettings:
    """The settings for the document at ``path`` (None: an unsaved buffer).

    This is the one place where the configuration files the CLI reads apply to an editor
    buffer: return the CLI's profile for ``path`` here (found from the file's folder, as
    the CLI does).  Without a configuration module, the CLI's defaults.
    """
    return defaults


def uri_to_path(uri: str) -> tuple[str, str | None]:
    """``(name_for_reports, filesystem_path_or_None)`` for a document URI."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if parsed.scheme == "file":
        if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
            path = path[1:]
        return path, path
    return path or uri, None  # untitled:Untitled-1, or a virtual file system


class Linter:
    """One per server: plugins are loaded and word lists compiled once, not per keystroke."""

    def __init__(self, registry: Registry | None = None):
        self.registry = registry or build_registry(load_plugins())
        self.defaults = default_settings(self.registry)

    @property
    def errors(self) -> list[str]:
        return self.registry.errors

    def lint(self, uri: str, text: str) -> FileResult:
        name, path = uri_to_path(uri)
        reader = choose_reader(self.registry.readers, name)
        document = reader.read(name, text)
        settings = settings_for(self.defaults, path)
        result = lint_document(document, settings.rules_for(name), settings.lexicons, settings.options)
        result.findings = settings.finish(result.findings)
        return result
