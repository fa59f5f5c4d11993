"""Which sentences the scored rules report, and with what confidence.

Nothing is reported on a sentence the rules read as the article's furniture (a heading,
a dateline, a credit, a caption, a question: :data:`attrlint.scoring.features.STRUCTURAL`).
Vague attribution is reported only where the rules found a vague cue to point at (the
cue is the explanation; the scorer decides whether it leaves the claim vaguely sourced).
Across article-grouped folds this beats both the cues alone and the scorer alone.  A
sentence is at most one of the two things (ANNOTATION.md: a claim is either unsourced or
vaguely sourced): a sentence reported as vaguely sourced is not also reported as
unsourced (of the ways tried to settle a sentence passing both, this lost least of either
category across the folds).  Below :data:`REPORT_FLOOR` nothing is reported.  What is
reported is then shown or not by ``min-confidence``.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrlint.scoring import REPORT_FLOOR


class Verdicts:
    """Per sentence of an article: the confidence to report it with in each category, or
    None when that category does not report it."""

    __slots__ = ("scores", "vague_candidates", "structural", "threshold_v")

    def __init__(self, scores: Sequence[tuple[float, float]], vague_candidates: Sequence[bool],
                 structural: Sequence[bool], thresholds: dict[str, float]) -> None:
        self.scores = scores
        self.vague_candidates = vague_candidates
        self.structural = structural
        self.threshold_v = thresholds["vague-attribution"]

    def unattributed(self, i: int) -> float | None:
        u, v = self.scores[i]
        if u < REPORT_FLOOR or self.structural[i] or (self.vague_candidates[i] and v >= self.threshold_v):
            return None
        return u

    def vague(self, i: int) -> float | None:
        u, v = self.scores[i]
        if not self.vague_candidates[i] or self.structural[i] or v < REPORT_FLOOR:
            return None
        return v
