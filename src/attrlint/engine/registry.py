"""The rule, format and reader registries, built from plugin hook results."""

from __future__ import annotations

from attrlint.engine.plugins import PluginSet

_RULE_ATTRIBUTES = ("code", "name", "category", "severity", "doc", "check")


class Registry:
    """What the plugins provide, collected once per run."""

    def __init__(self, errors: list[str] | None = None) -> None:
        self.rules: dict[str, object] = {}  # code -> rule, sorted by code
        self.formats: dict[str, type] = {}
        self.readers: list[object] = []
        self.lexicon_additions: dict[str, list[str]] = {}
        self.errors: list[str] = [] if errors is None else errors

    def rule(self, code: str):
        return self.rules.get(code.upper())


def build_registry(plugins: PluginSet) -> Registry:
    reg = Registry(errors=list(plugins.errors))
    hook = plugins.hook
    collected: list[object] = []
    for result in _call(hook.attrlint_rules, reg, "attrlint_rules"):
        collected.extend(result or [])
    for rule in collected:
        missing = [a for a in _RULE_ATTRIBUTES if not hasattr(rule, a)]
        if missing:
            reg.errors.append(f"attrlint: rule {rule!r} lacks {', '.join(missing)}; skipped")
            continue
        if rule.code in reg.rules:
            reg.errors.append(f"attrlint: duplicate rule code {rule.code} ({rule.name}); the second is skipped")
            continue
        reg.rules[rule.code] = rule
    reg.rules = dict(sorted(reg.rules.items()))
    # Results are in registration order (built-in first): a plugin that reuses a format
    # name replaces the built-in one, and plugin readers are consulted first.
    for result in _call(hook.attrlint_formats, reg, "attrlint_formats"):
        reg.formats.update(result or {})
    for result in reversed(_call(hook.attrlint_readers, reg, "attrlint_readers")):
        reg.readers.extend(result or [])
    for result in _call(hook.attrlint_lexicons, reg, "attrlint_lexicons"):
        for name, entries in (result or {}).items():
            reg.lexicon_additions.setdefault(name, []).extend(entries)
    return reg


def _call(hook_caller, reg: Registry, name: str) -> list:
    """Call each implementation of a hook, in registration order; a plugin that raises
    is reported in one line instead of crashing the run."""
    results = []
    for impl in hook_caller.get_hookimpls():
        try:
            results.append(impl.function())
        except Exception as exc:
            reg.errors.append(f"attrlint: plugin {impl.plugin_name!r} failed in {name}: "
                              f"{type(exc).__name__}: {exc}")
    return results
