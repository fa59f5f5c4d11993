"""attrlint's own plugin: built-in rules, output formats and readers.

Registered through the ``attrlint`` entry-point group like any third-party plugin.
Formats are imported lazily by name so that, e.g., ``--format json`` never imports rich.
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
    from attrlint.readers.html import HtmlReader
    from attrlint.readers.markdown import MarkdownReader
    from attrlint.readers.plaintext import PlainTextReader

    return [MarkdownReader(), HtmlReader(), PlainTextReader()]
