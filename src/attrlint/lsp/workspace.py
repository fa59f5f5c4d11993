"""Linting an editor buffer the way the CLI lints a file.

The server keeps one :class:`Linter` (plugins loaded once).  The reader is chosen from
the document URI's extension through the registry, as for files on disk, and each file
is linted with the configuration profile the CLI would use for it (the closest
``.attrlint.toml``, ``attrlint.toml`` or ``pyproject.toml`` with ``[tool.attrlint]``).
Profiles are cached until a configuration file is saved (:meth:`Linter.reload_config`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from attrlint.config.discovery import CONFIG_NAMES
from attrlint.config.profile import ConfigResolver
from attrlint.engine.linter import FileResult, lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import Registry, build_registry
from attrlint.readers.choose import choose_reader


def uri_to_path(uri: str) -> tuple[str, str | None]:
    """``(name_for_reports, filesystem_path_or_None)`` for a document URI."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if parsed.scheme == "file":
        if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
            path = path[1:]
        return path, path
    return path or uri, None  # untitled:Untitled-1, or a virtual file system


def is_config_file(uri: str) -> bool:
    return Path(uri_to_path(uri)[0]).name in CONFIG_NAMES


class Linter:
    """One per server: plugins are loaded and word lists compiled once, not per keystroke.

    ``root`` is where an unsaved buffer looks for configuration (the workspace folder).
    A bad configuration file raises :class:`~attrlint.config.errors.ConfigError`.
    """

    def __init__(self, registry: Registry | None = None, root: str | None = None):
        self.registry = registry or build_registry(load_plugins())
        self.root = root or os.getcwd()
        self.resolver = ConfigResolver(self.registry)

    @property
    def errors(self) -> list[str]:
        return self.registry.errors

    def reload_config(self) -> None:
        """Forget cached configuration (a configuration file changed)."""
        self.resolver = ConfigResolver(self.registry)

    def lint(self, uri: str, text: str) -> FileResult:
        name, path = uri_to_path(uri)
        profile = self.resolver.profile_for(path or self.root)
        reader = choose_reader(self.registry.readers, name)
        document = reader.read(name, text)
        result = lint_document(document, profile.rules_for(name), profile.lexicons, profile.options)
        result.findings = profile.finish(result.findings)
        return result
