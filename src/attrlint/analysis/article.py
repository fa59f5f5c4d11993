"""Article analysis: claims and attribution for every sentence, scope resolved per block.

This is computed once per document and shared by every rule (rules only read it), so
the text is scanned once whatever the number of rules.

Scope (ANNOTATION.md, "Nearby"): a sentence is sourced by a named cue in itself (or a
citation on it), or by a neighbouring sentence *in the same block* that plainly carries
the same account:

- the sentences of one quotation share its speaker, and a quotation introduced by a
  sourced sentence ending in a colon has that source;
- the previous sentence is sourced and this one continues it: it refers back to the
  source ("He added", "The company also ...", "The report ..."), carries on its reported
  speech ("would"), or is a quotation continuing a quoted speaker;
- the next sentence ends with a trailing attribution (``..., the report said.``) and one
  of the two is a quotation.

Attribution never crosses a block (paragraph) break, with the exceptions ANNOTATION.md
makes, each following the layout, not a guess: a quotation left open at the end of a block
and carried on by the next; the passage after a paragraph that ends by introducing a named
source's words with a colon; the answers of a question-and-answer interview whose
headline announces it.  When a sentence joins an unsourced clause to a sourced one, the unsourced
clause is recorded (``SentenceAnalysis.unsourced``) and flagged.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from attrlint.analysis.attribution import HEDGE_ADVERBS, Cue, find_cues
from attrlint.analysis.claims import has_finite_verb, is_credit, not_a_claim
from attrlint.analysis.lexicons import Lexicons, default_lexicons
from attrlint.analysis.numbers import Quantity, find_quantities
from attrlint.analysis.quotes import continues_quotation, left_open, quotation_spans
from attrlint.analysis.source_names import names_a_source
from attrlint.document.model import Document, Sentence, Span
from attrlint.pattern_cache import compile_pattern

_QUOTE_OPEN = compile_pattern(r"^[\s(\[]*[\"“‘«]")
_CONTINUES_SOURCE = compile_pattern(
    r"^(?:[\"“‘]?\s*)(?:(?:He|She|They|It|We)\b(?!\s+(?:is|was|are|were)\b)|(?:The|This|That|These|Those|Its|Their)\s+"
    r"(?:company|firm|ministry|department|agency|report|study|survey|poll|statement|group|organi[sz]ation|"
    r"government|bank|court|police|spokes\w+|official|officials|researchers|team|authors|document|paper|"
    r"analysis|data|figures|review|letter|release|research|findings|percentage|figure|share|proportion|rate)\b|(?:He|She|They)\s+(?:also|further|later|added|noted))"
)


# A connective that carries on the account before it: "However, cows with collars ate
# less", "There were also ...", "Interestingly, ...".
_CONTINUING_CONNECTIVE = compile_pattern(
    r"^[\"“‘]?\s*(?:(?:However|Also|In\s+addition|Meanwhile|Interestingly|Similarly|By\s+contrast|In\s+contrast|"
    r"Likewise|Moreover|Furthermore|In\s+fact|Yet|Still|Overall)\b|(?:\S+\s+){1,3}?also\b)"
)


_FINDINGS_WORDS = frozenset(
    "study studies report survey poll analysis research review audit census findings data figures statistics".split()
)


def _reports_findings(source: Cue | Span) -> bool:
    """Is the source a study or a survey (whose results the next sentences go on listing)?"""
    return isinstance(source, Cue) and (
        source.kind == "document" or any(w.lower() in _FINDINGS_WORDS for w in source.source.split()))


# "would" right after a sourced sentence carries on its reported speech ("..., the report
# said. By 2050, yields would fall by a third").
_REPORTED_FUTURE = compile_pattern(r"\bwould\b(?!\s+have\b)")


class AnalysisOptions(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """Knobs that configuration can turn (``[tool.attrlint.analysis]``).

    ``window``: how many sentences before/after, within the same block, an attribution
    may cover (0 = the sentence only).  ``links_are_citations``: a hyperlink or footnote
    on a sentence sources it.  ``exempt``: regular expressions; a quantity or sentence
    matching one is public record and never a claim (e.g. closing stock prices).
    """

    window: int = 1
    links_are_citations: bool = True
    exempt: tuple[str, ...] = ()


class SentenceAnalysis:
    """What the analysis found in one sentence and decided about it.

    A plain class with slots (one per sentence of every article), not a dataclass: it is
    defined at every start-up, where a dataclass costs about a millisecond.
    """

    __slots__ = ("sentence", "quantities", "_cues", "named_cues", "vague_cues", "citations", "is_quote",
                 "quote_share", "quote_group", "claim_kind", "not_claim", "source", "source_from",
                 "source_distance", "unsourced")

    def __init__(self, sentence: Sentence, quantities: Sequence[Quantity] = (), cues: Sequence[Cue] = (),
                 citations: Sequence[Span] = ()) -> None:
        self.sentence = sentence
        # Empty ones are the shared () (most sentences have no quantity, cue or citation; a
        # list each costs 56 bytes per sentence: 7 MB on a 5 MB article).
        self.quantities = quantities
        self.cues = cues
        self.citations = citations
        self.is_quote = False  # starts inside a direct quotation
        self.quote_share = 0.0  # share of the sentence inside quotation marks
        self.quote_group = -1  # sentences sharing one quotation share an id
        # Claim: numeric | factual | quote, or None with the reason it is not a claim.
        self.claim_kind: str | None = None
        self.not_claim: str | None = None
        # Resolved: what sources this sentence, and where it came from.
        self.source: Cue | Span | None = None
        self.source_from = ""  # self | citation | quote | quote-intro | previous | next
        self.source_distance = 0
        # "The broadcasts began on August 10, and South Korea says they will continue": the
        # clause before the sourced one is the writer's own (ANNOTATION.md: label by it); so is
        # the clause after ", but" in "No deaths were reported, but the army evacuated 80 people".
        self.unsourced: Span | None = None

    @property
    def cues(self) -> Sequence[Cue]:
        return self._cues

    @cues.setter
    def cues(self, cues: Sequence[Cue]) -> None:
        """The cues, split once into ``named_cues`` and ``vague_cues``: the rules and the
        scorer read those many times per sentence."""
        self._cues = cues
        self.named_cues = tuple(c for c in cues if c.quality == "named") if cues else ()
        self.vague_cues = tuple(c for c in cues if c.quality == "vague") if cues else ()

    @property
    def attributed(self) -> bool:
        """Sourced as a whole: a source covers it and no joined clause stands unsourced."""
        return self.source is not None and self.unsourced is None

    def unsourced_quantities(self) -> Sequence[Quantity]:
        """The quantities no attribution covers (all of them when nothing sources the sentence)."""
        if self.unsourced is not None:
            return [q for q in self.quantities if q.start < self.unsourced.end and self.unsourced.start < q.end]
        return self.quantities if self.source is None else []

    @property
    def hedged(self) -> bool:
        """A vague cue governs the whole sentence (not only a clause before ", but")."""
        return bool(self.vague_cues) and self.unsourced is None


class ArticleAnalysis:
    __slots__ = ("document", "sentences")

    def __init__(self, document: Document, sentences: list[SentenceAnalysis]) -> None:
        self.document = document
        self.sentences = sentences


def analyse(document: Document, lexicons: Lexicons | None = None,
            options: AnalysisOptions | None = None) -> ArticleAnalysis:
    lex = lexicons or default_lexicons()
    options = options or AnalysisOptions()
    prose = document.prose
    citations = sorted(document.citations, key=lambda c: c.start) if options.links_are_citations else []
    exempt = compile_pattern("|".join(f"(?:{e})" for e in options.exempt), regex.IGNORECASE) if options.exempt else None
    result: list[SentenceAnalysis] = []
    quotes_by_block, continued = _quotations(document)
    captions = _caption_blocks(document)
    passed = 0  # citations[:passed] all end before the current sentence (sentences come in order)
    for sentence in document.sentences:
        sa = SentenceAnalysis(sentence)
        # Tuples, not the lists the finders build: 48 bytes instead of ~100 for one item
        # (a 50 MB article keeps ~400,000 of them until its rules have run).
        quantities = find_quantities(prose, sentence.start, sentence.end, lex)
        if exempt is not None and quantities:
            quantities = [q for q in quantities if not _exempted(exempt, prose, sentence, q)]
        sa.quantities = tuple(quantities) if quantities else ()
        cues = find_cues(prose, sentence.start, sentence.end, lex)
        sa.cues = tuple(cues) if cues else ()
        while passed < len(citations) and citations[passed].end <= sentence.start:
            passed += 1
        found = _overlapping(citations, passed, sentence)
        sa.citations = tuple(found) if found else ()
        _place_in_quotations(sa, quotes_by_block[sentence.block], prose)
        _classify_claim(sa, document, prose, sentence.block in captions)
        result.append(sa)
    _resolve_scope(prose, result, options.window, continued, document.blocks)
    return ArticleAnalysis(document, result)


def _overlapping(citations: list[Span], first: int, sentence: Sentence) -> list[Span]:
    """The citations from ``first`` on that overlap the sentence (they are sorted by start,
    so the scan stops at the first that starts after it)."""
    found = []
    for c in itertools.islice(citations, first, None):
        if c.start >= sentence.end:
            break
        if sentence.start < c.end:
            found.append(c)
    return found


def _quotations(document: Document) -> tuple[dict[int, list[tuple[int, int]]], set[int]]:
    """Quotation spans per block, and the blocks that carry on the previous block's
    quotation by news convention (it ended inside a quotation that no mark closed)."""
    spans_by_block: dict[int, list[tuple[int, int]]] = {}
    continued: set[int] = set()
    carry = False
    for b, block in enumerate(document.blocks):
        carry = carry and continues_quotation(document.prose, block.start, block.end)
        spans = quotation_spans(document.prose, block.start, block.end, starts_open=carry)
        spans_by_block[b] = spans
        if carry:
            continued.add(b)
        carry = block.kind in ("paragraph", "blockquote") and left_open(document.prose, spans, block.end)
    return spans_by_block, continued


def _place_in_quotations(sa: SentenceAnalysis, spans: list[tuple[int, int]], prose: str) -> None:
    s, e = sa.sentence.start, sa.sentence.end
    inside = 0
    # The spans are in order and never overlap: only those from the first that ends after the
    # sentence starts can touch it (a block's sentences would otherwise each scan all of them).
    for qs, qe in spans[bisect.bisect_right(spans, s, key=lambda span: span[1]):]:
        if qs >= e:
            break
        if s < qe:
            inside += min(e, qe) - max(s, qs)
            if sa.quote_group < 0:
                sa.quote_group = qs
            if qs <= s or not prose[s:qs].strip(" ([\t"):
                sa.is_quote = True
    if inside:
        sa.quote_share = inside / max(1, e - s)


def _caption_blocks(document: Document) -> set[int]:
    """Blocks that caption a photo: they hold a credit ("Image: NASA."), or the block right
    after them is nothing but a credit."""
    credited: set[int] = set()
    only_credit: set[int] = set()
    for sentence in document.sentences:
        if is_credit(document.prose[sentence.start : sentence.end]):
            credited.add(sentence.block)
            block = document.blocks[sentence.block]
            if sentence.index_in_block == 0 and sentence.end >= block.end - 1:
                only_credit.add(sentence.block)
    return credited | {b - 1 for b in only_credit if b > 0}


def _classify_claim(sa: SentenceAnalysis, document: Document, prose: str, is_caption: bool) -> None:
    block = document.blocks[sa.sentence.block]
    reason = not_a_claim(
        prose[sa.sentence.start : sa.sentence.end],
        is_caption=is_caption,
        block_text=_block_text(prose, block.start, block.end),
        block_kind=block.kind,
        is_headline=sa.sentence.block == 0 and sa.sentence.index_in_block == 0,
        has_quantity=bool(sa.quantities),
    )
    if reason is not None:
        sa.not_claim = reason
    elif sa.quantities:
        sa.claim_kind = "numeric"
    elif sa.quote_share > 0.6:
        sa.claim_kind = "quote"
    else:
        sa.claim_kind = "factual"


@lru_cache(maxsize=4)
def _block_text(prose: str, start: int, end: int) -> str:
    """One copy of a block's text for all its sentences (copying it per sentence is quadratic)."""
    return prose[start:end]


