"""Which rules run: selection by code prefix, per-file ignores, and severity overrides."""

from __future__ import annotations

from collections.abc import Iterable

from attrlint.config.errors import ConfigError
from attrlint.engine.findings import Finding


def normalise(codes: Iterable[str]) -> list[str]:
    return [c.strip().upper() for c in codes if c.strip()]


def matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def check_codes(prefixes: Iterable[str], known: Iterable[str], where: str, key: str) -> None:
    """Every prefix must select at least one known rule; raise ConfigError otherwise."""
    known = sorted(known)
    for prefix in normalise(prefixes):
        if not any(code.startswith(prefix) for code in known):
            raise ConfigError(f"{where}: key '{key}': unknown rule code '{prefix}' "
                              f"(expected a code or prefix of: {', '.join(known)})")


def select_rules(rules: dict, select: list[str] | None, extend_select: list[str] = (),
                 ignore: list[str] = ()) -> list:
    """Rules chosen by ``select`` (None: those enabled by default) plus ``extend_select``,
    minus ``ignore``; codes and prefixes are case-insensitive."""
    chosen, extra, dropped = normalise(select or ()), normalise(extend_select), normalise(ignore)
    out = []
    for code, rule in rules.items():
        selected = matches(code, chosen) if select is not None else getattr(rule, "default_enabled", True)
        if (selected or matches(code, extra)) and not matches(code, dropped):
            out.append(rule)
    return out


def override_severity(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    """Apply ``{code or prefix: severity}``; the longest matching prefix wins."""
    if not overrides:
        return findings
    ranked = sorted(((k.upper(), v) for k, v in overrides.items()), key=lambda kv: -len(kv[0]))
    out = []
    for f in findings:
        severity = next((v for k, v in ranked if f.rule.startswith(k)), f.severity)
        out.append(f if severity == f.severity else f.replace(severity=severity))
    return out
