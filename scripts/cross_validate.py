#!/usr/bin/env python3
"""How well attrlint detects on articles it was not fitted on.

    python scripts/cross_validate.py ../shared/eval/train.jsonl ../shared/eval/dev.jsonl \\
        --dev ../shared/eval/dev.jsonl [--folds 5] [--seed 0] [--json OUT]

Prints, with score.py's definitions (attrlint.evaluation.metrics):

1. article-grouped k-fold cross-validation over all the gold files together (an article is
   never on both sides), pooled: the rules alone (``scorer = false``) and rules + scorer;
2. leave-one-outlet-out (grouped by the ``outlet`` field): per outlet and pooled;
3. with ``--dev``: that file scored by a model trained on the other files alone.

Every figure with the scorer comes from a model that did not see the articles it is scored
on; each fold's model chooses its own thresholds by cross-validation inside its training
articles.  Needs ``pip install -e '.[train]'``; takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # liblinear is single-threaded; BLAS threads only contend

from attrlint.evaluation.gold import load_gold  # noqa: E402
from attrlint.evaluation.linting import ArticleLinter  # noqa: E402
from attrlint.evaluation.metrics import score  # noqa: E402
from attrlint.scoring.model import dumps  # noqa: E402
from attrlint.scoring.train import grouped_folds, train  # noqa: E402


def lint_all(articles, overrides) -> list:
    linter = ArticleLinter(overrides=overrides, no_plugins=True)
    return [linter.lint(a.text, f"{n}.txt") for n, a in enumerate(articles)]


def with_model(train_articles, test_articles, seed: int, folder: Path) -> list:
    """Findings on ``test_articles`` of a model trained on ``train_articles`` alone."""
    model = train(train_articles, seed=seed)
    path = folder / f"model-{len(list(folder.iterdir()))}.json"
    path.write_text(dumps(model), encoding="utf-8")
    return lint_all(test_articles, {"model": str(path)})


def figures(articles, findings) -> dict:
    out = score(articles, findings)
    u, v = out["unattributed"], out["vague"]
    return {"articles": len(articles), "sentences": out["sentences"],
            "unattributed": {k: _r(u[k]) for k in ("precision", "recall", "f1", "recall_numeric", "recall_factual")},
            "vague": {k: _r(v[k]) for k in ("precision", "recall", "f1")}}


def _r(x):
    return None if x is None else round(x, 3)


def row(name: str, f: dict) -> str:
    u, v = f["unattributed"], f["vague"]
    num = "-" if u["recall_numeric"] is None else f"{u['recall_numeric']:.3f}"
    return (f"| {name} | {f['articles']} | {u['precision']:.3f} | {u['recall']:.3f} | **{u['f1']:.3f}** | {num} "
            f"| {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |")


HEADER = ("| | articles | unattributed P | R | F1 | recall numeric | vague P | R | F1 |\n"
          "|---|---|---|---|---|---|---|---|---|")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSONL files (the format of ../shared/eval)")
    ap.add_argument("--dev", type=Path, help="also score this file with a model trained on the others alone")
    ap.add_argument("--corpus", type=Path, help="article texts by id, for gold records without text")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write every figure to this file as JSON")
    args = ap.parse_args()

    articles = load_gold(args.gold, corpus=args.corpus)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rules = lint_all(articles, {"scorer": False})
        results["rules_pooled"] = figures(articles, rules)

        scored: list = [None] * len(articles)
        for fold in grouped_folds(list(range(len(articles))), args.folds, args.seed):
            held = set(fold)
            test = [a for i, a in enumerate(articles) if i in held]
            found = with_model([a for i, a in enumerate(articles) if i not in held], test, args.seed, folder)
            for i, f in zip(fold, found, strict=True):
                scored[i] = f
        results["kfold_pooled"] = figures(articles, scored)

        outlets = sorted({a.outlet or "" for a in articles})
        looo: list = [None] * len(articles)
        results["looo"] = {}
        for outlet in outlets:
            idx = [i for i, a in enumerate(articles) if (a.outlet or "") == outlet]
            test = [articles[i] for i in idx]
            found = with_model([a for a in articles if (a.outlet or "") != outlet], test, args.seed, folder)
            for i, f in zip(idx, found, strict=True):
                looo[i] = f
            results["looo"][outlet] = {"scorer": figures(test, found),
                                       "rules": figures(test, [rules[i] for i in idx])}
        results["looo_pooled"] = figures(articles, looo)

        if args.dev:
            dev_ids = {a.id for a in load_gold([args.dev], corpus=args.corpus)}
            dev = [a for a in articles if a.id in dev_ids]
            rest = [a for a in articles if a.id not in dev_ids]
            results["dev_from_train"] = figures(dev, with_model(rest, dev, args.seed, folder))
            results["dev_rules"] = figures(dev, [rules[i] for i, a in enumerate(articles) if a.id in dev_ids])

    print(f"## Article-grouped {args.folds}-fold cross-validation, pooled ({len(articles)} articles)\n")
    print(HEADER)
    print(row("rules alone", results["rules_pooled"]))
    print(row("rules + scorer", results["kfold_pooled"]))
    print("\n## Leave one outlet out\n")
    print(HEADER)
    for outlet, r in results["looo"].items():
        print(row(f"{outlet}: rules alone", r["rules"]))
        print(row(f"{outlet}: rules + scorer", r["scorer"]))
    print(row("pooled: rules alone", results["rules_pooled"]))
    print(row("pooled: rules + scorer", results["looo_pooled"]))
    if args.dev:
        print(f"\n## {args.dev.name} scored by a model trained without it\n")
        print(HEADER)
        print(row("rules alone", results["dev_rules"]))
        print(row("rules + scorer (trained on the other files)", results["dev_from_train"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
