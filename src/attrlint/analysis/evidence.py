"""Why a claim passed: the attribution cue that sourced it, for ``--show-evidence``."""

from __future__ import annotations

from attrlint.analysis.article import ArticleAnalysis
from attrlint.analysis.attribution import Cue


def passed_claims(analysis: ArticleAnalysis) -> list[dict]:
    """One record per claim sentence that is attributed: the claim and the cue that covers it.

    ``from`` says where the cue was found: ``self`` (in the sentence), ``citation`` (a link or
    footnote on it), ``quote`` (the quotation's speaker), ``quote-intro`` (a sentence that
    introduces the quotation), ``quote-continued`` (a quotation carried over a paragraph
    break), ``previous`` / ``next`` (a neighbouring sentence of the same paragraph),
    ``colon-intro`` (a paragraph that ends "X said:" before the passage), ``interview`` (an
    answer in a question-and-answer interview; the headline names the interviewee).
    """
    text = analysis.document.text
    out = []
    for sa in analysis.sentences:
        if sa.claim_kind is None or not sa.attributed:
            continue
        source = sa.source
        if isinstance(source, Cue):
            attribution = {"cue": text[source.start : source.end], "kind": source.kind, "source": source.source,
                           "quality": source.quality, "start": source.start, "end": source.end}
        else:
            attribution = {"cue": text[source.start : source.end], "kind": "citation", "source": None,
                           "quality": "named", "start": source.start, "end": source.end}
        attribution["from"] = sa.source_from
        out.append({
            "claim_kind": sa.claim_kind,
            "sentence": {"start": sa.sentence.start, "end": sa.sentence.end},
            "attribution": attribution,
        })
    return out
