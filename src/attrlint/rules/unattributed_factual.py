"""ATR003 unattributed-factual-claim."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.engine.findings import Excerpt, FactualEvidence, Finding
from attrlint.engine.rule import Example, Rule, RuleContext
from attrlint.scoring.verdicts import unattributed_kind


class UnattributedFactualClaim(Rule):
    code = "ATR003"
    name = "unattributed-factual-claim"
    category = "unattributed"
    severity = "info"
    summary = "A checkable statement of fact (an event, an action, a cause, a record) with no source nearby."
    doc = (
        "Flags a sentence that asserts a specific, checkable fact without a number (that an event "
        "happened, that a named actor did or decided something, a causal claim, a superlative or record, "
        "what someone intends or knows) when no attribution covers it. Not claims: the headline's "
        "kickers and section headings, datelines, bylines, photo captions and credits, questions, "
        "instructions to the reader, the writer's marked speculation ('Perhaps ...'), and sentences "
        "that only introduce a quotation. The severity is info: most news sentences are facts, and a "
        "draft should not be blocked by every plain sentence; editors use it to see what rests on the "
        "reporter's own authority. The evidence names the reason a sentence counted or not. "
        "The trained scorer weighs this evidence with the sentence's context and decides which "
        "sentences are reported, with its confidence; with scorer = false the rules above decide alone."
    )
    examples = (
        Example("The army withdrew from the city on Tuesday.", True),
        Example("The bridge was the first of its kind in Europe.", True),
        Example("The broadcasts began on Monday, and the ministry says they will continue.", True,
                "the first clause is the writer's own"),
        Example("The army withdrew from the city on Tuesday, the defence ministry said.", False),
        Example("Did the army withdraw from the city?", False, "a question"),
        Example("Friday, July 21, 2017", False, "a dateline"),
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        scores = ctx.scores
        text = ctx.document.text
        for i, sa in enumerate(ctx.analysis.sentences):
            if scores is None:  # the hand-set rules alone (scorer = false)
                if sa.claim_kind != "factual" or sa.attributed or sa.hedged:
                    continue
                confidence = 1.0
            else:
                confidence = scores.unattributed(i)
                if confidence is None or unattributed_kind(sa) != "factual":
                    continue
            s = sa.sentence
            claim = sa.unsourced or s
            yield self.finding(
                start=claim.start,
                end=claim.end,
                sentence=s,
                claim_kind="factual",
                message="Unattributed statement of fact: no source nearby.",
                evidence=FactualEvidence(claim=Excerpt(text, claim.start, claim.end), reason=_reason(sa, claim)),
                confidence=confidence,
            )


def _reason(sa, claim) -> str:
    """Why the sentence counted, in the rules' words (the scorer may overrule them)."""
    s = sa.sentence
    if sa.not_claim is not None:
        return f"scored as a claim; the rules took it for: {sa.not_claim}"
    if sa.hedged:
        return "scored as unsourced; the rules found only a vague source"
    if sa.attributed:
        return f"scored as unsourced; the rules took the attribution from the {sa.source_from} sentence"
    if claim is s:
        return "asserts a fact; no attribution cue found"
    if claim.start == s.start:
        return "this clause is the writer's own; the attribution covers only the next"
    return "this clause is the writer's own; the hedge covers only the clause before"
