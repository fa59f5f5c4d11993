"""Effective settings: defaults, then one configuration file, then the command line,
with a record of where each value came from (shown by ``attrlint config``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrlint.config import schema
from attrlint.config.discovery import read_config_table

DEFAULT = "default"
COMMAND_LINE = "command line"


class Settings:
    def __init__(self, values: dict[str, Any] | None = None, origin: dict[str, str] | None = None,
                 file: Path | None = None) -> None:
        self.values = schema.defaults() if values is None else values
        self.origin = dict.fromkeys(schema.KEYS_BY_NAME, DEFAULT) if origin is None else origin
        self.file = file  # the configuration file read, if any

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def base_dir(self) -> Path:
        """Relative paths in the file (``rule-paths``) are relative to its folder."""
        return self.file.parent if self.file else Path.cwd()

    @property
    def model_path(self) -> Path | None:
        """The scorer's model file (``model``, ``--model``), or None for the built-in model.
        A path from a file is relative to that file's folder; one from the command line, to
        the working directory."""
        value = self.values.get("model")
        if not value:
            return None
        base = Path.cwd() if self.origin.get("model") == COMMAND_LINE else self.base_dir
        return base / value

    def override(self, key: str, value: Any) -> None:
        self.values[key] = value
        self.origin[key] = COMMAND_LINE


def load_settings(file: Path | None) -> Settings:
    """Settings from ``file`` (None: defaults only).  Raises ConfigError."""
    settings = Settings(file=file)
    if file is None:
        return settings
    for key, value in schema.validate(read_config_table(file), str(file)).items():
        settings.values[key] = value
        settings.origin[key] = str(file)
    return settings
