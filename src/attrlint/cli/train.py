"""``attrlint train GOLD.jsonl... -o model.json``: fit the scorer to a newsroom's own labels.

The gold files are articles labelled sentence by sentence in the format of
docs/training.md; the model file written is what ``model = "model.json"`` (or
``--model``) then uses.  Needs ``pip install 'attrlint[train]'`` (scikit-learn).  The same
gold files and seed give the same file, byte for byte.  Exit code 0 once the model is
written; 2 for a malformed gold file, a missing library or too few articles.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from attrlint.cli.check import _Parser
from attrlint.cli.main import EXIT_ERROR, EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrlint train",
                description="Train the scorer on articles labelled by hand (the gold format: docs/training.md).")
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files: one labelled article per line")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the model (JSON)")
    p.add_argument("--corpus", metavar="FILE",
                   help="JSON Lines of {id, text}: the texts of gold records that have no 'text'")
    p.add_argument("--seed", type=int, default=0, help="seed of the cross-validation folds (default 0)")
    p.add_argument("--folds", type=int, default=5,
                   help="folds of the cross-validation that chooses the thresholds (default 5)")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.folds < 2:
        print("attrlint: --folds must be at least 2", file=sys.stderr)
        return EXIT_ERROR
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # liblinear is single-threaded; BLAS threads only contend
    from attrlint.evaluation import GoldError, load_gold
    from attrlint.scoring.model import dumps
    from attrlint.scoring.train import TrainError, train

    try:
        articles = load_gold(args.gold, args.corpus)
        model = train(articles, seed=args.seed, folds=args.folds, sources=[Path(g).name for g in args.gold])
    except (GoldError, TrainError) as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        Path(args.output).write_text(dumps(model), encoding="utf-8")
    except OSError as exc:
        print(f"attrlint: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    t = model["thresholds"]
    print(f"attrlint: trained on {model['trained_on']['articles']} articles "
          f"({model['trained_on']['sentences']} sentences); thresholds: unattributed {t['unattributed']} "
          f"(figures {t['ATR001']}), vague attribution {t['vague-attribution']}; wrote {args.output}", file=sys.stderr)
    return EXIT_OK
