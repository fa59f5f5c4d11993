"""Measure attrlint's sentence splitter against human sentence boundaries.

Usage: python scripts/eval_splitter.py [../shared/eval/dev.jsonl]

Uses the gold records marked ``"sentence_boundaries": "human (GUM corpus)"``.  Reports
exact-span precision/recall/F1 (a predicted sentence counts when both its ends match a
gold sentence) and boundary F1 (sentence end positions).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from attrlint.readers.plaintext import PlainTextReader


def main(path: Path) -> None:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if d.get("sentence_boundaries", "").startswith("human")]
    gold_spans: set = set()
    pred_spans: set = set()
    gold_ends: set = set()
    pred_ends: set = set()
    misses = []
    for n, d in enumerate(docs):
        doc = PlainTextReader().read(d["id"], d["text"])
        gold = {(n, s["start"], s["end"]) for s in d["sentences"]}
        pred = {(n, s.start, s.end) for s in doc.sentences}
        gold_spans |= gold
        pred_spans |= pred
        gold_ends |= {(n, e) for _, _, e in gold}
        pred_ends |= {(n, e) for _, _, e in pred}
        for _, s, e in sorted(pred - gold)[:3]:
            misses.append(d["text"][s:e][:120].replace("\n", " "))
    def prf(gold, pred):
        tp = len(gold & pred)
        p = tp / len(pred) if pred else 0.0
        r = tp / len(gold) if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    p, r, f = prf(gold_spans, pred_spans)
    bp, br, bf = prf(gold_ends, pred_ends)
    print(f"{len(docs)} documents, {len(gold_spans)} gold sentences, {len(pred_spans)} predicted")
    print(f"exact sentence spans: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"sentence ends:        P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
    if "-v" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl")
