"""Every configuration key: its type, its default and its validation.

This table is the single source of truth for validation, defaults, ``attrlint config``
and the test that checks ``docs/configuration.md`` (where each key's meaning is written).
Keys of sub-tables are dotted (``analysis.window``).  Rule codes are checked later, once
the rules (built-in, plugin and house rules) are known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from attrlint.config.errors import ConfigError
from attrlint.engine.findings import SEVERITIES


class Key(NamedTuple):  # not a dataclass: cheaper to define at start-up
    name: str  # dotted: "analysis.window"
    default: Any
    expected: str  # said in error messages: "a list of strings"
    check: Callable[[Any], bool]


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_codes_table(v: Any) -> bool:
    return isinstance(v, dict) and all(_is_str_list(x) for x in v.values())


def _is_severity_table(v: Any) -> bool:
    return isinstance(v, dict) and all(x in SEVERITIES for x in v.values())


def _is_confidence(v: Any) -> bool:
    if v == "auto":
        return True
    return isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1  # NaN fails too


def _is_window(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10


KEYS: tuple[Key, ...] = (
    Key("select", None, "a list of rule codes or code prefixes", _is_str_list),
    Key("extend-select", [], "a list of rule codes or code prefixes", _is_str_list),
    Key("ignore", [], "a list of rule codes or code prefixes", _is_str_list),
    Key("per-file-ignores", {}, "a table of glob = [rule codes]", _is_codes_table),
    Key("severity", {}, f"a table of rule code = one of {', '.join(SEVERITIES)}", _is_severity_table),
    Key("fail-on", "warning", f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES),
    Key("min-confidence", "auto", 'a number from 0 to 1, or "auto"', _is_confidence),
    Key("model", "", "a string (the path of a model file)", lambda v: isinstance(v, str)),
    Key("scorer", True, "true or false", lambda v: isinstance(v, bool)),
    Key("exclude", [], "a list of glob patterns", _is_str_list),
    Key("rule-paths", [], "a list of folder paths", _is_str_list),
    Key("analysis.window", 1, "an integer from 0 to 10", _is_window),
    Key("analysis.links-are-citations", True, "true or false", lambda v: isinstance(v, bool)),
    Key("analysis.exempt", [], "a list of regular expressions", _is_str_list),
    Key("lexicons.reporting-verbs", [], "a list of strings", _is_str_list),
    Key("lexicons.vague-sources", [], "a list of strings", _is_str_list),
    Key("lexicons.vague-phrases", [], "a list of regular expressions", _is_str_list),
    Key("lexicons.attribution-nouns", [], "a list of strings", _is_str_list),
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
