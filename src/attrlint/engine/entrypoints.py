"""Entry points of one group, found without importing ``importlib.metadata``.

Importing ``importlib.metadata`` costs about 80 ms (it pulls in email, zipfile, csv ...),
more than everything else a small run does before linting.  The metadata attrlint needs
is one small text file per installed distribution, so it reads ``entry_points.txt`` from
the ``*.dist-info`` and ``*.egg-info`` folders on ``sys.path`` itself, with the same rule
as ``importlib.metadata``: the first distribution of a name on the path wins.  A path
entry that is not a plain folder (a zip archive) hands the whole scan to
``importlib.metadata``, so no installation layout loses its plugins.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import NamedTuple

_METADATA_SUFFIXES = (".dist-info", ".egg-info")


class EntryPoint(NamedTuple):  # not a dataclass: cheaper to define at start-up
    name: str
    value: str  # "package.module" or "package.module:attribute", maybe "[extras]" after

    def load(self):
        module, _, attribute = self.value.split("[", 1)[0].partition(":")
        target = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


def entry_points(group: str) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in sys.path:
        folder = base or os.getcwd()
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return _from_importlib_metadata(group)
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith(_METADATA_SUFFIXES):
                continue
            distribution = _normalise(name.rsplit(".", 1)[0].split("-", 1)[0])
            if distribution in seen:
                continue
            seen.add(distribution)
            found.extend(_read_group(os.path.join(folder, name, "entry_points.txt"), group))
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _read_group(path: str, group: str) -> list[EntryPoint]:
    """The ``[group]`` section of an ``entry_points.txt`` (INI: ``name = module:attr [extras]``)."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    out: list[EntryPoint] = []
    section = None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section == group and "=" in line:
            name, _, value = line.partition("=")
            out.append(EntryPoint(name.strip(), value.strip()))
    return out


def _from_importlib_metadata(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as metadata_entry_points

    return [EntryPoint(ep.name, ep.value) for ep in metadata_entry_points(group=group)]
