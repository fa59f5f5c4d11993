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
    """What a lint run of one document uses: the rules, word lists and rule options."""

    rules: list
    lexicons: Lexicons
    options: dict = field(default_factory=dict)


def default_settings(registry: Registry) -> LintSettings:
    """What the CLI uses with no options: every registered rule, the built-in word lists
    plus plugin additions."""
    return LintSettings(rules=list(registry.rules.values()), lexicons=Lexicons(extra=registry.lexicon_additions))


def settings_for(defaults: LintSettings, path: str | None) -> LintSettings:
    """The settings for the document at ``path`` (None: an unsaved buffer).

    The CLI reads no configuration file yet, so this returns the defaults.  When
    configuration lands, apply the file that governs ``path`` (found from the file's
    folder, as the CLI does) here; the server calls nothing else.
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
    def __init__(self, registry: Registry | None = None):
        self.registry = registry or build_registry(load_plugins())
        self.defaults = default_settings(self.registry)
        self._settings: dict[str | None, LintSettings] = {}

    @property
    def errors(self) -> list[str]:
        return self.registry.errors

    def settings(self, path: str | None) -> LintSettings:
        if path not in self._settings:  # loaded once per document, not per keystroke
            self._settings[path] = settings_for(self.defaults, path)
        return self._settings[path]

    def lint(self, uri: str, text: str) -> FileResult:
        name, path = uri_to_path(uri)
        reader = choose_reader(self.registry.readers, name)
        document = reader.read(name, text)
        settings = self.settings(path)
        return lint_document(document, settings.rules, settings.lexicons, settings.options)

    def forget_settings(self) -> None:
        """Drop cached settings (a configuration file changed)."""
        self._settings.clear()
