"""Every configuration key: its type, its default, what it means, and its validation.

This table is the single source of truth: validation, defaults, ``attrlint config`` and
the test that checks ``docs/configuration.md`` all read it.  Keys are written as in the
file; keys of sub-tables are dotted (``analysis.window``).  Rule codes are checked
later, once the rules (built-in, plugin and house rules) are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from attrlint.config.errors import ConfigError
from attrlint.engine.findings import SEVERITIES


@dataclass(frozen=True)
class Key:
    name: str  # dotted: "analysis.window"
    default: Any
    expected: str  # said in error messages: "a list of strings"
    check: Callable[[Any], bool]
    doc: str
    holds_codes: bool = False  # values (or table values) are rule codes/prefixes, checked later


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_codes_table(v: Any) -> bool:
    return isinstance(v, dict) and all(_is_str_list(x) for x in v.values())


def _is_severity_table(v: Any) -> bool:
    return isinstance(v, dict) and all(x in SEVERITIES for x in v.values())


def _is_window(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10


KEYS: tuple[Key, ...] = (
    Key("select", None, "a list of rule codes or code prefixes", _is_str_list,
        "Rules to run, by code or prefix (`ATR` is every built-in rule). Unset: every rule that is "
        "enabled by default.", holds_codes=True),
    Key("extend-select", [], "a list of rule codes or code prefixes", _is_str_list,
        "Rules added to `select` (e.g. house rules that are off by default) without restating it.",
        holds_codes=True),
    Key("ignore", [], "a list of rule codes or code prefixes", _is_str_list,
        "Rules never to run; wins over `select`.", holds_codes=True),
    Key("per-file-ignores", {}, "a table of glob = [rule codes]", _is_codes_table,
        "Rules not to run on files matching a glob (matched below the configuration's folder, "
        "e.g. `\"archive/*\" = [\"ATR002\"]`).", holds_codes=True),
    Key("severity", {}, f"a table of rule code = one of {', '.join(SEVERITIES)}", _is_severity_table,
        "Severity overrides per rule code or prefix (`ATR002 = \"error\"`).", holds_codes=True),
    Key("fail-on", "warning", f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES,
        "Lowest severity that makes the exit code 1."),
    Key("exclude", [], "a list of glob patterns", _is_str_list,
        "Files and folders to skip when walking a folder (globs matched below the walked folder, "
        "e.g. `drafts`, `*.draft.md`). Files named on the command line are always linted."),
    Key("rule-paths", [], "a list of folder paths", _is_str_list,
        "Folders of declarative house-rule files (`*.toml`), relative to the configuration file."),
    Key("analysis.window", 1, "an integer from 0 to 10", _is_window,
        "How many sentences before or after, within the same paragraph, an attribution may cover "
        "(0: a claim must be sourced in its own sentence)."),
    Key("analysis.links-are-citations", True, "true or false", lambda v: isinstance(v, bool),
        "Whether a hyperlink or footnote on a sentence counts as its source."),
    Key("analysis.exempt", [], "a list of regular expressions", _is_str_list,
        "Patterns for public-record figures that are never claims (e.g. `closing at \\\\$[0-9.]+`)."),
    Key("lexicons.reporting-verbs", [], "a list of strings", _is_str_list,
        "Extra reporting verbs (`lemma` or `lemma|irregular|forms`), e.g. `\"tweet\"`."),
    Key("lexicons.vague-sources", [], "a list of strings", _is_str_list,
        "Extra vague sources (`\"whisperers\"`): as subject of a reporting verb they are vague."),
    Key("lexicons.vague-phrases", [], "a list of regular expressions", _is_str_list,
        "Extra hedges that make attribution vague on their own (`\"it is understood\"`)."),
    Key("lexicons.attribution-nouns", [], "a list of strings", _is_str_list,
        "Extra nouns that name a document or body that can be a source (`\"dossier\"`)."),
)
KEYS_BY_NAME = {k.name: k for k in KEYS}
TABLES = frozenset(k.name.split(".")[0] for k in KEYS if "." in k.name)
_OPEN_TABLES = frozenset({"per-file-ignores", "severity"})  # their keys are the user's


def defaults() -> dict[str, Any]:
    return {k.name: k.default for k in KEYS}


def validate(table: dict, file: str) -> dict[str, Any]:
    """Check a config table (the ``[tool.attrlint]`` contents); return ``{dotted key: value}``
    for the keys it sets.  Raises :class:`ConfigError` on an unknown key or a wrong type."""
    out: dict[str, Any] = {}
    for name, value in table.items():
        if name in TABLES and name not in _OPEN_TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{file}: key '{name}': expected a table ([{name}]), got {_show(value)}")
            for sub, sub_value in value.items():
                out.update(_one(f"{name}.{sub}", sub_value, file))
        else:
            out.update(_one(name, value, file))
    return out


def _one(name: str, value: Any, file: str) -> dict[str, Any]:
    key = KEYS_BY_NAME.get(name)
    if key is None:
        known = ", ".join(k.name for k in KEYS)
        raise ConfigError(f"{file}: unknown key '{name}' (expected one of: {known})")
    if not key.check(value):
        raise ConfigError(f"{file}: key '{name}': expected {key.expected}, got {_show(value)}")
    return {name: value}


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, bool) else str(value).lower()
    return text if len(text) <= 60 else text[:57] + "..."
