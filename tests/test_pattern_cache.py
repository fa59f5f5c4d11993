"""The on-disk pattern cache: what it returns behaves exactly like `regex.compile`, it
survives bad files and unwritable folders, and it can be turned off."""

from __future__ import annotations

import marshal
import zlib

import pytest
import regex

from attrlint import pattern_cache
from attrlint.analysis import match_starts
from attrlint.analysis.catalog import scanning_patterns
from attrlint.analysis.lexicons import default_lexicons
from tests.conftest import ROOT, run_cli

SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))] + [
    "Officials said 14,000 troops (up to 70% of the artillery) crossed on 3 May; experts say "
    "£2.5bn and İstanbul's ſtrange KELVIN \u212a figures were reportedly wrong.",
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and nothing of the cache loaded in this process."""
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ATTRLINT_NO_CACHE", raising=False)
    pattern_cache.forget()
    yield tmp_path / "cache"
    pattern_cache.forget()


def _sources() -> list[tuple[str, int]]:
    """Every scanning pattern attrlint uses, plus some with unusual features."""
    sources = [(p.pattern, p.flags) for p in scanning_patterns().values()]
    return sources + [
        (r"(?P<amount>\d+(?:,\d{3})*)\s+(?P<unit>troops|shells)\b", regex.IGNORECASE),
        (r"(?<=\bsaid\s)(?r)\w+", 0),
        (r"(?x) \b (?: according \s+ to ) \b  # verbose, with a comment", 0),
        (r"(\w)\1", regex.V1),
    ]


def _behaviour(pattern: regex.Pattern) -> list:
    return [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in SAMPLES]


def test_patterns_from_the_cache_behave_like_freshly_compiled_ones(fresh_cache, monkeypatch):
    sources = _sources()
    for source, flags in sources:
        pattern_cache.compile_pattern(source, flags)
    pattern_cache.save()
    assert pattern_cache.cache_file().is_file()

    pattern_cache.forget()

    def no_parsing(*args, **kwargs):
        raise AssertionError("compiled from source although the cache holds the pattern")

    monkeypatch.setattr(regex._main, "_compile", no_parsing)
    cached = [pattern_cache.compile_pattern(source, flags) for source, flags in sources]
    monkeypatch.undo()
    for (source, flags), pattern in zip(sources, cached, strict=True):
        fresh = regex.compile(source, flags)
        assert (pattern.pattern, pattern.flags, pattern.groupindex, pattern.groups) == (
            fresh.pattern, fresh.flags, fresh.groupindex, fresh.groups), source
        assert _behaviour(pattern) == _behaviour(fresh), source


def test_one_process_compiles_each_pattern_once(fresh_cache):
    first = pattern_cache.compile_pattern(r"\bsaid\b", regex.IGNORECASE)
    assert pattern_cache.compile_pattern(r"\bsaid\b", int(regex.IGNORECASE)) is first


def _file_of(content: dict) -> bytes:
    payload = marshal.dumps(content)
    return zlib.crc32(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("content", [
    b"", b"\x00\x01garbage", b"\xff" * 4 + b"{}",  # truncated, not ours, checksum wrong
    _file_of({"format": 1, "regex": "1999.01.01", "entries": {}}),  # another regex version
    _file_of({"format": 999, "regex": regex.__version__, "entries": {}}),  # a later attrlint's format
    _file_of({"format": 1, "regex": regex.__version__, "entries": {(r"\d+ shells", 0): ("x",)}}),  # bad entry
])
def test_a_corrupt_or_foreign_file_is_ignored_and_replaced(fresh_cache, content):
    path = pattern_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert pattern_cache.compile_pattern(r"\d+ shells").findall("3 shells, 40 shells") == ["3 shells", "40 shells"]
    pattern_cache.save()
    assert pattern_cache._read(path)[(r"\d+ shells", 0)] != ("x",)  # rewritten with the real entry


def test_an_unwritable_cache_folder_is_skipped_silently(fresh_cache, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(blocker / "cache"))
    pattern_cache.forget()
    assert pattern_cache.compile_pattern(r"\bup to\b").search("up to 70%")
    pattern_cache.save()  # no exception
    assert blocker.read_text() == "not a folder"


def test_the_cache_can_be_turned_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("ATTRLINT_NO_CACHE", "1")
    pattern_cache.compile_pattern(r"\breportedly\b")
    assert pattern_cache.remembered("test", (1,), ("key",), lambda: 42) == 42
    pattern_cache.save()
    assert not fresh_cache.exists()


def test_remembered_values_are_kept_per_stamp(fresh_cache):
    from attrlint import __version__

    calls = []

    def compute():
        calls.append(1)
        return (frozenset({"said"}), None, ("a", "b"))

    stamp = (__version__, 100, 1)
    assert pattern_cache.remembered("test", stamp, ("key",), compute) == (frozenset({"said"}), None, ("a", "b"))
    pattern_cache.save()
    pattern_cache.forget()
    assert pattern_cache.remembered("test", stamp, ("key",), compute) == (frozenset({"said"}), None, ("a", "b"))
    assert len(calls) == 1  # the second came from the file
    pattern_cache.remembered("test", (__version__, 100, 2), ("key",), compute)  # the deriving code changed
    assert len(calls) == 2


def test_match_start_analyses_from_the_cache_equal_fresh_ones(fresh_cache, monkeypatch):
    lexicons = default_lexicons()
    sources = [(p.pattern, p.flags) for p in scanning_patterns().values()]
    sources += [tuple(lexicons.vague_phrase_scan), (lexicons.reporting_verb_pattern, regex.IGNORECASE)]

    def analyses():
        match_starts.match_starts.cache_clear()
        match_starts.split_alternation.cache_clear()
        return [(match_starts.match_starts(s, f), match_starts.split_alternation(s, f)) for s, f in sources]

    monkeypatch.setenv("ATTRLINT_NO_CACHE", "1")
    fresh = analyses()
    monkeypatch.delenv("ATTRLINT_NO_CACHE")
    analyses()
    pattern_cache.save()
    pattern_cache.forget()
    assert analyses() == fresh
    assert any(a is not None for _, a in fresh) and any(s is not None for s, _ in fresh)


def test_the_command_line_fills_the_cache_and_reads_it_back(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Officials said 14,000 troops crossed. Experts say 70% of shells failed.\n")
    before = (article.read_bytes(), article.stat().st_mtime_ns)
    env = {"ATTRLINT_CACHE_DIR": str(tmp_path / "cache")}
    cold = run_cli("--format", "json", str(article), env=env)
    assert list((tmp_path / "cache").glob("patterns-*.bin"))
    warm = run_cli("--format", "json", str(article), env=env)
    off = run_cli("--format", "json", str(article), env={**env, "ATTRLINT_NO_CACHE": "1"})
    assert cold.returncode == warm.returncode == off.returncode == 1
    assert cold.stdout == warm.stdout == off.stdout
    assert "ATR002" in warm.stdout
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before


def test_values_derived_by_another_attrlint_version_are_dropped_on_save(fresh_cache):
    from attrlint import __version__

    pattern_cache.remembered("test", ("0.0.0-old", 1, 2), ("key",), lambda: 1)
    pattern_cache.remembered("test", (__version__, 1, 2), ("key",), lambda: 2)
    pattern_cache.compile_pattern(r"\bsaid\b")
    pattern_cache.save()
    kept = pattern_cache._read(pattern_cache.cache_file())
    assert ("test", (__version__, 1, 2), ("key",)) in kept and (r"\bsaid\b", 0) in kept
    assert ("test", ("0.0.0-old", 1, 2), ("key",)) not in kept


def test_only_the_newest_stamps_of_a_key_are_kept(fresh_cache):
    """A checkout edited in place makes a new stamp at every edit: old ones are dropped,
    while values of other keys, each with a stamp of its own (one per lexicon file), stay."""
    from attrlint import __version__

    stamps = [(__version__, 100, mtime) for mtime in range(pattern_cache.KEPT_STAMPS + 2)]
    files = [(f"file{i}",) for i in range(pattern_cache.KEPT_STAMPS + 2)]
    for stamp in stamps:
        pattern_cache.remembered("test", stamp, ("key",), lambda: 1)
        for i, file in enumerate(files):
            pattern_cache.remembered("files", (__version__, i, i), file, lambda: 2)
        pattern_cache.save()
        pattern_cache.forget()
    kept = pattern_cache._read(pattern_cache.cache_file())
    assert [key[1] for key in kept if key[0] == "test"] == stamps[-pattern_cache.KEPT_STAMPS:]
    assert [key[2] for key in kept if key[0] == "files"] == files


def test_a_warm_run_reads_everything_from_the_cache(tmp_path):
    """After one run, a second run on the same article derives nothing and writes nothing."""
    import os
    import subprocess
    import sys

    (tmp_path / "story.txt").write_text("Officials counted 14,000 troops, the ministry said.\n", encoding="utf-8")
    env = {**os.environ, "ATTRLINT_CACHE_DIR": str(tmp_path / "cache")}
    probe = ("import sys; from attrlint.cli.main import main; from attrlint import pattern_cache; main(sys.argv[1:]); "
             "print(pattern_cache._dirty, 'tomllib' in sys.modules, file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", probe, "--format", "json", "story.txt"], capture_output=True,
                           text=True, cwd=tmp_path, env=env) for _ in range(2)]
    assert runs[0].stderr.split()[-2:] == ["True", "True"]  # the first run derived and recorded
    assert runs[1].stderr.split()[-2:] == ["False", "False"], runs[1].stderr  # nothing new, no TOML parsed
