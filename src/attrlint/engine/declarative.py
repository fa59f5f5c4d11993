"""Declarative house rules: TOML files a newsroom writes without Python.

A rule file has ``kind`` and the fields of that kind (see ``docs/configuration.md``):

- ``existence``: a phrase (``tokens``) or regular expression (``pattern``) that must not
  appear in the prose;
- ``conditional``: a sentence matching ``pattern`` must be attributed (a named source or a
  citation, in the sentence or carried from a neighbour), e.g. a poll must name the pollster;
  a sentence that also matches ``unless`` is accepted as it is;
- ``lexicon``: entries added to a built-in word list, in the same format as the files
  under ``rules/lexicons`` (``lexicon = NAME``, ``entries = [...]``).

User patterns run with the ``regex`` module's ``timeout``, so a pathological pattern
becomes an error line naming the rule instead of a hang.
"""

from __future__ import annotations

import bisect
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from attrlint.config.errors import ConfigError
from attrlint.data import builtin_lexicon_files
from attrlint.document.model import Span
from attrlint.engine.findings import CATEGORIES, SEVERITIES, Finding
from attrlint.engine.rule import Example, Rule, RuleContext
from attrlint.pattern_cache import compile_pattern

DEFAULT_TIMEOUT = 1.0  # seconds per document for one rule's pattern
_CODE = compile_pattern(r"^[A-Z]{2,8}[0-9]{1,4}$")
_NAME = compile_pattern(r"^[a-z][a-z0-9-]*$")
_COMMON = {"kind", "code", "name", "message", "severity", "category", "summary", "doc", "examples",
           "enabled", "timeout", "ignore-case"}
_FIELDS = {"existence": _COMMON | {"tokens", "pattern"}, "conditional": _COMMON | {"pattern", "unless"},
           "lexicon": {"kind", "lexicon", "entries"}}


class RuleTimeout(Exception):
    """A house rule's pattern ran longer than its ``timeout``."""


class DeclarativeRule(Rule):
    """Common ground of the declarative kinds: identity, documentation and a guarded pattern."""

    kind = ""

    def __init__(self, spec: dict[str, Any], pattern: regex.Pattern, source_file: Path,
                 unless: regex.Pattern | None = None):
        self.code = spec["code"]
        self.name = spec["name"]
        self.message = spec["message"]
        self.severity = spec["severity"]
        self.category = spec["category"]
        self.doc = spec["doc"]
        self.summary = spec.get("summary", "") or self.doc.split(". ")[0]
        self.examples = tuple(Example(e["text"], e["flagged"], e.get("note", "")) for e in spec.get("examples", []))
        self.default_enabled = spec.get("enabled", True)
        self.timeout = spec.get("timeout", DEFAULT_TIMEOUT)
        self.pattern = pattern
        self.unless = unless
        self.source_file = source_file

    def matches(self, text: str, start: int = 0, end: int | None = None,
                pattern: regex.Pattern | None = None) -> Iterator[regex.Match]:
        pattern = pattern or self.pattern
        try:
            yield from pattern.finditer(text, start, len(text) if end is None else end, timeout=self.timeout)
        except TimeoutError:
            raise RuleTimeout(f"house rule {self.code} ({self.source_file}): its pattern took longer than "
                              f"{self.timeout}s; simplify it") from None

    def _finding(self, match: regex.Match, sentence: Any, ctx: RuleContext) -> Finding:
        phrase = ctx.document.text[match.start() : match.end()]
        return self.finding(start=match.start(), end=match.end(), sentence=sentence,
                            message=self.message.replace("{match}", phrase),
                            evidence={"match": phrase, "house_rule": str(self.source_file)})


class ExistenceRule(DeclarativeRule):
    kind = "existence"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        sentences = ctx.document.sentences
        starts = [s.start for s in sentences]
        for m in self.matches(ctx.document.prose):
            i = bisect.bisect_right(starts, m.start()) - 1
            inside = i >= 0 and sentences[i].end >= m.end()
            yield self._finding(m, sentences[i] if inside else Span(m.start(), m.end()), ctx)


class ConditionalRule(DeclarativeRule):
    kind = "conditional"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        prose = ctx.document.prose
        for sa in ctx.analysis.sentences:
            if sa.attributed:
                continue
            first = next(self.matches(prose, sa.sentence.start, sa.sentence.end), None)
            if first is None or (self.unless is not None and next(
                    self.matches(prose, sa.sentence.start, sa.sentence.end, self.unless), None)):
                continue
            yield self._finding(first, sa.sentence, ctx)


KINDS: dict[str, type[DeclarativeRule]] = {"existence": ExistenceRule, "conditional": ConditionalRule}


@dataclass
class HouseRules:
    """What a set of rule folders adds: rules, and entries for the lexicons."""

    rules: list[DeclarativeRule] = field(default_factory=list)
    lexicons: dict[str, list[str]] = field(default_factory=dict)


