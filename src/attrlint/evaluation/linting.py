"""Linting gold articles in this process, as ``attrlint check`` lints a plain-text file.

``score.py`` writes each article to ``N.txt`` and runs the command line over them; this
does the same work without the files and the process: the plain-text reader (chosen by
the ``.txt`` name), every rule enabled by default, no configuration file (the defaults,
plus the overrides given: ``min-confidence``, ``model``), suppressions and the
confidence filter applied as for any file.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from attrlint.engine.findings import Finding


class LintError(Exception):
    """A rule raised while linting an article (the engine's one-line messages)."""


class ArticleLinter:
    """Plugins, rules and the default configuration built once; :meth:`lint` lints a text.

    ``overrides`` are configuration keys as on the command line (``{"min-confidence": 0}``,
    ``{"model": "/abs/model.json"}``).  Building raises
    :class:`attrlint.config.errors.ConfigError` for a bad value (a missing model file).
    """

    def __init__(self, overrides: dict[str, Any] | None = None, no_plugins: bool = False) -> None:
        from attrlint.engine.batch import FileLinter, LintSettings

        # The same plugins, registry, resolver and attrlint_configure call as the command line.
        self._linter = FileLinter(LintSettings(no_plugins=no_plugins, isolated=True, overrides=dict(overrides or {}),
                                               configure_path="article.txt"))

    @property
    def errors(self) -> list[str]:
        """Plugins that failed to load, one line each."""
        return self._linter.registry.errors

    def lint(self, text: str, path: str = "article.txt") -> list[Finding]:
        """``text``'s findings, in order; raises :class:`LintError` if a rule raised."""
        from attrlint.engine.linter import lint_document
        from attrlint.readers.choose import choose_reader

        profile = self._linter.resolver.profile_for(path)
        document = choose_reader(self._linter.registry.readers, path).read(path, text)
        result = lint_document(document, profile.rules_for(path), profile.lexicons, profile.options)
        if result.errors:
            raise LintError("; ".join(result.errors))
        return profile.finish(result.findings)


@cache
def _default_linter() -> ArticleLinter:
    return ArticleLinter()


def lint_text(text: str, path: str = "article.txt") -> list[Finding]:
    """Lint ``text`` as a file named ``path`` with the default settings (built once per
    process); raises :class:`LintError` if a rule raised."""
    return _default_linter().lint(text, path)
