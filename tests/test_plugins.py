"""Third-party rule packages, installed for real into a temporary location."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "plugin_src"


def _build_wheel(out: Path, dist: str, files: dict[str, str], entry_points: str) -> Path:
    """Assemble a real (pure-Python) wheel from source files, without a build backend."""
    info = f"{dist}-1.0.dist-info"
    contents = dict(files)
    contents[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {dist.replace('_', '-')}\nVersion: 1.0\n"
    contents[f"{info}/WHEEL"] = (
        "Wheel-Version: 1.0\nGenerator: attrlint-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    contents[f"{info}/entry_points.txt"] = entry_points
    record = []
    for name, text in contents.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    contents[f"{info}/RECORD"] = "\n".join(record) + "\n"
    wheel = out / f"{dist}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name, text in contents.items():
            zf.writestr(name, text)
    return wheel


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """pip-install a house-rules plugin and a broken plugin into a temporary target."""
    base = tmp_path_factory.mktemp("plugins")
    good = _build_wheel(
        base, "attrlint_house_rules",
        {"attrlint_house_rules/__init__.py": (FIXTURE / "attrlint_house_rules" / "__init__.py").read_text()},
        "[attrlint]\nhouse = attrlint_house_rules\n",
    )
    broken = _build_wheel(
        base, "attrlint_broken",
        {"broken_plugin.py": (FIXTURE / "broken_plugin.py").read_text()},
        "[attrlint]\nbroken = broken_plugin\n",
    )
    target = base / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(target), str(good), str(broken)], check=True)
    return target


def test_third_party_rule_runs_and_is_listed(plugin_site, tmp_path):
    env = {"PYTHONPATH": str(plugin_site)}
    proc = run_cli("rules", "--format", "json", env=env)
    assert "HSE001" in [r["code"] for r in json.loads(proc.stdout)]
    # The broken plugin is reported in one line and skipped.
    assert proc.stderr.count("\n") == 1 and "plugin 'broken'" in proc.stderr and "failed to load" in proc.stderr

    article = tmp_path / "a.txt"
    article.write_text("A banana was sold. North Korea has sent 14,000 troops.\n")
    proc = run_cli("--format", "json", str(article), env=env)
    rules = [f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert "HSE001" in rules and "ATR001" in rules


@pytest.mark.parametrize("how", ["env", "flag"])
def test_third_party_plugins_can_be_turned_off(plugin_site, how):
    env = {"PYTHONPATH": str(plugin_site)}
    args = ["rules", "--format", "json"]
    if how == "env":
        env["ATTRLINT_NO_PLUGINS"] = "1"
    else:
        args.append("--no-plugins")
    proc = run_cli(*args, env=env)
    codes = [r["code"] for r in json.loads(proc.stdout)]
    assert "HSE001" not in codes and "ATR001" in codes
    assert proc.stderr == ""
