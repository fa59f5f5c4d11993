"""ATR004 unattributed-quote."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.engine.findings import ClaimEvidence, Excerpt, Finding
from attrlint.engine.rule import Example, Rule, RuleContext
from attrlint.scoring.verdicts import unattributed_kind


class UnattributedQuote(Rule):
    code = "ATR004"
    name = "unattributed-quote"
    category = "unattributed"
    severity = "warning"
    summary = "A direct quotation whose speaker is not identified nearby."
    doc = (
        "Flags a direct quotation when nobody is named as its speaker in the same sentence, in the "
        "sentences of the same quotation, in an introducing sentence that ends with a colon, or in a "
        "neighbouring sentence of the same paragraph ('\"...,\" she said.'). A quotation that carries on "
        "after a paragraph break must name its speaker again, because attribution never crosses a "
        "paragraph break (unless the previous paragraph's quotation was left open, the news convention "
        "for one speaker's quote running over several paragraphs). A quotation is reported once, at the "
        "sentence where it opens. Fix it by saying who spoke. "
        "The trained scorer weighs this evidence with the sentence's context and decides which "
        "sentences are reported, with its confidence; with scorer = false the rules above decide alone."
    )
    examples = (
        Example("\u201cWe will not give up the city,\u201d the mayor said.", False),
        Example("The mayor spoke to reporters. \u201cWe will not give up the city.\u201d", False),
        Example("\u201cWe will not give up the city. The army is with us.\u201d", True),
        Example("The mayor said the city would hold.\n\n\u201cWe will not give up the city.\u201d", True,
                "a new paragraph needs its speaker"),
        Example("The council issued a statement saying \u201cWe will not give up the city.\u201d", False,
                "the body that issued the statement speaks it"),
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        scores = ctx.scores
        text = ctx.document.text
        reported: set[tuple[int, int]] = set()
        for i, sa in enumerate(ctx.analysis.sentences):
            if scores is None:  # the hand-set rules alone (scorer = false)
                if sa.claim_kind != "quote" or sa.attributed or sa.hedged:
                    continue
                confidence = 1.0
            else:
                confidence = scores.unattributed(i)
                if confidence is None or unattributed_kind(sa) != "quote":
                    continue
            quotation = (sa.sentence.block, sa.quote_group)
            if quotation in reported:
                continue  # one finding per quotation, where it opens
            reported.add(quotation)
            s = sa.sentence
            yield self.finding(
                start=s.start,
                end=s.end,
                sentence=s,
                claim_kind="quote",
                message="Quotation with no identified speaker nearby.",
                evidence=ClaimEvidence(claim=Excerpt(text, s.start, s.end)),
                confidence=confidence,
            )
