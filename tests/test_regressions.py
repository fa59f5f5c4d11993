"""Inputs that once crashed attrlint (found by the fuzzer, the property tests or the corpus)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.conftest import lint_result

CRASHERS = [
    # A subject whose words are separated by a mark that is not a word ("@", "#", "!") was
    # rebuilt with single spaces and then looked up in the text: ValueError in every rule.
    'Stardust @ home is a highly distributed project using a "Virtual Microscope" that is written '
    "in html and javascript and runs on most browsers — no downloads are required.",
    "They referred to the hashtag #AskNASA to answer questions from the public across various "
    "social media channels, from 8 pm until midnight.",
    "Don't let them get in your head! you've kept it up this long You're a Mets fan in late "
    "September and youll fight til the glorious end Cheer the team today; (your boys in orange "
    "and blue) Let them hear you shout as they fight for what's mightily due",
]


@pytest.mark.parametrize("text", CRASHERS, ids=range(len(CRASHERS)))
def test_former_crasher_lints_cleanly(text):
    result = lint_result(text)
    assert result.errors == []
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)


FUZZ_FINDINGS = sorted((Path(__file__).parent / "fixtures" / "fuzz").iterdir())


@pytest.mark.parametrize("path", FUZZ_FINDINGS, ids=[p.name for p in FUZZ_FINDINGS])
def test_fuzzer_finding_stays_fixed(path):
    """Inputs the fuzzer found (crashes, or hangs past its timeout), run through its own check."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
    try:
        from harness import lint_bytes
    finally:
        sys.path.pop(0)
    started = time.perf_counter()
    lint_bytes(path.read_bytes())
    assert time.perf_counter() - started < 10


def test_a_number_too_long_for_int():
    """'1' x 5,000 made the age check's int() raise (Python refuses over 4,300 digits)."""
    assert lint_result("1" * 5000).errors == []
