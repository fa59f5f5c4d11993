"""docs/rules.md is generated from the registry and current; docs/configuration.md
documents every key with its default."""

from __future__ import annotations

import subprocess
import sys

from attrlint.cli.config_cmd import _toml
from attrlint.config import schema
from tests.conftest import ROOT


def test_rules_doc_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_rules_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_rules_doc_lists_every_builtin_rule():
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code, rule in build_registry(load_plugins(third_party=False)).rules.items():
        assert f"## {code} {rule.name}" in text


def test_configuration_doc_has_every_key_with_its_default():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in text.splitlines()
            if line.startswith("| `")}
    for key in schema.KEYS:
        assert f"`{key.name}`" in rows, f"docs/configuration.md does not document {key.name}"
        default = "unset" if key.default is None else f"`{_toml(key.default)}`"
        assert rows[f"`{key.name}`"] == default, key.name
