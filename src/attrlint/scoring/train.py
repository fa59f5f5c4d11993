"""Training the scorer on labelled articles (``attrlint train``, scripts/cross_validate.py).

Needs scikit-learn and SciPy (``pip install 'attrlint[train]'``); nothing here is imported
by a plain lint.  The result is the plain-data model of :mod:`attrlint.scoring.model`.

Each article is read as plain text and analysed as the linter does; each of the linter's
sentences takes the label of the gold sentence it overlaps most (score.py's definitions:
``unattributed`` when the claim is numeric or factual and unsourced, ``vague`` when vaguely
sourced).  One L2-regularised logistic regression per category (liblinear, fixed seed:
the same data give the same weights).  The decision thresholds are chosen by
article-grouped cross-validation on the training articles themselves, never by eye.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrlint.evaluation.gold import GoldArticle
from attrlint.scoring.features import FEATURE_SET, article_features
from attrlint.scoring.model import CATEGORIES, FORMAT, VERSION, bucket, dumps

HASH_BITS = 18
DEFAULT_C = 0.25
WEIGHT_DECIMALS = 3
PRUNE_BELOW = 0.1  # smaller weights are left out of the file: cross-validated F1 moves by < 0.005
_THRESHOLD_GRID = [round(0.05 * i, 2) for i in range(2, 20)]  # from attrlint.scoring.REPORT_FLOOR up


class TrainError(Exception):
    """Training cannot run (a missing library, too little data); one line."""


class Rows:
    """The training data: per linter sentence its features, gold category and article."""

    __slots__ = ("features", "labels", "groups", "outlets", "structural", "outright", "vague_cue", "numeric")

    def __init__(self) -> None:
        self.features: list[list[str]] = []
        # What the rules decide themselves (attrlint.scoring.verdicts), read off the analysis
        # as the linter reads it, so that thresholds are chosen on what the rules report.
        self.structural: list[bool] = []
        self.outright: list[bool] = []
        self.vague_cue: list[bool] = []
        self.numeric: list[bool] = []  # has a quantity: ATR001's sentences
        self.labels: list[str] = []  # unattributed | vague-attribution | other
        self.groups: list[int] = []  # index of the article
        self.outlets: list[str] = []


def gold_category(claim: str, attribution: str | None) -> str:
    if claim in ("numeric", "factual"):
        if attribution == "none":
            return "unattributed"
        if attribution == "vague":
            return "vague-attribution"
    return "other"


def sentence_rows(articles: Sequence[GoldArticle]) -> Rows:
    """Features and gold labels of every sentence the linter sees in ``articles``."""
    from attrlint.analysis.article import analyse
    from attrlint.analysis.lexicons import default_lexicons
    from attrlint.readers.plaintext import PlainTextReader
    from attrlint.scoring.verdicts import rule_flags

    reader, lexicons = PlainTextReader(), default_lexicons()
    rows = Rows()
    for n, article in enumerate(articles):
        analysis = analyse(reader.read(f"{n}.txt", article.text), lexicons)
        gold = sorted(article.sentences)
        structural, vague_cue, outright = rule_flags(analysis)
        rows.structural += structural
        rows.vague_cue += vague_cue
        rows.outright += outright
        for sa, features in zip(analysis.sentences, article_features(analysis), strict=True):
            rows.features.append(features)
            rows.labels.append(_label_of(sa.sentence.start, sa.sentence.end, gold))
            rows.groups.append(n)
            rows.outlets.append(article.outlet or "")
            rows.numeric.append(bool(sa.quantities))
    return rows


def _label_of(start: int, end: int, gold: list[tuple]) -> str:
    best, overlap = "other", 0
    for g_start, g_end, claim, attribution in gold:
        if g_start >= end:
            break
        shared = min(end, g_end) - max(start, g_start)
        if shared > overlap:
            best, overlap = gold_category(claim, attribution), shared
    return best


def _sklearn():
    try:
        import numpy
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise TrainError("training needs scikit-learn: pip install 'attrlint[train]'") from None
    return numpy, sparse, LogisticRegression


def _matrix(features: Sequence[Sequence[str]], bits: int):
    numpy, sparse, _ = _sklearn()
    indptr, indices = [0], []
    for row in features:
        indices.extend(sorted({bucket(f, bits) for f in row}))
        indptr.append(len(indices))
    data = numpy.ones(len(indices), dtype=numpy.float64)
    return sparse.csr_matrix((data, numpy.array(indices, dtype=numpy.int32), numpy.array(indptr, dtype=numpy.int32)),
                             shape=(len(features), 1 << bits))


def _fit(matrix, labels: Sequence[str], category: str, c: float, seed: int):
    numpy, _, LogisticRegression = _sklearn()
    target = numpy.array([label == category for label in labels])
    if target.all() or not target.any():
        raise TrainError(f"the training articles need sentences both in and out of category {category!r}")
    # L2, not L1: L1 keeps one of each group of correlated features (the rules' decision or
    # its conjunctions with the kind of article) and drops the others, which made a model
    # that leaned on whichever survived; L2 spreads the weight.  The intercept is scaled up
    # so that liblinear's penalty on it (it treats it as a weight) is negligible.
    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000, intercept_scaling=10.0)
    return model.fit(matrix, target)


def grouped_folds(groups: Sequence[int], k: int, seed: int) -> list[list[int]]:
    """``k`` folds of article indices (an article never on both sides), shuffled by ``seed``."""
    import random

    ids = sorted(set(groups))
    random.Random(seed).shuffle(ids)
    return [sorted(ids[i::k]) for i in range(k)]


def out_of_fold_scores(rows: Rows, k: int = 5, seed: int = 0, c: float = DEFAULT_C) -> list[tuple[float, float]]:
    """Each sentence scored by a model trained without its article (article-grouped k-fold)."""
    numpy, _, _ = _sklearn()
    matrix = _matrix(rows.features, HASH_BITS)
    groups = numpy.array(rows.groups)
    scores = numpy.zeros((len(rows.labels), 2))
    for fold in grouped_folds(rows.groups, k, seed):
        test = numpy.isin(groups, fold)
        train_labels = [label for label, t in zip(rows.labels, test, strict=True) if not t]
        for j, category in enumerate(CATEGORIES):
            model = _fit(matrix[~test], train_labels, category, c, seed)
            scores[test, j] = model.predict_proba(matrix[test])[:, 1]
    return [(float(u), float(v)) for u, v in scores]


# F1 is flat near its best: of the thresholds within this of the best F1, the highest is
# taken (fewer false alarms for the same F1: they are what makes editors switch a linter off).
F1_TOLERANCE = 0.005


def best_threshold(labels: Sequence[str], scores: Sequence[float], category: str) -> float:
    """The highest threshold on the grid whose sentence-level F1 is within
    :data:`F1_TOLERANCE` of the best."""
    f1s = []
    for t in _THRESHOLD_GRID:
        tp = sum(1 for label, s in zip(labels, scores, strict=True) if s >= t and label == category)
        fp = sum(1 for label, s in zip(labels, scores, strict=True) if s >= t and label != category)
        fn = sum(1 for label, s in zip(labels, scores, strict=True) if s < t and label == category)
        f1s.append((2 * tp / (2 * tp + fp + fn) if tp else 0.0, t))
    best = max(f1 for f1, _ in f1s)
    return max(t for f1, t in f1s if f1 >= best - F1_TOLERANCE)


# Figures are what the tool is most about (warnings, and the claims readers check first):
# ATR001 keeps its own, lower threshold, the highest that finds this share of the
# unsourced figures in the out-of-fold scores.
NUMERIC_RECALL = 0.94


def recall_threshold(labels: Sequence[str], scores: Sequence[float], numeric: Sequence[bool],
                     ceiling: float) -> float:
    """The highest threshold (at most ``ceiling``) at which the unsourced numeric sentences
    are found with recall :data:`NUMERIC_RECALL`; ``ceiling`` when it already does."""
    positives = sorted(s for label, s, n in zip(labels, scores, numeric, strict=True)
                       if n and label == "unattributed")
    if not positives:
        return ceiling
    for t in sorted(_THRESHOLD_GRID, reverse=True):
        if t <= ceiling and sum(1 for s in positives if s >= t) >= NUMERIC_RECALL * len(positives):
            return t
    return _THRESHOLD_GRID[0]


def train(articles: Sequence[GoldArticle], *, seed: int = 0, c: float = DEFAULT_C, folds: int = 5,
          sources: Sequence[str] = ()) -> dict:
    """A model (as plain data, see :func:`attrlint.scoring.model.dumps`) trained on ``articles``."""
    rows = sentence_rows(articles)
    if len(set(rows.groups)) < folds:
        raise TrainError(f"training needs at least {folds} articles (got {len(set(rows.groups))})")
    matrix = _matrix(rows.features, HASH_BITS)
    oof = out_of_fold_scores(rows, k=folds, seed=seed, c=c)
    categories, thresholds = {}, {}
    for category in CATEGORIES:
        model = _fit(matrix, rows.labels, category, c, seed)
        kept = [(i, round(float(w), WEIGHT_DECIMALS)) for i, w in enumerate(model.coef_[0]) if abs(w) >= PRUNE_BELOW]
        categories[category] = {"intercept": round(float(model.intercept_[0]), WEIGHT_DECIMALS),
                                "buckets": [i for i, _ in kept], "weights": [w for _, w in kept]}
    # The thresholds are chosen on the out-of-fold scores as the rules report them
    # (attrlint.scoring.verdicts): never on the article's furniture, vague only where a vague
    # cue is, unsourced never where the source is named outright, and a sentence reported
    # as vague not also as unsourced.
    vague_scores = [s[1] if cue and not st else 0.0
                    for s, cue, st in zip(oof, rows.vague_cue, rows.structural, strict=True)]
    thresholds["vague-attribution"] = best_threshold(rows.labels, vague_scores, "vague-attribution")
    unattributed_scores = [0.0 if st or out or v >= thresholds["vague-attribution"] else s[0]
                           for s, v, st, out in zip(oof, vague_scores, rows.structural, rows.outright, strict=True)]
    thresholds["unattributed"] = best_threshold(rows.labels, unattributed_scores, "unattributed")
    thresholds["ATR001"] = recall_threshold(rows.labels, unattributed_scores, rows.numeric, thresholds["unattributed"])
    counts = {category: rows.labels.count(category) for category in (*CATEGORIES, "other")}
    return {
        "format": FORMAT,
        "version": VERSION,
        "feature_set": FEATURE_SET,
        "hash_bits": HASH_BITS,
        "categories": categories,
        "thresholds": thresholds,
        "trained_on": {"articles": len(articles), "sentences": len(rows.labels), "labels": counts,
                       "gold": list(sources), "seed": seed, "C": c, "folds": folds,
                       "threshold_choice": f"best sentence F1 over {folds}-fold article-grouped cross-validation"},
    }


__all__ = ["TrainError", "train", "sentence_rows", "out_of_fold_scores", "best_threshold", "grouped_folds", "dumps"]
