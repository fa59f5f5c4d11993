"""What ``--diff`` costs: a repository of 1,000 articles with 3 changed, against linting the 3.

    python benchmarks/diff_bench.py [--articles N] [--repeat N] [--keep DIR]

Builds a git repository in a temporary folder: N Markdown articles (the Wikinews examples
in examples/, each article given its own number so that git stores N different files, in
dated folders), one commit, then one paragraph edited in each of three articles.  Times,
as the best of ``--repeat`` interleaved runs of the ``attrlint`` command (real processes,
start-up included, modules compiled to bytecode first):

- ``attrlint A B C``: the three changed articles named (the baseline);
- ``attrlint --diff HEAD``: attrlint asks git what changed and lints those three;
- ``attrlint --diff HEAD .``: the same with the folder named (the walk of N files added);
- ``git diff HEAD | attrlint --diff -``: the diff on standard input.

Target: ``--diff HEAD`` < 2x the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "NO_COLOR": "1"}
ENV.pop("PRE_COMMIT", None)


def attrlint_command() -> list[str]:
    found = shutil.which("attrlint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "attrlint"]


def build(folder: Path, articles: int) -> list[str]:
    """The repository; returns the three changed paths."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, env=ENV)
    paths = []
    for n in range(articles):
        path = folder / f"{2015 + n % 10}" / f"{n % 12 + 1:02d}" / f"story-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = texts[n % len(texts)]
        path.write_text(f"# Story {n}\n\nFiled as story {n} of the archive.\n\n{body}", encoding="utf-8")
        paths.append(path)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=ENV)
    subprocess.run(["git", "commit", "-q", "-m", "archive"], cwd=folder, check=True, env=ENV)
    changed = [paths[7], paths[articles // 2], paths[-3]]
    for path in changed:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("of the archive.", "of the archive. Officials said 3,000 people were "
                                     "evacuated.", 1), encoding="utf-8")
    return [str(p.relative_to(folder)) for p in changed]


def ensure_bytecode() -> None:
    """Compile the modules a run imports once, as an installed wheel ships them (this
    environment may set PYTHONDONTWRITEBYTECODE=1; see benchmarks/bench.py)."""
    import compileall

    import markdown_it
    import pluggy
    import regex

    import attrlint

    for package in (attrlint, regex, pluggy, markdown_it):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


def best(command: list[str], folder: Path, repeat: int, stdin: bytes | None = None) -> tuple[float, str]:
    times = []
    out = ""
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=folder, env=ENV, input=stdin, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.decode()}")
        out = proc.stdout.decode()
    return min(times), out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="build the repository in DIR and keep it")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="attrlint-diff-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        changed = build(folder, args.articles)
        print(f"repository: {args.articles} articles, 3 changed ({time.perf_counter() - started:.1f} s to build)")
        attrlint = attrlint_command()
        ensure_bytecode()
        diff = subprocess.run(["git", "diff", "HEAD"], cwd=folder, env=ENV, capture_output=True, check=True).stdout
        runs = {
            "attrlint A B C (the 3 files)": ([*attrlint, "--format", "concise", *changed], None),
            "attrlint --diff HEAD": ([*attrlint, "--format", "concise", "--diff", "HEAD"], None),
            "attrlint --diff HEAD .": ([*attrlint, "--format", "concise", "--diff", "HEAD", "."], None),
            "git diff HEAD | attrlint --diff -": ([*attrlint, "--format", "concise", "--diff", "-"], diff),
        }
        results: dict[str, list[float]] = {name: [] for name in runs}
        outputs: dict[str, str] = {}
        for _ in range(args.repeat):  # interleaved, so that every command meets the same machine
            for name, (command, stdin) in runs.items():
                seconds, outputs[name] = best(command, folder, 1, stdin)
                results[name].append(seconds)
        base = min(results["attrlint A B C (the 3 files)"])
        for name, times in results.items():
            print(f"{name:36} {min(times) * 1000:7.0f} ms  {min(times) / base:5.2f}x")
        reported = len(outputs["attrlint --diff HEAD"].splitlines())
        print(f"findings: {len(outputs['attrlint A B C (the 3 files)'].splitlines())} in the 3 files, "
              f"{reported} on their changed lines")
        ratio = min(results["attrlint --diff HEAD"]) / base
        print(f"target --diff HEAD < 2x: {'met' if ratio < 2 else 'NOT met'} ({ratio:.2f}x)")
        return 0 if ratio < 2 else 1
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
