"""The hooks a plugin can implement.  Every hook is called with keyword arguments.

A plugin is a module (or object) registered under the ``attrlint`` entry-point group::

    [project.entry-points.attrlint]
    myrules = "my_package.attrlint_plugin"

and decorates its functions with ``attrlint.hookimpl``.  attrlint's own rules, output
formats and readers are a plugin too (``attrlint.builtin``), loaded the same way.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("attrlint")
hookimpl = pluggy.HookimplMarker("attrlint")


@hookspec
def attrlint_rules() -> list:
    """Return rule objects (see :mod:`attrlint.engine.rule`).  Codes must be unique."""


@hookspec
def attrlint_formats() -> dict:
    """Return ``{name: formatter_class}`` for ``--format NAME``.

    A formatter class is built with ``(stream, options)`` and has ``write(report)``.
    """


@hookspec
def attrlint_readers() -> list:
    """Return reader objects: ``name``, ``extensions`` (e.g. ``(".md",)``) and
    ``read(path, text) -> Document``.  The first reader claiming an extension wins,
    plugin readers before built-in ones."""


@hookspec
def attrlint_lexicons() -> dict:
    """Return ``{lexicon_name: [entries]}`` to add to the built-in word lists
    (reporting verbs, vague sources, ...)."""


@hookspec
def attrlint_configure(config: dict) -> None:
    """Called once with the effective configuration before linting starts."""