def _exempted(exempt: regex.Pattern, prose: str, sentence: Sentence, q: Quantity) -> bool:
    """A quantity is exempt when an exempt pattern matches a stretch of the sentence around it."""
    for m in exempt.finditer(prose, sentence.start, sentence.end):
        if m.start() <= q.end and q.start <= m.end():
            return True
    return False


def _resolve_scope(prose: str, sentences: list[SentenceAnalysis], window: int,
                   continued: frozenset[int] | set[int] = frozenset(), document_blocks: Sequence = ()) -> None:
    for sa in sentences:
        named = sa.named_cues
        if named:
            sa.source, sa.source_from = named[0], "self"
            sa.unsourced = _unsourced_lead(prose, sa)
        elif sa.citations:
            sa.source, sa.source_from = sa.citations[0], "citation"
        elif sa.vague_cues:
            sa.unsourced = _unsourced_tail(prose, sa)
    if window <= 0:
        return
    _resolve_quotations(prose, sentences, continued)
    _resolve_neighbours(prose, sentences, window)
    _resolve_quotations(prose, sentences, continued)
    _resolve_colon_passages(prose, sentences, document_blocks)
    _resolve_interview_answers(prose, sentences)


_LIST_MARKER = compile_pattern(r"\s*(?:[-*•–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")