def load_rule_paths(folders: list[Path], source: str) -> HouseRules:
    """Every ``*.toml`` file in ``folders`` (sorted).  ``source`` names where the folder was
    configured, for the error when it does not exist.  Raises ConfigError."""
    out = HouseRules()
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"{source}: key 'rule-paths': {folder} is not a folder")
        for path in sorted(folder.glob("*.toml")):
            loaded = load_rule_file(path)
            if isinstance(loaded, DeclarativeRule):
                out.rules.append(loaded)
            else:
                name, entries = loaded
                out.lexicons.setdefault(name, []).extend(entries)
    return out


def load_rule_file(path: Path) -> DeclarativeRule | tuple[str, list[str]]:
    """One rule file: a rule, or ``(lexicon name, entries)``.  Raises ConfigError naming the field."""
    try:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    kind = spec.get("kind")
    if kind not in _FIELDS:
        raise ConfigError(f"{path}: field 'kind': expected one of {', '.join(_FIELDS)}, got {kind!r}")
    unknown = sorted(set(spec) - _FIELDS[kind])
    if unknown:
        raise ConfigError(f"{path}: unknown field '{unknown[0]}' for kind {kind!r} "
                          f"(expected: {', '.join(sorted(_FIELDS[kind]))})")
    if kind == "lexicon":
        names = sorted(builtin_lexicon_files())
        _need(spec, path, "lexicon", lambda v: v in names, f"one of {', '.join(names)}")
        _need(spec, path, "entries", _is_str_list, "a list of strings")
        return spec["lexicon"], list(spec["entries"])
    _need(spec, path, "code", lambda v: isinstance(v, str) and _CODE.match(v),
          "a code of capital letters then digits, e.g. HSE001")
    _need(spec, path, "name", lambda v: isinstance(v, str) and _NAME.match(v),
          "a lower-case slug, e.g. poll-needs-pollster")
    _need(spec, path, "message", lambda v: isinstance(v, str) and v.strip(), "a non-empty string")
    _need(spec, path, "doc", lambda v: isinstance(v, str) and v.strip(), "a non-empty string")
    _need(spec, path, "severity", lambda v: v in SEVERITIES, f"one of {', '.join(SEVERITIES)}")
    _need(spec, path, "category", lambda v: v in CATEGORIES, f"one of {', '.join(CATEGORIES)}")
    _optional(spec, path, "summary", lambda v: isinstance(v, str), "a string")
    _optional(spec, path, "enabled", lambda v: isinstance(v, bool), "true or false")
    _optional(spec, path, "ignore-case", lambda v: isinstance(v, bool), "true or false")
    _optional(spec, path, "timeout", lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 60,
              "a number of seconds between 0 and 60")
    _optional(spec, path, "examples", _is_examples, "an array of tables with text (a string) and flagged (true/false)")
    unless = None
    if "unless" in spec:
        _optional(spec, path, "unless", lambda v: isinstance(v, str) and v, "a regular expression")
        unless = _compile(spec["unless"], spec, path, "unless")
    return KINDS[kind](spec, _pattern(spec, path, kind), path, unless)


def _compile(pattern: str, spec: dict, path: Path, field_name: str) -> regex.Pattern:
    flags = regex.IGNORECASE if spec.get("ignore-case", True) else 0
    try:
        return compile_pattern(pattern, flags)
    except regex.error as exc:
        raise ConfigError(f"{path}: field '{field_name}': invalid regular expression: {exc}") from None


def _pattern(spec: dict, path: Path, kind: str) -> regex.Pattern:
    if kind == "existence":
        _optional(spec, path, "tokens", _is_str_list, "a list of strings")
        if "tokens" not in spec and "pattern" not in spec:
            raise ConfigError(f"{path}: missing field 'tokens' or 'pattern' (an existence rule needs one)")
    else:
        _need(spec, path, "pattern", lambda v: isinstance(v, str), "a regular expression")
    alternatives = [rf"\b{regex.escape(t)}\b" for t in spec.get("tokens", [])]
    if "pattern" in spec:
        _need(spec, path, "pattern", lambda v: isinstance(v, str) and v, "a regular expression")
        _compile(spec["pattern"], spec, path, "pattern")  # its own errors, not the joined pattern's
        alternatives.append(f"(?:{spec['pattern']})")
    return _compile("|".join(alternatives), spec, path, "pattern")


def _need(spec: dict, path: Path, name: str, ok, expected: str) -> None:
    if name not in spec:
        raise ConfigError(f"{path}: missing field '{name}' (expected {expected})")
    _optional(spec, path, name, ok, expected)


def _optional(spec: dict, path: Path, name: str, ok, expected: str) -> None:
    if name in spec and not ok(spec[name]):
        raise ConfigError(f"{path}: field '{name}': expected {expected}, got {spec[name]!r}")


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_examples(v: Any) -> bool:
    return isinstance(v, list) and all(
        isinstance(e, dict) and isinstance(e.get("text"), str) and isinstance(e.get("flagged"), bool) for e in v)
