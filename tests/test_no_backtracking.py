"""No catastrophic backtracking: every built-in pattern, and the whole linter, stay linear.

Each compiled pattern of the analysis, the segmenter and the readers is run the way the
code runs it (``finditer`` for patterns the code scans with, ``match`` for those it only
anchors) over pathological strings: long runs of digits, commas, spaces, quotes, capitals,
dots, hyphens, "a a a", and mixtures.  Catastrophic backtracking shows as super-linear
growth, so each pattern is timed at two sizes and must grow by clearly less than the square
of the size ratio.  The whole linter then runs on each string with a generous bound.
The 1 MB sizes run with ``ATTRLINT_SLOW_TESTS=1``; ``-s`` prints the measured times.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import time

import pytest
import regex

from tests.conftest import lint_result

PATHOLOGICAL = {
    "digits": "1",
    "commas": ",",
    "digits-commas": "1,",
    "spaces": " ",
    "straight-quotes": '"',
    "curly-quotes": "“",
    "capitals": "A",
    "capital-words": "Abc ",
    "dots": ".",
    "spaced-dots": " .",
    "hyphens": "-",
    "a-a-a": "a ",
    "initials": "A. ",
    "said": "said ",
    "mixed": "A1,. -\"“ a ",
    "newlines": "\n",
    "markup": "<a [x](",
}
SLOW = bool(os.environ.get("ATTRLINT_SLOW_TESTS"))
PACKAGES = ("attrlint.analysis", "attrlint.document", "attrlint.readers")
_SCANNING_CALL = r"\.(?:finditer|findall|search|sub|subn|split|fullmatch)\("


def pathological(kind: str, size: int) -> str:
    unit = PATHOLOGICAL[kind]
    return unit * (size // len(unit))


def _modules():
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package_name}.{info.name}")


def builtin_patterns() -> dict[str, tuple[object, bool]]:
    """name -> (compiled pattern, scanned?).  Module-level patterns are found by walking the
    packages; those built from lexicons are taken from the lexicons and pattern factories."""
    from attrlint.analysis.lexicons import default_lexicons

    lexicons = default_lexicons()
    factory_arguments = {"number_words": tuple(lexicons.number_words), "verbs": lexicons.reporting_verb_pattern}
    found: dict[str, tuple[object, bool]] = {}
    for module in _modules():
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                scanned = re.search(rf"\b{re.escape(name)}{_SCANNING_CALL}|\bscan(?:_slice)?\({re.escape(name)}\b",
                                    source) is not None
                found[f"{module.__name__}.{name}"] = (value, scanned)
            elif callable(value) and hasattr(value, "cache_info") and "pattern" in name:
                # A pattern factory, called with the lexicon its parameter names.
                parameter = next(iter(inspect.signature(value).parameters))
                argument = factory_arguments.get(parameter)
                assert argument is not None, f"{module.__name__}.{name}: which lexicon is {parameter!r}?"
                found[f"{module.__name__}.{name}(...)"] = (value(argument), True)
    for name in dir(type(lexicons)):
        value = getattr(lexicons, name)
        if isinstance(value, (regex.Pattern, re.Pattern)):
            found[f"Lexicons.{name}"] = (value, True)
    return found


PATTERNS = builtin_patterns()


def test_the_catalogue_finds_the_patterns_that_matter():
    names = " ".join(PATTERNS)
    for expected in ("segment._CANDIDATE", "numbers._pattern(...)", "attribution._verb_pattern(...)",
                     "Lexicons.vague_phrase_pattern", "attribution._ACCORDING"):
        assert expected in names
    assert len(PATTERNS) > 40


def _run(pattern, scanned: bool, text: str) -> float:
    started = time.perf_counter()
    if scanned:
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)
        pattern.match(text, len(text) // 2)
    return time.perf_counter() - started


def _measure(pattern, scanned: bool, kind: str, small: int, large: int, repeat: int) -> tuple[float, float]:
    return tuple(min(_run(pattern, scanned, pathological(kind, n)) for _ in range(repeat)) for n in (small, large))


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_time_grows_linearly(name):
    pattern, scanned = PATTERNS[name]
    small, large = (250_000, 1_000_000) if SLOW else (8_000, 32_000)
    ratio = large / small
    for kind in PATHOLOGICAL:
        t_small, t_large = _measure(pattern, scanned, kind, small, large, repeat=1)
        if t_large > 0.02 and t_large > max(t_small, 0.01) * ratio * 2.5:  # remeasure: the machine may be busy
            t_small, t_large = _measure(pattern, scanned, kind, small, large, repeat=3)
        if t_large > 0.02:  # below that, timer noise decides the ratio, and nothing is slow anyway
            print(f"{name} {kind}: {t_small:.3f}s at {small}, {t_large:.3f}s at {large}")
            # Linear growth is x ratio, catastrophic backtracking at least x ratio squared.
            assert t_large < max(t_small, 0.01) * ratio * 2.5, (kind, t_small, t_large)
        assert t_large < 10 * ratio, (kind, t_large)


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_the_linter_finishes_on_pathological_text(kind):
    size = 1_000_000 if SLOW else 32_000
    text = pathological(kind, size)
    started = time.perf_counter()
    result = lint_result(text)
    elapsed = time.perf_counter() - started
    print(f"linter {kind} {size}: {elapsed:.2f}s, {len(result.findings)} findings")
    assert result.errors == []
    assert elapsed < (600 if SLOW else 60)