def _resolve_colon_passages(prose: str, sentences: list[SentenceAnalysis], blocks: Sequence) -> None:
    """ANNOTATION.md's one crossing of a paragraph break: a paragraph that ends by
    introducing, with a colon, what a named source says or found ("The report lists five
    findings:", "In a statement, the ministry said:") covers the passage after it: the next
    paragraph, and the list items or block quotations that follow it."""
    by_block: dict[int, list[SentenceAnalysis]] = {}
    for sa in sentences:
        by_block.setdefault(sa.sentence.block, []).append(sa)
    source, passage_started = None, False
    for block in sorted(by_block):
        members = by_block[block]
        if source is not None:
            first = members[0].sentence
            listy = (block < len(blocks) and blocks[block].kind in ("list_item", "blockquote")) or bool(
                _LIST_MARKER.match(prose, first.start, first.end))
            if passage_started and not listy:
                source = None
            else:
                for sa in members:
                    if sa.source is None and not sa.vague_cues:
                        sa.source, sa.source_from, sa.source_distance = source, "colon-intro", 0
                passage_started = True
        last = members[-1]
        if (last.source_from == "self" and last.unsourced is None
                and prose[last.sentence.start : last.sentence.end].rstrip().endswith(":")
                and names_a_source(last.source.source, last.source.kind)):
            source, passage_started = last.source, False


