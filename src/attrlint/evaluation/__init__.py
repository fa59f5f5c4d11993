"""Scoring attrlint against articles labelled by hand (the gold format of docs/training.md).

``load_gold`` reads gold files, ``lint_text`` lints one article in this process and
``score`` counts, sentence by sentence, what the findings got right: the same
definitions as the project's ``score.py``, so ``attrlint evaluate`` and a training
script report the figures the dev set is judged by.
"""

from __future__ import annotations

from attrlint.evaluation.gold import GoldArticle, GoldError, load_gold
from attrlint.evaluation.linting import ArticleLinter, LintError, lint_text
from attrlint.evaluation.metrics import score

__all__ = ["ArticleLinter", "GoldArticle", "GoldError", "LintError", "lint_text", "load_gold", "score"]
