"""attrlint's own plugin: built-in rules, output formats and readers.

Registered through the ``attrlint`` entry-point group like any third-party plugin.
Formats and readers are imported lazily by name so that, e.g., ``--format json`` never
imports rich and a ``.txt`` file never imports the HTML parser.
"""

from __future__ import annotations

import importlib

from attrlint.engine.hookspecs import hookimpl


class _LazyFormatter:
    """Import a formatter module only when the format is used."""

    def __init__(self, module: str, attribute: str):
        self.module, self.attribute = module, attribute

    def __call__(self, stream, options=None):
        cls = getattr(importlib.import_module(self.module), self.attribute)
        return cls(stream, options)


class _LazyReader:
    """A reader known by name and extensions; its module is imported when it is chosen
    (:func:`attrlint.readers.choose.choose_reader` calls :meth:`resolve_reader`)."""

    def __init__(self, module: str, attribute: str, name: str, extensions: tuple[str, ...]):
        self.module, self.attribute, self.name, self.extensions = module, attribute, name, extensions
        self._reader = None

    def resolve_reader(self):
        if self._reader is None:
            self._reader = getattr(importlib.import_module(self.module), self.attribute)()
        return self._reader

    def read(self, path: str, text: str):
        return self.resolve_reader().read(path, text)


@hookimpl
def attrlint_rules() -> list:
    from attrlint.rules import BUILTIN_RULES

    return [rule() for rule in BUILTIN_RULES]


@hookimpl
def attrlint_formats() -> dict:
    return {
        "text": _LazyFormatter("attrlint.formats.text", "TextFormatter"),
        "json": _LazyFormatter("attrlint.formats.json_format", "JsonFormatter"),
        "html": _LazyFormatter("attrlint.formats.html_report", "HtmlFormatter"),
        "jsonl": _LazyFormatter("attrlint.formats.jsonl", "JsonLinesFormatter"),
        "concise": _LazyFormatter("attrlint.formats.concise", "ConciseFormatter"),
        "github": _LazyFormatter("attrlint.formats.github", "GitHubFormatter"),
        "sarif": _LazyFormatter("attrlint.formats.sarif", "SarifFormatter"),
    }


@hookimpl
def attrlint_readers() -> list:
    # Names and extensions repeat the reader classes' own (a test keeps them in step).
    return [
        _LazyReader("attrlint.readers.markdown", "MarkdownReader", "markdown", (".md", ".markdown", ".mdown", ".mkd")),
        _LazyReader("attrlint.readers.html", "HtmlReader", "html", (".html", ".htm", ".xhtml")),
        _LazyReader("attrlint.readers.plaintext", "PlainTextReader", "text", (".txt", ".text", "")),
    ]
