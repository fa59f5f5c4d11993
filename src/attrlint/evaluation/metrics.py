"""Precision, recall and F1 over gold sentences, with the definitions of ``score.py``.

A gold sentence is a positive for the **unattributed** task when its claim is numeric or
factual and its attribution is none, and for the **vague** task when its claim is numeric
or factual and its attribution is vague.  A sentence counts as flagged when a finding of
the task's category (``unattributed``, ``vague-attribution``) overlaps its span (a
half-open overlap: touching is not overlapping).  Precision, recall and F1 are counted
over sentences, pooled across articles; the unattributed task also reports recall per
kind of claim (numeric, factual).  A ratio with nothing to divide is 0.0 (recall by kind:
None), as in ``score.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from attrlint.evaluation.gold import GoldArticle, Sentence

CLAIM_KINDS = ("numeric", "factual")
# task -> (is the gold sentence a positive, the finding category that flags it)
TASKS: dict[str, tuple[Callable[[Sentence], bool], str]] = {
    "unattributed": (lambda s: s[2] in CLAIM_KINDS and s[3] == "none", "unattributed"),
    "vague": (lambda s: s[2] in CLAIM_KINDS and s[3] == "vague", "vague-attribution"),
}


def score(articles: Sequence[GoldArticle], findings_by_article: Mapping[str, Sequence] | Sequence[Sequence]) -> dict:
    """The figures for ``articles`` given their findings: ``findings_by_article`` maps an
    article's id to its findings, or lists them in the order of ``articles``.  A finding
    is a :class:`~attrlint.engine.findings.Finding` or a JSON record (``category``,
    ``start``, ``end``).

    Returns ``{"articles", "sentences", "unattributed": {...}, "vague": {...}}``, each task
    with ``precision``, ``recall``, ``f1`` (unrounded), ``tp``, ``fp``, ``fn`` and
    ``positives``; the unattributed task also ``recall_numeric`` and ``recall_factual``.
    """
    if isinstance(findings_by_article, Mapping):
        per_article = [findings_by_article.get(a.id, ()) for a in articles]
    else:
        per_article = list(findings_by_article)
        if len(per_article) != len(articles):
            raise ValueError(f"{len(per_article)} lists of findings for {len(articles)} articles")
    spans = [[_category_and_span(f) for f in findings] for findings in per_article]
    figures: dict[str, Any] = {"articles": len(articles), "sentences": sum(len(a.sentences) for a in articles)}
    for task in TASKS:
        rows = _rows(articles, spans, task)
        figures[task] = _prf(rows)
        if task == "unattributed":
            for kind in CLAIM_KINDS:
                hits = [p for g, p, s in rows if g and s[2] == kind]
                figures[task][f"recall_{kind}"] = sum(hits) / len(hits) if hits else None
    return figures


def _rows(articles, spans, task: str) -> list[tuple[bool, bool, Sentence]]:
    is_positive, category = TASKS[task]
    return [(is_positive(s), _flagged(s, found, category), s)
            for article, found in zip(articles, spans, strict=True) for s in article.sentences]


def _category_and_span(finding: Any) -> tuple[str, int, int]:
    if isinstance(finding, Mapping):
        return finding["category"], finding["start"], finding["end"]
    return finding.category, finding.start, finding.end


def _flagged(sentence: Sentence, found: list[tuple[str, int, int]], category: str) -> bool:
    start, end = sentence[0], sentence[1]
    return any(c == category and s < end and start < e for c, s, e in found)


def _prf(rows: list[tuple[bool, bool, Sentence]]) -> dict[str, Any]:
    tp = sum(1 for g, p, _ in rows if g and p)
    fp = sum(1 for g, p, _ in rows if p and not g)
    fn = sum(1 for g, p, _ in rows if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "positives": tp + fn}
