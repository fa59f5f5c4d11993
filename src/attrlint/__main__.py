"""Allow ``python -m attrlint``."""

from attrlint.cli.main import run_command

run_command()
