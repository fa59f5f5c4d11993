"""Which sentences the scored rules report, and with what confidence.

Nothing is reported on a sentence the rules read as the article's furniture (a heading,
a dateline, a credit, a caption, a question: :data:`attrlint.scoring.features.STRUCTURAL`),
and nothing as unsourced on one that names its source outright ("according to the
ministry", "the ministry said that ...", a link) or that the guideline's own conventions
source (an interview's answer, the passage after "X said:"): a model that never saw an
interview cannot learn the convention (:func:`sourced_outright` gives the counts).
Vague attribution is reported only where the rules found a vague cue to point at (the
cue is the explanation; the scorer decides whether it leaves the claim vaguely sourced).
Across article-grouped folds this beats both the cues alone and the scorer alone.  A
sentence is at most one of the two things (ANNOTATION.md: a claim is either unsourced or
vaguely sourced): a sentence reported as vaguely sourced is not also reported as
unsourced (of the ways tried to settle a sentence passing both, this lost least of either
category across the folds).  Below :data:`REPORT_FLOOR` nothing is reported.  What is
reported is then shown or not by ``min-confidence``; a sentence below it is not even
reported (so a suppression comment on it suppresses nothing, and ATR901 says so).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from attrlint.scoring import QUOTED, REPORT_FLOOR


class Verdicts:
    """Per sentence of an article: the confidence to report it with in each category, or
    None when that category does not report it.  ``scores`` are (p unattributed, p vague)
    per sentence, p vague read only where ``vague_candidates`` (elsewhere it may be None)."""

    __slots__ = ("scores", "vague_candidates", "structural", "sourced", "threshold_v", "floor_u", "floor_v")

    def __init__(self, scores: Sequence[tuple[float, float | None]], vague_candidates: Sequence[bool],
                 structural: Sequence[bool], thresholds: dict[str, float],
                 min_confidence: float | Mapping[str, float] = 0.0, sourced: Sequence[bool] = ()) -> None:
        self.scores = scores
        self.vague_candidates = vague_candidates
        self.structural = structural
        self.sourced = sourced or [False] * len(scores)
        self.threshold_v = thresholds["vague-attribution"]
        if isinstance(min_confidence, Mapping):
            category = min_confidence.get("unattributed", 0.0)
            shown_u = min(min_confidence.get(code, category) for code in ("ATR001", "ATR003", "ATR004"))
            shown_v = min_confidence.get("vague-attribution", 0.0)
        else:
            shown_u = shown_v = min_confidence
        self.floor_u = max(REPORT_FLOOR, shown_u)
        self.floor_v = max(REPORT_FLOOR, shown_v)

    def unattributed(self, i: int) -> float | None:
        u, v = self.scores[i]
        if u < self.floor_u or self.structural[i] or self.sourced[i]:
            return None
        if self.vague_candidates[i] and v >= self.threshold_v:
            return None
        return u

    def vague(self, i: int) -> float | None:
        u, v = self.scores[i]
        if not self.vague_candidates[i] or self.structural[i] or v < self.floor_v:
            return None
        return v


# Where the analysis takes a source from that the scorer may not overrule.
OUTRIGHT = frozenset({"citation", "interview", "colon-intro", "quote-intro"})


# What follows a verb of saying when the verb hands over its content: "confirmed that ...",
# "said:", "wrote, ...", "told reporters "..."".
_COMPLEMENT = re.compile(r"\s*(?:that\b|[,:\"“])")


def sourced_outright(sa, prose: str) -> bool:
    """Is the sentence sourced beyond doubt: "according to" a named source in the sentence
    itself, a named source's verb of saying that hands over its content ("Russia and North
    Korea have confirmed that ...", "..., the ministry said."), a link or footnote on it, an
    interview's answer, or the passage after a named source's colon, with no clause left
    unsourced?  (Across the labelled articles, 39 of the 552 sentences sourced by such a verb
    alone were unsourced; the model, which sees the verb as one feature among the
    sentence's words, overruled the right ones as often as the wrong: cross-validated F1
    is the same with and without this veto, and no editor has to dismiss "unsourced" on
    "the ministry confirmed that ...".)"""
    if sa.unsourced is not None:
        return False
    if sa.source_from in OUTRIGHT:
        return True
    if sa.source_from != "self":
        return False
    for c in sa.named_cues:
        if c.kind == "according-to":
            return True
        if c.kind == "verb" and (c.position == "trailing" or _COMPLEMENT.match(prose, c.end)):
            return True
    return False


def rule_flags(analysis) -> tuple[list[bool], list[bool], list[bool]]:
    """Per sentence, what the rules settle without the scorer: (furniture, never reported;
    has a vague cue, the only sentences reported as vague; sourced outright, never reported
    as unsourced).  The linter and training read them from here, so that thresholds are
    chosen on what the rules report."""
    from attrlint.scoring.features import STRUCTURAL

    sentences = analysis.sentences
    prose = analysis.document.prose
    return ([sa.not_claim in STRUCTURAL for sa in sentences], [bool(sa.vague_cues) for sa in sentences],
            [sourced_outright(sa, prose) for sa in sentences])


def unattributed_kind(sa) -> str:
    """Which unattributed rule reports a scored sentence: ``numeric`` (ATR001) when it holds
    a quantity, else ``quote`` (ATR004) when it is mostly inside quotation marks, else
    ``factual`` (ATR003).  One place, so the three rules never both report a sentence."""
    if sa.quantities:
        return "numeric"
    return "quote" if sa.quote_share > QUOTED else "factual"
