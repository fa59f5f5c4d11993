"""ATR003 unattributed-factual-claim."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.engine.findings import Excerpt, FactualEvidence, Finding
from attrlint.engine.rule import Example, Rule, RuleContext


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
        "reporter's own authority. The evidence names the reason a sentence counted or not."
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
        text = ctx.document.text
        for sa in ctx.analysis.sentences:
            if sa.claim_kind != "factual" or sa.attributed or sa.hedged:
                continue
            s = sa.sentence
            claim = sa.unsourced or s
            if claim is s:
                reason = "asserts a fact; no attribution cue found"
            elif claim.start == s.start:
                reason = "this clause is the writer's own; the attribution covers only the next"
            else:
                reason = "this clause is the writer's own; the hedge covers only the clause before"
            yield self.finding(
                start=claim.start,
                end=claim.end,
                sentence=s,
                claim_kind="factual",
                message="Unattributed statement of fact: no source nearby.",
                evidence=FactualEvidence(claim=Excerpt(text, claim.start, claim.end), reason=reason),
            )
