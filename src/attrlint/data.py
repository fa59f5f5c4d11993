"""Where the declarative rule packs (the top-level ``rules/`` folder) are found.

In a wheel the folder ships as package data ``attrlint/_rules`` next to this module; in
an editable checkout it is read from the repository itself.  Only a package imported
from a zip file needs ``importlib.resources`` (which costs several milliseconds to import,
so it is not imported otherwise).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def rules_root() -> Traversable | Path:
    here = Path(__file__).resolve().parent
    for folder in (here / "_rules", here.parents[1] / "rules"):
        if folder.is_dir():
            return folder
    from importlib import resources

    packaged = resources.files("attrlint") / "_rules"
    if packaged.is_dir():
        return packaged
    raise FileNotFoundError("attrlint's built-in rules folder is missing from this installation")


@cache
def builtin_lexicon_files() -> dict[str, dict]:
    """Every built-in lexicon file, parsed, keyed by its ``lexicon`` name."""
    out: dict[str, dict] = {}
    folder = rules_root() / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = _parsed_toml(entry)
            out[data["lexicon"]] = data
    return out


def _parsed_toml(entry: Traversable | Path) -> dict:
    """A built-in TOML file, parsed; kept in the pattern cache by its size and modification
    time (parsing the lexicons, and importing ``tomllib``, cost milliseconds a run)."""
    def parse() -> dict:
        import tomllib

        return tomllib.loads(entry.read_text(encoding="utf-8"))

    if not isinstance(entry, Path):
        return parse()
    from attrlint.pattern_cache import code_stamp, remembered

    return remembered("rules-file", code_stamp(str(entry)), (str(entry),), parse)
