"""Plugin loading: one entry-point scan, each plugin isolated from the others.

attrlint's built-in rules and formats are registered through the same ``attrlint``
entry-point group that third-party packages use.  ``ATTRLINT_NO_PLUGINS=1`` (or
``--no-plugins``) loads only the built-in plugin, for reproducible runs.  A plugin that
fails to import is reported in one line and skipped; the rest still run.  The scan reads
installed metadata directly (:mod:`attrlint.engine.entrypoints`) to keep start-up short.
"""

from __future__ import annotations

import os
import sys

import pluggy

from attrlint.engine import hookspecs
from attrlint.engine.entrypoints import entry_points

GROUP = "attrlint"
BUILTIN = "attrlint.builtin"
DISABLE_ENV = "ATTRLINT_NO_PLUGINS"


class PluginSet:
    def __init__(self, manager: pluggy.PluginManager, loaded: list[str] | None = None,
                 errors: list[str] | None = None) -> None:
        self.manager = manager
        self.loaded = [] if loaded is None else loaded  # entry-point names, in load order
        self.errors = [] if errors is None else errors  # one line each

    @property
    def hook(self):
        return self.manager.hook


def plugins_disabled() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def load_plugins(*, third_party: bool | None = None) -> PluginSet:
    """Build the plugin manager.  ``third_party=None`` follows ``ATTRLINT_NO_PLUGINS``."""
    if third_party is None:
        third_party = not plugins_disabled()
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    plugins = PluginSet(pm)
    builtin_seen = False
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.value != BUILTIN, e.name)):
        is_builtin = ep.value == BUILTIN
        if is_builtin and builtin_seen:
            continue
        if not is_builtin and not third_party:
            continue
        try:
            module = ep.load()
            pm.register(module, name=ep.name if not is_builtin else "builtin")
        except Exception as exc:  # a broken plugin must not take the linter down
            plugins.errors.append(f"attrlint: plugin {ep.name!r} ({ep.value}) failed to load: "
                                  f"{type(exc).__name__}: {exc}")
            continue
        builtin_seen = builtin_seen or is_builtin
        plugins.loaded.append(ep.name)
    if not builtin_seen:  # running from a source tree without installed metadata
        from attrlint import builtin

        pm.register(builtin, name="builtin")
        plugins.loaded.insert(0, "builtin")
    pm.check_pending()
    return plugins


def report_errors(plugins: PluginSet) -> None:
    for line in plugins.errors:
        print(line, file=sys.stderr)
