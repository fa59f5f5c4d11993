"""Run the fuzz harness for a while, seeded with the repository's example articles.

    python fuzz/run.py --seconds 60                 # what CI does
    python fuzz/run.py --seconds 3600 --corpus fuzz/corpus   # a long run that keeps its corpus

The seeds are every file under examples/ and tests/fixtures/, once per reader (the harness
picks the reader from the first byte).  A crash or a hang (over --timeout seconds for one
input) leaves its input in --artifacts and makes the exit code non-zero.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = Path(__file__).with_name("fuzz_lint.py")
MAX_SEED = 4096


def write_seeds(folder: Path) -> int:
    count = 0
    for source in sorted([*ROOT.glob("examples/**/*"), *ROOT.glob("tests/fixtures/**/*")]):
        if not source.is_file():
            continue
        data = source.read_bytes()[:MAX_SEED]
        for reader_byte in range(3):
            (folder / f"seed-{count}").write_bytes(bytes([reader_byte]) + data)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take")
    parser.add_argument("--corpus", type=Path, help="corpus folder to grow (default: a temporary one)")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        print(f"fuzz: {write_seeds(seeds)} seeds, {args.seconds} s", flush=True)
        corpus = args.corpus or Path(tmp) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        args.artifacts.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, str(HARNESS), f"-max_total_time={args.seconds}", f"-timeout={args.timeout}",
                   f"-max_len={MAX_SEED}", "-print_final_stats=1", f"-artifact_prefix={args.artifacts}/",
                   str(corpus), str(seeds)]
        return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