# A headline that announces an interview: "Wikinews interviews ...", "An interview with ...",
# "X tells Wikinews ...", "... speaks to ...", "Q&A: ...".
_INTERVIEW_HEADLINE = compile_pattern(
    r"\b(?:interviews?|interviewed|Q\s*&\s*A|tells|talks\s+(?:to|with)|speaks\s+(?:to|with))\b", regex.IGNORECASE)


def _resolve_interview_answers(prose: str, sentences: list[SentenceAnalysis]) -> None:
    """ANNOTATION.md: in a question-and-answer interview whose headline names the
    interviewee, the answers are that person's words.  An answer is a paragraph after a
    paragraph that ends with a question, up to the next question; the headline is taken as
    its source.  Two questions at least, so that one rhetorical question in a story that
    happens to mention an interview does not make its paragraphs answers."""
    if not sentences or sentences[0].sentence.block != 0:
        return
    headline = sentences[0].sentence
    if not _INTERVIEW_HEADLINE.search(prose, headline.start, headline.end):
        return
    last_of_block: dict[int, SentenceAnalysis] = {}
    for sa in sentences:
        last_of_block[sa.sentence.block] = sa
    asks = {b for b, sa in last_of_block.items()
            if prose[sa.sentence.start : sa.sentence.end].rstrip().rstrip("\"”’'").endswith("?")}
    if len(asks) < 2:
        return
    answering = False
    block = -1
    for sa in sentences:
        if sa.sentence.block != block:
            block = sa.sentence.block
            answering = (block - 1 in asks) or (answering and block not in asks)
        if answering and block not in asks and sa.source is None and not sa.vague_cues:
            sa.source, sa.source_from, sa.source_distance = Span(headline.start, headline.end), "interview", 0


