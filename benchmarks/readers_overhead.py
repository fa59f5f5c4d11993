"""How much the Markdown reader adds to linting: the corpus as Markdown vs as plain text.

    python benchmarks/readers_overhead.py [CORPUS.jsonl] [--repeat N]

Each article of the corpus (JSON lines with ``title`` and ``text``) is linted once as
plain text and once converted to Markdown: the title as a ``# heading``, paragraphs as
they are, and, deterministically, emphasis on a word in every second paragraph and a
link on the last word of every third.  The time is the best of ``--repeat`` interleaved runs
of read + all built-in rules over the whole corpus, in this process.  Target: Markdown
<= 1.5x plain text.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from attrlint.analysis.lexicons import default_lexicons
from attrlint.engine.linter import lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.readers.markdown import MarkdownReader
from attrlint.readers.plaintext import PlainTextReader

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles.jsonl"
_WORD = re.compile(r"\b[a-z]{6,}\b")
_LAST_WORD = re.compile(r"(\w+)([.!?\"”]*)$")


def to_markdown(title: str, text: str, n: int) -> str:
    """A deterministic Markdown rendering of one article."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    title = (title or "").strip() or (paragraphs.pop(0).strip() if paragraphs else "")
    if paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    out = [f"# {title}"]
    for i, para in enumerate(paragraphs):
        para = para.replace("*", "\\*").replace("_", "\\_")
        if i % 2 == 1:
            para = _WORD.sub(lambda m: f"*{m.group()}*", para, count=1)
        if i % 3 == 2:
            para = _LAST_WORD.sub(rf"[\1](https://example.org/{n}/{i})\2", para)
        out.append(para)
    return "\n\n".join(out) + "\n"


def lint_all(reader, texts: list[tuple[str, str]], rules, lexicons) -> tuple[float, int, int]:
    """Seconds, findings, and documents on which a rule raised (their analysis was cut short)."""
    start = time.perf_counter()
    findings = failed = 0
    for name, text in texts:
        result = lint_document(reader.read(name, text), rules, lexicons)
        findings += len(result.findings)
        failed += bool(result.errors)
    return time.perf_counter() - start, findings, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.corpus).is_file():
        parser.exit(2, f"readers_overhead: no corpus at {args.corpus} (pass its path)\n")
    records = [json.loads(line) for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line]
    plain = [(f"{i}.txt", r["text"]) for i, r in enumerate(records)]
    markdown = [(f"{i}.md", to_markdown(r["title"], r["text"], i)) for i, r in enumerate(records)]
    registry = build_registry(load_plugins(third_party=False))
    rules, lexicons = list(registry.rules.values()), default_lexicons()
    lint_all(MarkdownReader(), markdown[:3], rules, lexicons)  # warm caches and imports
    # Interleaved, best of N: a busy machine slows both sides alike.
    t_plain = t_md = float("inf")
    for _ in range(args.repeat):
        t, f_plain, e_plain = lint_all(PlainTextReader(), plain, rules, lexicons)
        t_plain = min(t_plain, t)
        t, f_md, e_md = lint_all(MarkdownReader(), markdown, rules, lexicons)
        t_md = min(t_md, t)
    t_read = min(_read_only(markdown) for _ in range(args.repeat))
    size = sum(len(t) for _, t in plain)
    print(f"articles: {len(records)}  ({size / 1e6:.2f} M characters)")
    print(f"plain text: {t_plain * 1000:8.1f} ms  ({f_plain} findings; a rule raised on {e_plain} articles)")
    print(f"markdown:   {t_md * 1000:8.1f} ms  ({f_md} findings; a rule raised on {e_md} articles; "
          f"reading alone {t_read * 1000:.1f} ms)")
    print(f"ratio:      {t_md / t_plain:8.2f}x  (target <= 1.5x)")


def _read_only(texts: list[tuple[str, str]]) -> float:
    reader = MarkdownReader()
    start = time.perf_counter()
    for name, text in texts:
        reader.read(name, text)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
