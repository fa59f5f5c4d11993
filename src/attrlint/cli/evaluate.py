"""``attrlint evaluate GOLD.jsonl...``: precision, recall and F1 against labelled articles.

Each gold article is linted in this process as a plain-text file with the default
configuration (``--min-confidence`` and ``--model`` as given) and scored sentence by
sentence with ``score.py``'s definitions (:mod:`attrlint.evaluation.metrics`).  Exit
code 0 once the figures are printed; 2 for a malformed gold file, a bad option or a rule
that raised.
"""

from __future__ import annotations

import argparse
import json
import sys

from attrlint.cli.check import _Parser, add_confidence_options, cli_overrides
from attrlint.cli.main import EXIT_ERROR, EXIT_OK

_LABELS = {"unattributed": "unattributed", "vague": "vague attribution"}


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="attrlint evaluate",
                description="Score attrlint against articles labelled by hand (the gold format: docs/training.md).")
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files: one labelled article per line")
    p.add_argument("--corpus", metavar="FILE",
                   help="JSON Lines of {id, text}: the texts of gold records that have no 'text'")
    p.add_argument("--format", choices=["text", "json"], default="text", help="a table (default) or one JSON object")
    add_confidence_options(p)
    p.add_argument("--no-plugins", action="store_true", help="load only built-in rules (also: ATTRLINT_NO_PLUGINS=1)")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from attrlint.config.errors import ConfigError
    from attrlint.evaluation import ArticleLinter, GoldError, LintError, load_gold, score

    try:
        articles = load_gold(args.gold, args.corpus)
    except GoldError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        linter = ArticleLinter(cli_overrides(argparse.Namespace(select="", ignore="", fail_on=None,
                                                                min_confidence=args.min_confidence, model=args.model,
                                                                no_scorer=args.no_scorer)),
                               no_plugins=args.no_plugins)
    except ConfigError as exc:
        print(f"attrlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for line in linter.errors:
        print(line, file=sys.stderr)
    findings = []
    for n, article in enumerate(articles):
        try:
            findings.append(linter.lint(article.text, f"{n}.txt"))  # named as score.py names its files
        except LintError as exc:
            print(f"attrlint: article {article.id!r}: {exc}", file=sys.stderr)
            return EXIT_ERROR
    figures = score(articles, findings)
    if args.format == "json":
        json.dump({"gold": args.gold, **_rounded(figures)}, sys.stdout)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_table(args.gold, figures))
    return EXIT_OK


def _rounded(value):
    """Figures to 3 decimals, as score.py prints them."""
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return round(value, 3) if isinstance(value, float) else value


def _table(gold: list[str], figures: dict) -> str:
    lines = [f"{', '.join(gold)}: {figures['articles']} articles, {figures['sentences']} sentences"]
    for task, label in _LABELS.items():
        t = figures[task]
        lines.append(f"  {label:18s} P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  "
                     f"(tp {t['tp']} fp {t['fp']} fn {t['fn']})")
    u = figures["unattributed"]
    lines.append("  unattributed recall by claim kind: "
                 + "  ".join(f"{kind} {_maybe(u[f'recall_{kind}'])}" for kind in ("numeric", "factual")))
    return "\n".join(lines) + "\n"


def _maybe(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