# Clause joins; a bare " and " counts only right before the speaker ("... began on Monday
# and South Korea says ...").  A whitespace run is entered at its start only (else a long run
# is rescanned from each space: quadratic).
_JOIN = compile_pattern(r",?(?<!\s)\s++(?:and|but|while|whereas)\s+|;\s+")


def _unsourced_lead(prose: str, sa: SentenceAnalysis) -> Span | None:
    """The clause a sentence opens with when every named cue sits in a later, joined clause
    and speaks only for that clause (it is not a trailing "..., she said.")."""
    s = sa.sentence
    cues = sa.named_cues
    if any(c.position == "trailing" or c.kind not in ("verb", "issued") for c in cues):
        return None
    first_cue = min(c.start for c in cues)
    joins = [m for m in _JOIN.finditer(prose, s.start, first_cue)
             if m.group().startswith((",", ";")) or m.end() == first_cue]
    if not joins:
        return None
    lead = prose[s.start : joins[-1].start()]
    if len(lead.split()) < 4 or not has_finite_verb(lead) or _QUOTE_OPEN.match(lead):
        return None
    return Span(s.start, joins[-1].start())


# What turns to a new assertion after a clause the vague cue governs.
_CONTRAST = compile_pattern(r",?(?<!\s)\s++but\s+|;\s+")


def _unsourced_tail(prose: str, sa: SentenceAnalysis) -> Span | None:
    """The clause after ", but" or ";" when every vague cue sits before it: "No deaths were
    reported, but the army evacuated 80 people" hedges the first clause only."""
    s = sa.sentence
    if any(c.source.lower() in HEDGE_ADVERBS for c in sa.vague_cues):
        return None  # "reportedly", "allegedly" qualify a phrase; where their reach ends is unclear
    last_cue = max(c.end for c in sa.vague_cues)
    turn = _CONTRAST.search(prose, last_cue, s.end)
    if turn is None:
        return None
    tail = prose[turn.end() : s.end]
    if len(tail.split()) < 4 or not has_finite_verb(tail) or _QUOTE_OPEN.match(tail):
        return None
    return Span(turn.end(), s.end)


