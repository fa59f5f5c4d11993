"""Article analysis: claims and attribution for every sentence, scope resolved per block.

This is computed once per document and shared by every rule (rules only read it), so
the text is scanned once whatever the number of rules.

Scope (ANNOTATION.md, "Nearby"): a sentence is sourced by a named cue in itself, or by
a neighbouring sentence *in the same block* that plainly carries the same account:

- the previous sentence is sourced and this one continues it: it refers back to the
  source ("He added", "The company also ...", "The report ..."), or is a quotation
  continuing a quoted speaker;
- the next sentence ends with a trailing attribution (``..., the report said.``) and this
  sentence is a quotation or carries on the same account (it begins with a pronoun).

Attribution never crosses a block (paragraph) break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from attrlint.analysis.attribution import Cue, find_cues
from attrlint.analysis.lexicons import Lexicons, default_lexicons
from attrlint.analysis.numbers import Quantity, find_quantities
from attrlint.document.model import Document, Sentence, Span

_QUOTE_OPEN = regex.compile(r"^[\s(\[]*[\"“‘«]")
_CONTINUES_SOURCE = regex.compile(
    r"^(?:[\"“‘]?\s*)(?:(?:He|She|They|It|We)\b(?!\s+(?:is|was|are|were)\b)|(?:The|This|That|These|Those|Its|Their)\s+"
    r"(?:company|firm|ministry|department|agency|report|study|survey|poll|statement|group|organi[sz]ation|"
    r"government|bank|court|police|spokes\w+|official|officials|researchers|team|authors|document|paper|"
    r"analysis|data|figures|review|letter|release|research|findings)\b|(?:He|She|They)\s+(?:also|further|later|added|noted))"
)


@dataclass(frozen=True)
class AnalysisOptions:
    """Knobs that configuration can turn (``[tool.attrlint.analysis]``).

    ``window``: how many sentences before/after, within the same block, an attribution
    may cover (0 = the sentence only).  ``links_are_citations``: a hyperlink or footnote
    on a sentence sources it.  ``exempt``: regular expressions; a quantity or sentence
    matching one is public record and never a claim (e.g. closing stock prices).
    """

    window: int = 1
    links_are_citations: bool = True
    exempt: tuple[str, ...] = ()


@dataclass
class SentenceAnalysis:
    sentence: Sentence
    quantities: list[Quantity] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    citations: list[Span] = field(default_factory=list)
    is_quote: bool = False
    # Resolved: the cue that sources this sentence, and where it came from.
    source: Cue | Span | None = None
    source_from: str = ""  # self | previous | next | citation

    @property
    def named_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.quality == "named"]

    @property
    def vague_cues(self) -> list[Cue]:
        return [c for c in self.cues if c.quality == "vague"]

    @property
    def attributed(self) -> bool:
        return self.source is not None


@dataclass
class ArticleAnalysis:
    document: Document
    sentences: list[SentenceAnalysis]


def analyse(document: Document, lexicons: Lexicons | None = None,
            options: AnalysisOptions | None = None) -> ArticleAnalysis:
    lex = lexicons or default_lexicons()
    options = options or AnalysisOptions()
    prose = document.prose
    citations = sorted(document.citations, key=lambda c: c.start) if options.links_are_citations else []
    exempt = regex.compile("|".join(f"(?:{e})" for e in options.exempt), regex.IGNORECASE) if options.exempt else None
    result: list[SentenceAnalysis] = []
    for sentence in document.sentences:
        sa = SentenceAnalysis(sentence)
        sa.quantities = find_quantities(prose, sentence.start, sentence.end, lex)
        if exempt is not None:
            sa.quantities = [q for q in sa.quantities if not _exempted(exempt, prose, sentence, q)]
        sa.cues = find_cues(prose, sentence.start, sentence.end, lex)
        sa.citations = [c for c in citations if c.start < sentence.end and sentence.start < c.end]
        sa.is_quote = bool(_QUOTE_OPEN.match(prose, sentence.start))
        result.append(sa)
    _resolve_scope(prose, result, options.window)
    return ArticleAnalysis(document, result)


def _exempted(exempt: regex.Pattern, prose: str, sentence: Sentence, q: Quantity) -> bool:
    """A quantity is exempt when an exempt pattern matches a stretch of the sentence around it."""
    for m in exempt.finditer(prose, sentence.start, sentence.end):
        if m.start() <= q.end and q.start <= m.end():
            return True
    return False


def _resolve_scope(prose: str, sentences: list[SentenceAnalysis], window: int) -> None:
    for sa in sentences:
        named = sa.named_cues
        if named:
            sa.source, sa.source_from = named[0], "self"
        elif sa.citations:
            sa.source, sa.source_from = sa.citations[0], "citation"
    if window <= 0:
        return
    for i, sa in enumerate(sentences):
        if sa.source is not None or sa.vague_cues:
            continue
        text = prose[sa.sentence.start : sa.sentence.end]
        prev = sentences[i - 1] if i > 0 else None
        if prev and prev.sentence.block == sa.sentence.block and prev.source is not None:
            if sa.is_quote or _CONTINUES_SOURCE.match(text):
                sa.source, sa.source_from = prev.source, "previous"
                continue
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt and nxt.sentence.block == sa.sentence.block and nxt.source_from == "self":
            cue = nxt.source
            if isinstance(cue, Cue) and cue.position == "trailing" and (sa.is_quote or nxt.is_quote):
                sa.source, sa.source_from = cue, "next"
