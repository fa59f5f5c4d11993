"""Helpers for the reader tests: read a string as a given file type, lint it."""

from __future__ import annotations

from attrlint.analysis.article import AnalysisOptions
from attrlint.analysis.lexicons import default_lexicons
from attrlint.engine.linter import lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.readers.choose import choose_reader

_REGISTRY = build_registry(load_plugins(third_party=False))


def read(text: str, suffix: str):
    """The Document the built-in reader for ``suffix`` makes of ``text``."""
    name = f"article{suffix}"
    return choose_reader(_REGISTRY.readers, name).read(name, text)


def lint(text: str, suffix: str, links_are_citations: bool = True, rules: tuple[str, ...] | None = None):
    """``(document, findings)`` for ``text`` read as a ``suffix`` file; ``rules`` are codes
    (default: all built-in rules)."""
    document = read(text, suffix)
    options = {"analysis": AnalysisOptions(links_are_citations=links_are_citations)}
    chosen = [rule for code, rule in _REGISTRY.rules.items() if rules is None or code in rules]
    result = lint_document(document, chosen, default_lexicons(), options)
    return document, result.findings


def claims(text: str, suffix: str, rules: tuple[str, ...] = ("ATR001",), **kw) -> list[tuple[str, str]]:
    """``(rule, source slice)`` of each finding: what the user sees in the original file.

    Offset tests look at numeric claims (ATR001) by default: their spans are tight, and
    the readers' tests should not change when sentence-level detection evolves."""
    _, findings = lint(text, suffix, rules=rules, **kw)
    return [(f.rule, text[f.start : f.end]) for f in findings]


def prose_claims(text: str, suffix: str) -> list[tuple[str, str]]:
    """``(rule, claim as read)``: the prose slice with whitespace collapsed, comparable
    across formats whatever markup sits inside a claim."""
    document, findings = lint(text, suffix)
    return [(f.rule, " ".join(document.prose[f.start : f.end].split())) for f in findings]
