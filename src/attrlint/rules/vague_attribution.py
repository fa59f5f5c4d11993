"""ATR002 vague-attribution."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.engine.findings import Finding, VagueEvidence
from attrlint.engine.rule import Example, Rule, RuleContext


class VagueAttribution(Rule):
    code = "ATR002"
    name = "vague-attribution"
    category = "vague-attribution"
    severity = "warning"
    summary = "A claim sourced to someone who cannot be identified (experts, sources, reportedly)."
    doc = (
        "Flags attribution that gestures at a source without identifying one: unnamed groups "
        "('experts say', 'analysts believe', 'critics argue', 'officials said' with no government or "
        "body), 'sources', 'some' and 'many believe', unidentified documents ('reports', 'a new study', "
        "'according to circulating figures', 'new evidence suggests'), unnamed groups that think or doubt "
        "('scientists think', 'many people feel that'), hedges ('reportedly', 'allegedly', 'is said to') and "
        "agentless passives that carry the claim ('is thought to', 'were reported'), and estimates and "
        "expectations with nobody behind them ('an estimated 300 people', 'a ruling is expected'). A specifically "
        "described source ('a Pentagon spokesperson', 'analysts at the Stimson Center') is not vague. "
        "Fix it by naming who said it or which document it comes from. "
        "The trained scorer weighs this evidence with the sentence's context and decides which "
        "sentences are reported, with its confidence; with scorer = false the rules above decide alone."
    )
    examples = (
        Example("Experts say the offensive cannot last beyond the winter.", True),
        Example("According to circulating figures, 3,000 soldiers have died.", True),
        Example("The general reportedly ordered the retreat.", True),
        Example("The dam is thought to be the largest in Asia.", True),
        Example("Analysts at the Stimson Center say the offensive cannot last.", False),
        Example("A Pentagon spokesperson said the troops had arrived.", False),
        Example("A study by Harvard University found that most students sleep too little.", False),
        Example("A study by researchers found that most students sleep too little.", True),
        Example("Scientists think the comet is older than the Sun.", True),
        Example("New evidence suggests the wreck lies further north.", True),
        Example("It was revealed that the mill would close in spring.", True),
        Example("The storm killed an estimated 300 people.", True),
        Example("The mayor thinks the cave is older than the town.", False),
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        scores = ctx.scores
        text = ctx.document.text
        for i, sa in enumerate(ctx.analysis.sentences):
            cues = sorted(sa.vague_cues, key=lambda c: c.start)
            if scores is None:  # the hand-set rules alone (scorer = false)
                confidence = 1.0
            else:
                confidence = scores.vague(i)
                if confidence is None:
                    continue
                cues = cues[:1]  # one finding per sentence: the scorer judged the sentence
            last_end = -1
            for cue in cues:
                if cue.start < last_end:
                    continue
                last_end = cue.end
                phrase = text[cue.start : cue.end]
                yield self.finding(
                    start=cue.start,
                    end=cue.end,
                    sentence=sa.sentence,
                    message=f"Vague attribution \u201c{phrase}\u201d: name the source.",
                    evidence=VagueEvidence(vague_source=cue.source, cue=cue.kind),
                    confidence=confidence,
                )