def _resolve_neighbours(prose: str, sentences: list[SentenceAnalysis], window: int) -> None:
    for i, sa in enumerate(sentences):
        if sa.source is not None or sa.vague_cues:
            continue
        text = prose[sa.sentence.start : sa.sentence.end]
        prev = sentences[i - 1] if i > 0 else None
        if (prev and prev.sentence.block == sa.sentence.block and prev.source is not None
                and prev.source_distance < window):
            if (sa.is_quote or _CONTINUES_SOURCE.match(text) or _REPORTED_FUTURE.search(text)
                    or (_CONTINUING_CONNECTIVE.match(text) and _reports_findings(prev.source))):
                sa.source, sa.source_from = prev.source, "previous"
                sa.source_distance = prev.source_distance + 1
                continue
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt and nxt.sentence.block == sa.sentence.block and _is_credit_line(prose, sentences, i + 1):
            sa.source, sa.source_from, sa.source_distance = nxt.sentence, "credit-line", 1
            continue
        if (prev and prev.sentence.block == sa.sentence.block and prev.source is not None
                and prev.source_distance < window and _refers_back(prose, sa, prev)):
            sa.source, sa.source_from = prev.source, "previous"
            sa.source_distance = prev.source_distance + 1
            continue
        if nxt and nxt.sentence.block == sa.sentence.block and nxt.source_from == "self":
            cue = nxt.source
            if isinstance(cue, Cue) and cue.position == "trailing" and (sa.is_quote or nxt.is_quote):
                sa.source, sa.source_from, sa.source_distance = cue, "next", 1


# "John Cornyn, U.S. Senator (R-Texas)" closing a paragraph: a name and a title, no verb.
_CREDIT_LINE = compile_pattern(r"[-–—\s]*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3},\s+[^!?\"“”]{2,60}$")


def _is_credit_line(prose: str, sentences: list[SentenceAnalysis], j: int) -> bool:
    """A name with a title closing a paragraph credits the quotation before it."""
    sa = sentences[j]
    s = sa.sentence
    last_in_block = j == len(sentences) - 1 or sentences[j + 1].sentence.block != s.block
    return (last_in_block and sa.not_claim is not None and s.index_in_block > 0
            and bool(_CREDIT_LINE.match(prose, s.start, s.end)))


# "At least 11 of the incidents involved ...": a share of what the sourced sentence before
# counted ("44 previous incidents") carries on its account.
_PARTITIVE = compile_pattern(
    r"[\"“‘]?\s*(?:(?:At\s+least|At\s+most|About|Nearly|Almost|Some|Only|Just|More\s+than|Fewer\s+than|Over)\s+"
    r"(?:\d[\d,]*|\p{L}+)|\d[\d,]*)\s+of\s+(?:the|these|those)\s+(?P<noun>\p{L}+)"
)


def _refers_back(prose: str, sa: SentenceAnalysis, prev: SentenceAnalysis) -> bool:
    m = _PARTITIVE.match(prose, sa.sentence.start, sa.sentence.end)
    if m is None:
        return False
    stem = m.group("noun").lower()[:6]
    return len(stem) >= 4 and stem in prose[prev.sentence.start : prev.sentence.end].lower()


def _resolve_quotations(prose: str, sentences: list[SentenceAnalysis], continued: set[int]) -> None:
    """Sentences of one quotation share its speaker.  A quotation introduced by a sourced
    sentence ending in a colon (in the same block, or closing the block before) has one, and
    so does a quotation that carries on from the previous block (see
    :func:`_continued_quotation_blocks`): the one convention by which a source crosses a
    paragraph break."""
    groups: dict[tuple[int, int], list[SentenceAnalysis]] = {}
    for sa in sentences:
        if sa.quote_group >= 0:
            groups.setdefault((sa.sentence.block, sa.quote_group), []).append(sa)
    index = {id(sa): i for i, sa in enumerate(sentences)}
    for members in groups.values():
        speaker = next((m.source for m in members if m.source is not None), None)
        how = "quote"
        if speaker is None:
            first = index[id(members[0])]
            before = sentences[first - 1] if first > 0 else None
            if before is not None and before.source_from == "self":
                intro = prose[before.sentence.start : before.sentence.end].rstrip()
                same_block = before.sentence.block == members[0].sentence.block
                if intro.endswith((":", ",")) and (same_block or members[0].sentence.index_in_block == 0):
                    speaker, how = before.source, "quote-intro"
            if (speaker is None and before is not None and members[0].sentence.block in continued
                    and before.quote_group >= 0):
                speaker, how = before.source, "quote-continued"
        if speaker is None:
            continue
        for m in members:
            if m.source is None and not m.vague_cues:
                m.source, m.source_from, m.source_distance = speaker, how, 0
