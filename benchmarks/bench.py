#!/usr/bin/env python3
"""attrlint's performance benchmarks (a script, not a test: it prints figures, it asserts nothing).

    python benchmarks/bench.py [--corpus PATH] [--repeat N] [SECTION ...]

SECTION is any of: throughput ceiling scaling startup memory jobs lsp scorer (default: all).
The corpus is a JSON Lines file with a "text" field per article (default: the shared
corpus, ../shared/corpus/articles.jsonl from the repository root); its articles are
replicated until the text reaches --min-mb (default 5 MB).

proselint is the comparison for throughput.  It is not a dependency of attrlint; install
it into the benchmark environment first:  python -m pip install proselint
Without it (or with --no-proselint) that comparison is skipped.

Every timing runs the command-line tools as separate processes over the same files,
alternating the tools, and reports the median wall time and the median CPU time
(user + system of the child).  On a busy machine CPU time is the steadier figure.
Articles that make a rule raise (an internal error: a bug, not a cost) are left out of
every input so that one bug cannot distort the timings; the count left out is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
SECTIONS = ("throughput", "ceiling", "scaling", "startup", "memory", "jobs", "lsp", "scorer")
ATTRLINT = [sys.executable, "-m", "attrlint", "--format", "json", "--exit-zero", "--no-plugins"]
MB = 1_000_000


# -- running things ---------------------------------------------------------------------------

def run_timed(cmd: list[str], stdin=None, env: dict | None = None) -> tuple[float, float]:
    """Run a command to completion, output discarded; return (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def alternate(commands: dict[str, list[str]], repeat: int) -> dict[str, dict[str, float]]:
    """Run each command ``repeat`` times, interleaved (A B A B ...); medians per command."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            samples[name].append(run_timed(cmd))
    return {name: {"wall": statistics.median(s[0] for s in runs), "cpu": statistics.median(s[1] for s in runs)}
            for name, runs in samples.items()}


def peak_rss_bytes(cmd: list[str]) -> int:
    """Peak resident memory of one run of ``cmd``, measured by a fresh parent process
    (RUSAGE_CHILDREN keeps the maximum over all children, so it needs a clean parent)."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    kib = int(out.stdout.strip())
    return kib * 1024 if sys.platform != "darwin" else kib


def ensure_bytecode() -> None:
    """Compile attrlint's modules (and those of `regex` and `pluggy`) once.  An installed
    wheel ships bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise
    compile every module from source on every start-up (about 70 ms of a small run)."""
    import compileall

    import pluggy
    import regex

    import attrlint

    for package in (attrlint, regex, pluggy):  # what every run imports besides the standard library
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


# -- inputs -----------------------------------------------------------------------------------

def load_articles(corpus: Path) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def healthy(texts: list[str]) -> tuple[list[str], int]:
    """The articles every rule lints without raising, and how many were left out."""
    from attrlint.analysis.lexicons import Lexicons
    from attrlint.engine.linter import lint_document
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.readers.plaintext import PlainTextReader

    registry = build_registry(load_plugins(third_party=False))
    rules, lexicons, reader = list(registry.rules.values()), Lexicons(), PlainTextReader()
    kept = [t for t in texts if not lint_document(reader.read("a.txt", t), rules, lexicons).errors]
    return kept, len(texts) - len(kept)


def replicate(texts: list[str], size: int) -> list[str]:
    """Articles repeated in order until their total length reaches ``size`` characters."""
    out, total, i = [], 0, 0
    while total < size:
        out.append(texts[i % len(texts)])
        total += len(texts[i % len(texts)]) + 2
        i += 1
    return out


def write_folder(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"article{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def write_document(path: Path, texts: list[str], size: int) -> Path:
    """One article-like document of at least ``size`` characters (paragraphs of many stories)."""
    path.write_text("\n\n".join(replicate(texts, size)), encoding="utf-8")
    return path


def folder_chars(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())


# -- sections ---------------------------------------------------------------------------------

def throughput(work: Path, texts: list[str], args) -> dict:
    folder = write_folder(work / "archive", replicate(texts, int(args.min_mb * MB)))
    chars = folder_chars(folder)
    commands = {"attrlint": [*ATTRLINT, "--jobs", "1", str(folder)]}
    proselint = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    if proselint and not args.no_proselint:
        commands["proselint"] = [proselint, "check", str(folder)]
    result = {"files": len(list(folder.iterdir())), "chars": chars,
              "runs": alternate(commands, args.repeat)}
    for med in result["runs"].values():
        med["mb_per_s_wall"] = chars / med["wall"] / MB
        med["mb_per_s_cpu"] = chars / med["cpu"] / MB
    if "proselint" in result["runs"]:
        a, p = result["runs"]["attrlint"], result["runs"]["proselint"]
        result["ratio_wall"] = p["wall"] / a["wall"]
        result["ratio_cpu"] = p["cpu"] / a["cpu"]
    else:
        result["note"] = "proselint not installed (python -m pip install proselint): comparison skipped"
    return result


def ceiling(work: Path, texts: list[str], args) -> dict:
    """attrlint's own scanning patterns over the whole text, no engine, scanned the way the
    analysis scans (``catalog.scan_text``: one reading of the words, then each word-indexed
    pattern tried only where a match can start); compared with linting the same text
    in-process (no start-up, no output).  ``per_pattern_cpu`` has both ways per pattern:
    ``finditer`` at every position and the word-indexed scan (after ``word-index``)."""
    from attrlint.analysis.catalog import WORD_INDEXED, scan_text, scanning_patterns
    from attrlint.analysis.lexicons import Lexicons
    from attrlint.analysis.wordindex import SpanWords, matches
    from attrlint.engine.linter import lint_document
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.readers.plaintext import PlainTextReader

    docs = replicate(texts, int(args.min_mb * MB))
    whole = "\n\n".join(docs)
    patterns = scanning_patterns()
    registry = build_registry(load_plugins(third_party=False))
    rules, lexicons, reader = list(registry.rules.values()), Lexicons(), PlainTextReader()

    def bare() -> None:
        scan_text(whole, patterns)

    def engine() -> None:
        for i, text in enumerate(docs):
            lint_document(reader.read(f"{i}.txt", text), rules, lexicons)

    timings = {"bare_regex": [], "attrlint_in_process": []}
    for _ in range(args.repeat):
        for name, fn in (("bare_regex", bare), ("attrlint_in_process", engine)):
            start_cpu = time.process_time()
            fn()
            timings[name].append(time.process_time() - start_cpu)
    med = {name: statistics.median(v) for name, v in timings.items()}

    def cpu(fn) -> float:
        start_cpu = time.process_time()
        fn()
        return time.process_time() - start_cpu

    per_pattern = {f"{name} (finditer)": cpu(lambda p=pattern: sum(1 for _ in p.finditer(whole)))
                   for name, pattern in patterns.items()}
    words = []
    per_pattern["word-index"] = cpu(lambda: words.append(SpanWords(whole, 0, len(whole))))
    for name in sorted(WORD_INDEXED):
        per_pattern[f"{name} (word-indexed)"] = cpu(lambda p=patterns[name]: sum(1 for _ in matches(p, words[0])))
    return {"chars": len(whole), "cpu": med, "ratio": med["attrlint_in_process"] / med["bare_regex"],
            "per_pattern_cpu": per_pattern}


def scaling(work: Path, texts: list[str], args) -> dict:
    """Single documents of 100 KB, 400 KB and 1.6 MB.  Linear growth is about size, so the
    larger documents are the 100 KB one repeated 4 and 16 times (the same mix of articles
    at every size); measured end to end (start-up on one article taken off both sides) and
    linted in-process (no start-up at all, after a warm-up).  For comparison, documents of
    those sizes made of different articles (the corpus from its start) are linted
    in-process too: their cost per character differs with the articles they hold."""
    from attrlint.analysis.lexicons import Lexicons
    from attrlint.engine.linter import lint_document
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry
    from attrlint.readers.plaintext import PlainTextReader

    sizes = (100_000, 400_000, 1_600_000)
    base = "\n\n".join(replicate(texts, sizes[0]))
    repeated = {size: "\n\n".join([base] * (size // sizes[0])) for size in sizes}
    mixed = {size: "\n\n".join(replicate(texts, size)) for size in sizes}
    paths = {}
    for size, text in repeated.items():
        paths[size] = work / f"single{size}.txt"
        paths[size].write_text(text, encoding="utf-8")
    runs = alternate({str(size): [*ATTRLINT, str(path)] for size, path in paths.items()}, args.repeat)
    empty = write_document(work / "tiny.txt", texts[:1], 1)
    base_run = alternate({"start-up": [*ATTRLINT, str(empty)]}, args.repeat)["start-up"]

    registry = build_registry(load_plugins(third_party=False))
    rules, lexicons, reader = list(registry.rules.values()), Lexicons(), PlainTextReader()
    lint_document(reader.read("warm-up.txt", base), rules, lexicons)

    def in_process(documents: dict[int, str]) -> dict[str, float]:
        """CPU seconds to lint each document once (median of ``--repeat`` samples).  A sample
        lints the smaller documents several times (16 x 100 KB, 4 x 400 KB, 1 x 1.6 MB), so
        that every sample takes about as long and meets the same machine: a single 100 KB
        lint (~0.15 s) is at the mercy of a moment's noise on a shared VM."""
        samples: dict[int, list[float]] = {size: [] for size in documents}
        for _ in range(args.repeat):
            for size, text in documents.items():
                times = max(1, sizes[-1] // size)
                start_cpu = time.process_time()
                for i in range(times):
                    lint_document(reader.read(f"{size}-{i}.txt", text), rules, lexicons)
                samples[size].append((time.process_time() - start_cpu) / times)
        return {str(size): statistics.median(v) for size, v in samples.items()}

    result = {"chars": {str(size): len(text) for size, text in repeated.items()}, "runs": runs,
              "start_up": base_run, "in_process_cpu": in_process(repeated),
              "in_process_cpu_different_articles": in_process(mixed)}
    for a, b in zip(sizes, sizes[1:], strict=False):
        label = f"{b // 1000}k_over_{a // 1000}k"
        result[f"growth_{label}_cpu"] = ((runs[str(b)]["cpu"] - base_run["cpu"])
                                         / (runs[str(a)]["cpu"] - base_run["cpu"]))
        result[f"growth_{label}_wall"] = ((runs[str(b)]["wall"] - base_run["wall"])
                                          / (runs[str(a)]["wall"] - base_run["wall"]))
        for key, name in (("in_process_cpu", "in_process"),
                          ("in_process_cpu_different_articles", "different_articles")):
            result[f"growth_{label}_{name}"] = result[key][str(b)] / result[key][str(a)]
    return result


def startup(work: Path, texts: list[str], args) -> dict:
    """One small article end to end, as users run it: with the pattern cache filled by an
    earlier run (every run after the first), and with it turned off (``ATTRLINT_NO_CACHE=1``:
    what the first run after installing or upgrading costs)."""
    small = min((t for t in texts if len(t) >= 1500), key=len)
    path = work / "small.txt"
    path.write_text(small, encoding="utf-8")
    n = max(15, args.repeat)
    runs = {"attrlint": [], "attrlint_no_cache": [], "python": []}
    command = [sys.executable, "-m", "attrlint", "--format", "json", "--exit-zero", str(path)]
    run_timed(command)  # fills the cache, as any earlier run would have
    for _ in range(n):
        runs["attrlint"].append(run_timed(command))
        runs["attrlint_no_cache"].append(run_timed(command, env={**os.environ, "ATTRLINT_NO_CACHE": "1"}))
        runs["python"].append(run_timed([sys.executable, "-c", "pass"]))
    med = {name: {"wall": statistics.median(r[0] for r in v), "cpu": statistics.median(r[1] for r in v)}
           for name, v in runs.items()}
    return {"article_chars": len(small), "runs": n, "median": med,
            "ratio_wall": med["attrlint"]["wall"] / med["python"]["wall"],
            "ratio_cpu": med["attrlint"]["cpu"] / med["python"]["cpu"]}


def scorer(work: Path, texts: list[str], args) -> dict:
    """What the trained scorer costs: the same runs with it and without it (``--no-scorer``,
    the hand-set rules alone, which is what attrlint ran before the scorer): corpus
    throughput (--jobs 1) and one small article end to end, interleaved."""
    folder = work / "archive"
    if not folder.is_dir():
        folder = write_folder(folder, replicate(texts, int(args.min_mb * MB)))
    chars = folder_chars(folder)
    corpus = alternate({"scorer": [*ATTRLINT, "--jobs", "1", str(folder)],
                        "rules_alone": [*ATTRLINT, "--jobs", "1", "--no-scorer", str(folder)]}, args.repeat)
    small = min((t for t in texts if len(t) >= 1500), key=len)
    path = work / "small-scorer.txt"
    path.write_text(small, encoding="utf-8")
    one = [sys.executable, "-m", "attrlint", "--format", "json", "--exit-zero", str(path)]
    run_timed(one)  # fills the pattern cache (and the model's tables in it)
    article = alternate({"scorer": one, "rules_alone": [*one, "--no-scorer"]}, max(15, args.repeat))
    return {"chars": chars, "corpus": corpus, "small_article": article,
            "throughput_ratio_cpu": corpus["rules_alone"]["cpu"] / corpus["scorer"]["cpu"],
            "throughput_ratio_wall": corpus["rules_alone"]["wall"] / corpus["scorer"]["wall"],
            "small_article_extra_ms_wall": (article["scorer"]["wall"] - article["rules_alone"]["wall"]) * 1000,
            "small_article_extra_ms_cpu": (article["scorer"]["cpu"] - article["rules_alone"]["cpu"]) * 1000}


def memory(work: Path, texts: list[str], args) -> dict:
    path = write_document(work / "big.txt", texts, int(args.memory_mb * MB))
    size = path.stat().st_size
    start = time.perf_counter()
    peak = peak_rss_bytes([*ATTRLINT, str(path)])
    return {"input_bytes": size, "peak_rss_bytes": peak, "ratio": peak / size,
            "wall": time.perf_counter() - start}


def jobs(work: Path, texts: list[str], args) -> dict:
    folder = work / "archive"
    if not folder.exists():
        write_folder(folder, replicate(texts, int(args.min_mb * MB)))
    runs = alternate({f"jobs{n}": [*ATTRLINT, "--jobs", str(n), str(folder)] for n in (1, 2)}, args.repeat)
    return {"files": len(list(folder.iterdir())), "runs": runs,
            "speedup_wall": runs["jobs1"]["wall"] / runs["jobs2"]["wall"],
            "control_speedup_wall": parallel_control(args.repeat)}


def lsp(work: Path, texts: list[str], args) -> dict:
    """The language server's round trip, an edit to its diagnostics, on a 2,000-word article
    (``benchmarks/lsp_roundtrip.py``): with the default debounce and with none."""
    try:
        import asyncio

        import lsp_roundtrip
    except ImportError as exc:  # pygls is the lsp extra
        return {"note": f"skipped: {exc} (pip install 'attrlint[lsp]')"}
    text = lsp_roundtrip.article_of(args.corpus, 2000)
    result = {"words": len(text.split()), "changes": 20}
    for debounce in (lsp_roundtrip.DEFAULT_DEBOUNCE_MS, 0):
        times = asyncio.run(lsp_roundtrip.roundtrips(text, 20, debounce))
        result[f"debounce_{debounce}_ms"] = {"median": statistics.median(times), "max": max(times)}
    return result


def parallel_control(repeat: int) -> float:
    """How much faster two processes finish two equal CPU-bound loops than one process
    running both: about 2 on an idle 2-core machine, about 1 when other work holds a core.
    Read the --jobs speed-up against it."""
    loop = "sum(range(30_000_000))"
    one = [sys.executable, "-c", f"{loop}; {loop}"]
    two = [sys.executable, "-c", "import subprocess, sys; "
           f"ps = [subprocess.Popen([sys.executable, '-c', {loop!r}]) for _ in range(2)]; [p.wait() for p in ps]"]
    runs = alternate({"one": one, "two": two}, repeat)
    return runs["one"]["wall"] / runs["two"]["wall"]


# -- report -----------------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    mem = None
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_bytes": mem, "load_average": load,
            "python": platform.python_version(), "platform": platform.platform()}


def summary(results: dict) -> list[str]:
    """The headline figures as Markdown table rows, each against its target."""
    rows = ["| measure | result | target |", "|---|---|---|"]

    def row(measure: str, result: str, target: str, ok: bool | None) -> None:
        mark = "" if ok is None else (" (met)" if ok else " (NOT met)")
        rows.append(f"| {measure} | {result} | {target}{mark} |")

    if "throughput" in results:
        t = results["throughput"]
        a = t["runs"]["attrlint"]
        row("attrlint throughput, --jobs 1", f"{a['mb_per_s_cpu']:.2f} MB/s CPU, {a['mb_per_s_wall']:.2f} MB/s wall",
            "", None)
        if "proselint" in t["runs"]:
            p = t["runs"]["proselint"]
            row("proselint throughput", f"{p['mb_per_s_cpu']:.2f} MB/s CPU, {p['mb_per_s_wall']:.2f} MB/s wall",
                "", None)
            row("attrlint / proselint throughput", f"{t['ratio_cpu']:.1f}x CPU, {t['ratio_wall']:.1f}x wall",
                ">= 20x", t["ratio_cpu"] >= 20)
    if "ceiling" in results:
        c = results["ceiling"]
        row("attrlint / bare-regex ceiling (CPU)", f"{c['ratio']:.2f}x", "<= 5x", c["ratio"] <= 5)
    if "scaling" in results:
        g = results["scaling"]
        for label in ("400k_over_100k", "1600k_over_400k"):
            end_to_end, in_process = g[f"growth_{label}_cpu"], g[f"growth_{label}_in_process"]
            # In-process is the linter's own growth; end to end, a start-up measured on another
            # (small) article is subtracted from both sides, which skews the ratio either way.
            row(f"time growth {label.replace('_over_', ' / ')}, same text repeated (CPU in-process; "
                "end to end with start-up subtracted)", f"{in_process:.2f}x; {end_to_end:.2f}x", "<= 4.5x",
                in_process <= 4.5)
            row("... different articles at each size (in-process CPU)",
                f"{g[f'growth_{label}_different_articles']:.2f}x", "", None)
    if "startup" in results:
        u = results["startup"]
        m = u["median"]
        row("one small article end to end (median)",
            f"{m['attrlint']['wall'] * 1000:.0f} ms wall, {m['attrlint']['cpu'] * 1000:.0f} ms CPU", "< 150 ms",
            m["attrlint"]["wall"] < 0.150)
        row("... the same with the pattern cache off (first run after installing)",
            f"{m['attrlint_no_cache']['wall'] * 1000:.0f} ms wall, {m['attrlint_no_cache']['cpu'] * 1000:.0f} ms CPU",
            "", None)
        row("... ratio to `python -c pass`", f"{u['ratio_wall']:.1f}x wall ({m['python']['wall'] * 1000:.0f} ms), "
            f"{u['ratio_cpu']:.1f}x CPU ({m['python']['cpu'] * 1000:.0f} ms)", "", None)
    if "memory" in results:
        mem = results["memory"]
        row(f"peak memory, {mem['input_bytes'] / MB:.0f} MB input", f"{mem['peak_rss_bytes'] / MB:.0f} MB "
            f"({mem['ratio']:.1f}x input)", "< 10x", mem["ratio"] < 10)
    if "jobs" in results:
        j = results["jobs"]
        row("--jobs 2 vs --jobs 1 (wall)", f"{j['speedup_wall']:.2f}x (two CPU-bound processes at the same time: "
            f"{j['control_speedup_wall']:.2f}x)", ">= 1.7x", j["speedup_wall"] >= 1.7)
    if "scorer" in results:
        sc = results["scorer"]
        row("corpus throughput with the scorer / the rules alone (--no-scorer)",
            f"{sc['throughput_ratio_cpu']:.2f}x CPU, {sc['throughput_ratio_wall']:.2f}x wall", ">= 0.9x",
            sc["throughput_ratio_cpu"] >= 0.9)
        row("one small article, the scorer's extra time",
            f"{sc['small_article_extra_ms_wall']:+.1f} ms wall, {sc['small_article_extra_ms_cpu']:+.1f} ms CPU",
            "within 10 ms", sc["small_article_extra_ms_wall"] <= 10)
    if "lsp" in results and "note" not in results["lsp"]:
        zero = results["lsp"]["debounce_0_ms"]
        row("language server: an edit to its diagnostics, 2,000 words, no debounce (median)",
            f"{zero['median'] * 1000:.0f} ms (max {zero['max'] * 1000:.0f} ms)", "", None)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sections", nargs="*", metavar="SECTION", help=f"any of {', '.join(SECTIONS)} (default: all)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus (field: text)")
    p.add_argument("--repeat", type=int, default=3, help="repetitions per measurement (median taken)")
    p.add_argument("--min-mb", type=float, default=5.0, help="replicate the corpus to at least this size")
    p.add_argument("--memory-mb", type=float, default=50.0, help="size of the peak-memory input")
    p.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    p.add_argument("--json", type=Path, help="also write the results here")
    args = p.parse_args(argv)
    unknown = sorted(set(args.sections) - set(SECTIONS))
    if unknown:
        p.error(f"unknown section(s): {', '.join(unknown)} (choose from {', '.join(SECTIONS)})")
    if not args.corpus.is_file():
        print(f"bench: corpus not found: {args.corpus} (pass --corpus PATH)", file=sys.stderr)
        return 2
    ensure_bytecode()
    texts, left_out = healthy(load_articles(args.corpus))
    results = {"machine": machine(), "corpus": str(args.corpus), "articles": len(texts),
               "articles_left_out": left_out, "repeat": args.repeat}
    print(json.dumps({k: results[k] for k in ("machine", "articles", "articles_left_out")}, indent=2), flush=True)
    with tempfile.TemporaryDirectory(prefix="attrlint-bench-") as tmp:
        # attrlint's pattern cache lives in the run's folder: no state from earlier runs.
        os.environ["ATTRLINT_CACHE_DIR"] = str(Path(tmp) / "cache")
        for section in args.sections or SECTIONS:
            start = time.perf_counter()
            results[section] = globals()[section](Path(tmp), texts, args)
            results[section]["section_seconds"] = time.perf_counter() - start
            print(f"== {section}\n{json.dumps(results[section], indent=2)}", flush=True)
    results["machine"]["load_average_after"] = machine()["load_average"]
    print("\n".join(["", *summary(results)]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
