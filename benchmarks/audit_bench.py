"""Benchmark ``attrlint audit``: articles per second and peak memory, local and Dask.

Builds a JSON Lines archive of the requested size by replicating the shared corpus (each
copy gets a new id and synthetic date / section metadata), then audits it with the local
engine on 1 and 2 workers and with Dask on a 2-worker LocalCluster, each as a separate
``python -m attrlint audit`` process.  Memory is the peak resident set of the whole
process tree (the CLI plus its pool or cluster workers) and CPU the sum of the tree's CPU
seconds, both sampled every 0.2 s.  On a shared machine wall time depends on the load;
articles per CPU second does not (much).

    python benchmarks/audit_bench.py --size 30MB
    python benchmarks/audit_bench.py --size 1GB --runs local:2,dask:2   # the issue's size

Archives and outputs go under benchmarks/out/ (git-ignored) unless --workdir is given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil  # installed with distributed (attrlint[dask])

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
SECTIONS = ("world", "business", "politics", "science", "sport", "culture")
UNITS = {"kb": 2**10, "mb": 2**20, "gb": 2**30}


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]b)?\s*", text.lower())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 30MB, 1GB)")
    return int(float(m.group(1)) * UNITS.get(m.group(2) or "", 1))


def build_archive(corpus: Path, target: Path, size: int) -> tuple[int, int]:
    """Replicate the corpus until ``size`` bytes; returns (articles, bytes).  Streams, so
    building a 1 GB archive needs no more memory than the corpus."""
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = count = copy = 0
    with open(target, "w", encoding="utf-8") as out:
        while written < size:
            for i, article in enumerate(articles):
                row = dict(article, id=f"{article['id']}#{copy}", date=f"{2015 + copy % 10}-{i % 12 + 1:02d}-01",
                           section=SECTIONS[(i + copy) % len(SECTIONS)])
                line = json.dumps(row, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= size:
                    break
            copy += 1
    return count, written


def sample_tree(process: psutil.Process, cpu: dict[int, float]) -> int:
    """Resident memory of the process tree now; records each process' CPU seconds so far
    in ``cpu`` (pool and cluster workers are not reaped by us, so rusage would miss them)."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            with p.oneshot():
                total += p.memory_info().rss
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
    return total


def run_audit(archive: Path, out: Path, engine: str, workers: int, chunk_size: int, blocksize: int) -> dict:
    cmd = [sys.executable, "-m", "attrlint", "audit", str(archive), "--out", str(out), "--engine", engine,
           "--workers", str(workers), "--chunk-size", str(chunk_size), "--blocksize", str(blocksize),
           "--no-plugins", "--no-progress"]
    shutil.rmtree(out, ignore_errors=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        try:
            peak = max(peak, sample_tree(watched, cpu))
        except psutil.Error:
            pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"audit failed ({' '.join(cmd)}):\n{stderr}")
    return {"engine": engine, "workers": workers, "seconds": elapsed, "peak_rss": peak,
            "cpu_seconds": sum(cpu.values()), "load": (load_before + os.getloadavg()[0]) / 2}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus to replicate")
    p.add_argument("--size", type=parse_size, default=parse_size("30MB"), help="archive size (default 30MB)")
    p.add_argument("--runs", default="local:1,local:2,dask:2", help="engine:workers list")
    p.add_argument("--chunk-size", type=int, default=200, help="articles per local chunk (default 200)")
    p.add_argument("--blocksize", type=parse_size, default=parse_size("640KB"),
                   help="bytes per Dask partition (default 640KB: about 200 corpus articles, like a local chunk)")
    p.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    p.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = p.parse_args()
    if not args.corpus.is_file():
        print(f"audit_bench: {args.corpus}: no such file (pass the corpus path)", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    archive = args.workdir / "archive.jsonl"
    articles, size = build_archive(args.corpus, archive, args.size)
    print(f"archive: {articles} articles, {size / 2**20:.1f} MiB ({archive}); {os.cpu_count()} CPUs")
    results = []
    for spec in args.runs.split(","):
        engine, workers = spec.split(":")
        result = run_audit(archive, args.workdir / f"out-{engine}-{workers}", engine, int(workers), args.chunk_size,
                           args.blocksize)
        result.update(articles=articles, mib=size / 2**20)
        results.append(result)
        print(f"  {engine:5} workers={workers}: {result['seconds']:7.1f} s  "
              f"{articles / result['seconds']:7.1f} articles/s  {size / 2**20 / result['seconds']:5.2f} MiB/s  "
              f"peak RSS {result['peak_rss'] / 2**20:6.0f} MiB  CPU {result['cpu_seconds']:.0f} s  "
              f"load {result['load']:.1f}", flush=True)
    print("\n| engine | workers | wall s | articles/s | MiB/s | CPU s | articles per CPU s | "
          "peak RSS MiB (tree) | load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['engine']} | {r['workers']} | {r['seconds']:.1f} | {r['articles'] / r['seconds']:.1f} | "
              f"{r['mib'] / r['seconds']:.3f} | {r['cpu_seconds']:.0f} | {r['articles'] / r['cpu_seconds']:.1f} | "
              f"{r['peak_rss'] / 2**20:.0f} | {r['load']:.1f} |")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
