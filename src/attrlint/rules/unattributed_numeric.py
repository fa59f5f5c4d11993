"""ATR001 unattributed-numeric-claim."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.engine.findings import Finding, NumericEvidence
from attrlint.engine.rule import Example, Rule, RuleContext
from attrlint.scoring.verdicts import unattributed_kind


class UnattributedNumericClaim(Rule):
    code = "ATR001"
    name = "unattributed-numeric-claim"
    category = "unattributed"
    severity = "warning"
    summary = "A figure (count, amount, percentage, estimate) with no source nearby."
    doc = (
        "Flags a sentence that states a quantity (a count, an amount of money, a percentage, "
        "a measurement, a range or bound such as 'at least 148' or 'up to 70%', a number in words, "
        "a vague magnitude such as 'thousands of', a multiplier such as 'doubled', or a numeric "
        "ranking) when nothing in the sentence, and no neighbouring sentence of the same paragraph "
        "carrying the same account, says where the figure comes from. Dates, years, times, ages that "
        "identify a person and numbers inside names ('KN-23', 'G7', 'Route 66') are not figures. "
        "Fix it by naming the source: 'according to the ministry', 'the UN estimated', or a link. "
        "The trained scorer weighs this evidence with the sentence's context and decides which "
        "sentences are reported, with its confidence; with scorer = false the rules above decide alone."
    )
    examples = (
        Example("North Korea has sent 14,000 troops to the front.", True),
        Example("Prices rose by up to 70% last year.", True),
        Example("Thousands of people marched through the capital.", True),
        Example("Exports doubled in the first quarter.", True),
        Example("North Korea has sent 14,000 troops, according to South Korean intelligence.", False),
        Example("The ministry said 12 people died in the fire.", False),
        Example("The KN-23 missile was first tested in 2019.", False, "identifiers and years"),
        Example("The company was founded on July 4, 1998.", False, "a date"),
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        scores = ctx.scores
        text = ctx.document.text
        for i, sa in enumerate(ctx.analysis.sentences):
            if scores is None:  # the hand-set rules alone (scorer = false)
                unsourced = sa.unsourced_quantities()
                if sa.claim_kind != "numeric" or not unsourced or sa.hedged:
                    continue
                confidence = 1.0
            else:
                confidence = scores.unattributed(i)
                if confidence is None or unattributed_kind(sa) != "numeric":
                    continue
                unsourced = sa.unsourced_quantities() or sa.quantities
            first = unsourced[0]
            claims = [text[q.start : q.end] for q in unsourced]
            yield self.finding(
                start=first.start,
                end=first.end,
                sentence=sa.sentence,
                claim_kind="numeric",
                message=f"Unattributed figure \u201c{claims[0]}\u201d: no source nearby.",
                evidence=NumericEvidence(claim=claims[0], quantities=claims, kinds=[q.kind for q in unsourced]),
                confidence=confidence,
            )
