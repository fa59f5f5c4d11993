"""Where the declarative rule packs (the top-level ``rules/`` folder) are found.

In a wheel the folder ships as package data ``attrlint/_rules`` and is read through
``importlib.resources``; in an editable checkout it is read from the repository itself.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def rules_root() -> Traversable:
    packaged = resources.files("attrlint") / "_rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("attrlint's built-in rules folder is missing from this installation")


@cache
def builtin_lexicon_files() -> dict[str, dict]:
    """Every built-in lexicon file, parsed, keyed by its ``lexicon`` name."""
    out: dict[str, dict] = {}
    folder = rules_root() / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            out[data["lexicon"]] = data
    return out
