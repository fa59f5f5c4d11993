"""What an editor's report says about an article beyond its findings.

From the findings and the shared analysis (:func:`attrlint.analysis.article.analyse`):
how many findings of each kind, how many sentences with figures are attributed, which
sources the piece cites (named, anonymous or vague), and which attribution cues made
sentences pass.  Kept apart from the HTML so it can be tested, and reused, on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from attrlint.analysis.attribution import PRONOUNS, Cue
from attrlint.document.model import Span
from attrlint.engine.findings import Finding

# Finding kinds, in the order a report lists them, with their labels.
KINDS = {
    "figure": "Unattributed figure",
    "fact": "Unattributed fact",
    "quote": "Unattributed quote",
    "vague": "Vague attribution",
    "other": "Other",
}
_CLAIM_KINDS = {"numeric": "figure", "factual": "fact", "quote": "quote"}

SOURCE_KINDS = {"named": "Named", "anonymous": "Anonymous", "vague": "Vague"}
# "a senior official", "a Pentagon spokesperson", "a source close to the talks": one
# person, described but not named.
_ANONYMOUS_ARTICLES = frozenset({"a", "an", "one"})
_PERSON_NOUNS = frozenset(
    """official spokesman spokeswoman spokesperson representative source aide insider diplomat
    officer executive employee adviser advisor staffer member person lawmaker analyst expert
    witness resident investigator minister negotiator""".split()
)
_EDGE_PUNCTUATION = " \t\n.,;:!?\"“”'’"
_ANONYMOUS_STOP = frozenset("close familiar with at from of in to who for on".split())


def finding_kind(finding: Finding) -> str:
    """The report's kind of a finding: figure, fact, quote, vague or other."""
    if finding.category == "unattributed":
        return _CLAIM_KINDS.get(finding.claim_kind or "", "other")
    if finding.category == "vague-attribution":
        return "vague"
    return "other"


@dataclass
class SourceCited:
    text: str  # as first written in the article
    kind: str  # named | anonymous | vague
    count: int = 1


@dataclass
class PassCue:
    """An attribution cue that sources one or more sentences, as a range of the text."""

    start: int
    end: int
    description: str  # 'Source “the ministry” (named)\nCue: according-to', ...
    sentences: int = 1  # how many sentences it sources


@dataclass
class ArticleSummary:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    figure_sentences: int = 0
    figures_attributed: int = 0
    sources: list[SourceCited] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    @property
    def figure_share(self) -> float | None:
        """Share of sentences with figures that are attributed; None when there are none."""
        return self.figures_attributed / self.figure_sentences if self.figure_sentences else None

    def sources_of(self, kind: str) -> list[SourceCited]:
        return [s for s in self.sources if s.kind == kind]


def summarise(findings: list[Finding], analysis) -> ArticleSummary:
    """The summary of one article from its findings and its analysis (None: findings only)."""
    summary = ArticleSummary()
    for f in findings:
        summary.counts[finding_kind(f)] += 1
    if analysis is None:
        return summary
    text = analysis.document.text
    seen: dict[str, SourceCited] = {}
    for sa in analysis.sentences:
        if sa.claim_kind == "numeric":  # as ATR001 sees it: a figure in a sentence that is a claim
            summary.figure_sentences += 1
            summary.figures_attributed += sa.attributed
        for written, kind in _cited(sa, text):
            key = _source_key(written)
            if not key:
                continue
            if key in seen:
                seen[key].count += 1
            else:
                seen[key] = SourceCited(written, kind)
                summary.sources.append(seen[key])
    return summary


def _cited(sa, text: str) -> list[tuple[str, str]]:
    """The sources a sentence cites: the one that sources it (if it is its own), and every
    vague or anonymous one.  Cues that source nothing, pronouns ("he said") and phrases that
    name no source ("is expected to", "a bargaining chip") are left out,
    and so is a vague phrase ("experts say") overlapping a cue that names its source ("experts")."""
    cues = [c for c in sa.cues if c is sa.source or source_kind(c) != "named"]
    sourced = [c for c in cues if c.kind != "vague-phrase"]
    cues = [c for c in cues if c.kind != "vague-phrase" or not any(_overlap(c, o) for o in sourced)]
    from attrlint.analysis.source_names import names_a_source

    cited = [(c.source.strip(_EDGE_PUNCTUATION), source_kind(c)) for c in cues
             if c.source.lower() not in PRONOUNS and names_a_source(c.source.strip(_EDGE_PUNCTUATION), c.kind)]
    if isinstance(sa.source, Span) and sa.source_from == "citation":
        cited.append((" ".join(text[sa.source.start : sa.source.end].split()), "named"))
    return cited


def _overlap(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def combine(summaries: list[ArticleSummary]) -> ArticleSummary:
    """One summary for several articles (sources merged by name)."""
    total = ArticleSummary()
    seen: dict[tuple[str, str], SourceCited] = {}
    for s in summaries:
        for kind, n in s.counts.items():
            total.counts[kind] = total.counts.get(kind, 0) + n
        total.figure_sentences += s.figure_sentences
        total.figures_attributed += s.figures_attributed
        for src in s.sources:
            key = (_source_key(src.text), src.kind)
            if key in seen:
                seen[key].count += src.count
            else:
                seen[key] = SourceCited(src.text, src.kind, src.count)
                total.sources.append(seen[key])
    return total


def source_kind(cue: Cue) -> str:
    """named, anonymous (one unnamed person: "a senior official") or vague."""
    words = [w.strip("\"“”'’,.").lower() for w in cue.source.split()]
    if words and words[0] in _ANONYMOUS_ARTICLES:
        described = []
        for w in words[1:]:
            if w in _ANONYMOUS_STOP:
                break
            described.append(w)
        if described and described[-1] in _PERSON_NOUNS:
            return "anonymous"
    return "vague" if cue.quality == "vague" else "named"


def pass_cues(analysis) -> list[PassCue]:
    """The cue (or citation) that sources each attributed sentence, one entry per cue."""
    found: dict[tuple[int, int], PassCue] = {}
    for sa in analysis.sentences:
        source = sa.source
        if source is None:
            continue
        key = (source.start, source.end)
        if key in found:
            found[key].sentences += 1
        else:
            found[key] = PassCue(source.start, source.end, _describe(source, analysis.document.text))
    return sorted(found.values(), key=lambda c: (c.start, c.end))


def _describe(source: Cue | Span, text: str) -> str:
    if isinstance(source, Cue):
        return f"Source \u201c{source.source}\u201d ({source_kind(source)})\nCue: {source.kind}"
    return f"Source: a citation, \u201c{' '.join(text[source.start : source.end].split())}\u201d"


def _source_key(written: str) -> str:
    words = written.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
