"""LSP round trip: from a ``didChange`` on a 2,000-word article to its ``publishDiagnostics``.

Starts ``attrlint lsp`` over stdio with pygls's LanguageClient (the test-suite's session,
tests/lsp_session.py), opens a 2,000-word Markdown article built from the shared corpus,
then sends 20 full-text changes one at a time (each edits one figure, so the text really
changes) and times each until the diagnostics for that version arrive.  Prints the
median, with the server's default debounce and with debounce 0 (pure lint + transport).

    python benchmarks/lsp_roundtrip.py [CORPUS_JSONL] [--words 2000] [--runs 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attrlint.lsp.server import DEFAULT_DEBOUNCE_MS  # noqa: E402
from tests.lsp_session import LspSession  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def article_of(corpus: Path, words: int) -> str:
    """Paragraphs from the corpus, in order, cut to exactly ``words`` words."""
    paragraphs: list[str] = []
    count = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            for paragraph in json.loads(line)["text"].split("\n\n"):
                taken = paragraph.split()[: words - count]
                if taken:
                    paragraphs.append(" ".join(taken))
                    count += len(taken)
                if count >= words:
                    return "\n\n".join(paragraphs) + "\n"
    raise SystemExit(f"lsp_roundtrip: {corpus} has fewer than {words} words")


async def roundtrips(text: str, runs: int, debounce_ms: int) -> list[float]:
    uri = "file:///benchmark/article.md"
    async with LspSession(debounce_ms=debounce_ms) as session:
        session.open(uri, text)
        await session.diagnostics(uri, version=1, timeout=60)
        times = []
        for version in range(2, runs + 2):
            edited = f"{text}\nThe agency counted {version} new cases.\n"
            started = time.perf_counter()
            session.change(uri, edited, version)
            await session.diagnostics(uri, version=version, timeout=60)
            times.append(time.perf_counter() - started)
        return times


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    p.add_argument("--words", type=int, default=2000)
    p.add_argument("--runs", type=int, default=20)
    args = p.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"lsp_roundtrip: corpus not found: {corpus}", file=sys.stderr)
        return 2
    text = article_of(corpus, args.words)
    print(f"article: {len(text.split())} words, {len(text)} characters; {args.runs} changes each")
    for debounce in (DEFAULT_DEBOUNCE_MS, 0):
        times = asyncio.run(roundtrips(text, args.runs, debounce))
        print(f"debounce {debounce:>3} ms: median {statistics.median(times) * 1000:7.1f} ms  "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
