"""The one exception configuration code raises: its message is the whole error line."""

from __future__ import annotations


class ConfigError(Exception):
    """A bad configuration or house-rule file.  ``str(error)`` names the file, the key or
    field, and what was expected; the CLI prints it after ``attrlint: `` and exits 2."""
