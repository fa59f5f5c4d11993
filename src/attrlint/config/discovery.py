"""Finding the configuration file that applies to a path, and reading its table.

The closest file wins: from the linted file's folder upwards, the first folder holding
``.attrlint.toml``, ``attrlint.toml`` or a ``pyproject.toml`` with a ``[tool.attrlint]``
table (checked in that order).  The search stops at the repository root (a folder
holding ``.git``), so a checkout never picks up a configuration from outside it.
"""

from __future__ import annotations

from pathlib import Path

from attrlint.config.errors import ConfigError

CONFIG_NAMES = (".attrlint.toml", "attrlint.toml", "pyproject.toml")


def find_config_file(start: Path) -> Path | None:
    """The configuration file for ``start`` (a file or a folder), or None."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    return _search(folder)


def _search(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    if (folder / ".git").exists() or folder.parent == folder:
        return None
    return _search(folder.parent)


def _has_tool_table(pyproject: Path) -> bool:
    return "attrlint" in _parse(pyproject).get("tool", {})


def read_config_table(path: Path) -> dict:
    """The attrlint table of a config file: the whole file, or ``[tool.attrlint]`` of a
    ``pyproject.toml``.  Raises :class:`ConfigError` with a one-line message."""
    data = _parse(path)
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("attrlint")
    if table is None:
        raise ConfigError(f"{path}: no [tool.attrlint] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: key 'tool.attrlint': expected a table")
    return table


def _parse(path: Path) -> dict:
    import tomllib  # here, not at the top: most runs find no config file to parse

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
