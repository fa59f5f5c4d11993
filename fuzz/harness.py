"""The property every input must keep, shared by the atheris harness and the regression tests.

Bytes in: the first byte picks a reader (by file name), the rest is decoded as a file would
be.  No exception other than the one-line ``InputError`` for undecodable bytes, no rule
error, and every finding inside the text and inside its sentence.
"""

from __future__ import annotations

from attrlint.analysis.lexicons import default_lexicons
from attrlint.engine.linter import Report, lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.formats.records import report_record
from attrlint.inputs import InputError, decode
from attrlint.readers.choose import choose_reader

REGISTRY = build_registry(load_plugins(third_party=False))
RULES = list(REGISTRY.rules.values())
LEXICONS = default_lexicons()
NAMES = sorted({f"article{ext or '.txt'}" for reader in REGISTRY.readers for ext in reader.extensions})


def lint_bytes(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        text = decode(data[1:], name)
    except InputError:
        return
    document = choose_reader(REGISTRY.readers, name).read(name, text)
    assert len(document.prose) == len(document.text)
    result = lint_document(document, RULES, LEXICONS)
    assert not result.errors, result.errors
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert finding.sentence_start <= finding.start and finding.end <= finding.sentence_end, finding
    report_record(Report(files=[result]))
