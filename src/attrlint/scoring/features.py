"""What the scorer sees of a sentence: the rules' evidence, its context, and its words.

Every feature is a string (present or not); the model gives each a weight.  The names say
where a feature comes from (``rule:`` the decision the hand-set rules made, ``cue:`` an
attribution cue, ``prev:``/``next:`` the neighbouring sentence of the same block, ``art:``
the article as a whole, ``w:`` a word), so a model file can be read by a person.  The set
is versioned (:data:`FEATURE_SET`): a model trained on another set is refused, not
silently misapplied.

Computed once per article from the shared analysis; no extra pass over the text beyond
reading each sentence's words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from attrlint.analysis.article import ArticleAnalysis, SentenceAnalysis
from attrlint.analysis.attribution import Cue

# Bump when a feature is added, removed or changes meaning: models name the set they were
# trained on, and a mismatched model is an error.
FEATURE_SET = "attrlint-sentence-features/3"

# The standard library's ``re``: one findall per sentence over lower-cased text, digits
# folded to 0 first (a feature per number would be a feature per article).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[%$€£]")
# The same words in a text without "_", where \w is [^\W_]: one test per character instead
# of a negated set (a sixth faster).
_WORD_NO_UNDERSCORE = re.compile(r"\w+(?:['’]\w+)?|[%$€£]")
# A space before a capital letter: within a sentence, the capitalised words after its first.
# (Two matches never overlap: a capital is no space.)
_CAPITALISED = re.compile(r"\s[A-Z]")
# Digits are folded with a regular expression, not str.translate: translate takes a slow
# path, character by character, on any text that is not pure ASCII (curly quotes, dashes),
# where it cost a fifth of the features' time.
_NONZERO_DIGIT = re.compile("[1-9]")
_FIRST_PERSON = frozenset("i we me us my our mine ours".split())
_SECOND_PERSON = frozenset("you your yours".split())
_MODALS = frozenset("can could may might will would should must shall".split())
_PAST_AUX = frozenset("was were had did".split())
_PRESENT_AUX = frozenset("is are has have does do".split())
_BE = frozenset("is are was were be been being".split())
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being) [^\W\d_]+(?:ed|en)\b")
_HEDGE_WORDS = frozenset("reportedly allegedly apparently supposedly purportedly seemingly believed thought "
                         "rumoured rumored".split())


def _bucket(n: float, edges: Sequence[float]) -> str:
    for i, edge in enumerate(edges):
        if n <= edge:
            return str(i)
    return str(len(edges))


def _names(prefix: str, edges: Sequence[int]) -> tuple[str, ...]:
    """The feature names ``prefix + _bucket(n, edges)`` for n from 0 to the last edge + 1,
    built once instead of per sentence (:func:`_nth` looks them up)."""
    return tuple(prefix + _bucket(n, edges) for n in range(edges[-1] + 2))


def _nth(names: tuple[str, ...], n: int) -> str:
    """``names[n]``; an integer beyond the table is in the last bucket."""
    return names[n] if n < len(names) else names[-1]


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold_digits(text.lower()))


def _fold_digits(text: str) -> str:
    return _NONZERO_DIGIT.sub("0", text)


# Most of a sentence's features are functions of a few small values (the rules' decision,
# the claim's kind, the block's size ...): each group of them is built once per distinct
# value-tuple and kept, the same tuple object for every sentence with those values.  The
# scorer then sums a group's weights once (:meth:`attrlint.scoring.model.Model.score`), and
# training reads the same strings in the same order: one implementation for both.


def _cue_key(cues: Sequence[Cue]) -> tuple:
    """What the cue features read of a sentence's cues (not their offsets)."""
    return tuple((c.kind, c.quality, c.position, c.source.lower()[:30] if c.quality == "vague" else "")
                 for c in cues)


@lru_cache(maxsize=16384)  # bounded: the vague cues' sources are the writer's words
def _evidence_features(decision: str, claim_kind: str | None, not_claim: str | None, source_from: str,
                       unsourced_clause: bool, hedged: bool, cues: tuple, citation: bool,
                       quantity_kinds: tuple[str, ...], unsourced_quantities: int, quote_share: int,
                       starts_in_quote: bool) -> tuple[str, ...]:
    """The rules' evidence on the sentence: their decision, claim, cues, figures and quotes
    (``quote_share`` is the index of its bucket)."""
    f = ["bias", decision, "claim:" + (claim_kind or "none")]
    if not_claim:
        f.append("not-claim:" + not_claim)
    f.append("from:" + (source_from or "-"))
    if unsourced_clause:
        f.append("unsourced-clause")
    if hedged:
        f.append("hedged")
    for kind, quality, position, vague_source in cues:
        f.append(f"cue:{kind}|{quality}|{position}")
        if quality == "vague":
            f.append(f"cue:vague-src:{vague_source}")
    if citation:
        f.append("citation")
    if quantity_kinds:
        f.extend(["q:" + kind for kind in quantity_kinds])
        f.append(_nth(_Q_COUNT, len(quantity_kinds)))
        f.append(_nth(_Q_UNSOURCED, unsourced_quantities))
    f.append(_QUOTE_SHARE[quote_share])
    if starts_in_quote:
        f.append("starts-in-quote")
    return tuple(f)


@cache
def _block_features(kind: str, size: int, index_in_block: int, last_in_block: bool, block: int,
                    named_before: bool, scope: tuple[str, ...], decision: str) -> tuple[str, ...]:
    """Where the sentence stands: its block's kind, size and place, and the scopes the block
    inherits, alone and with the rules' decision.  The numbers are clamped to their tables
    by the caller (all beyond a table share its last bucket), so the cache stays small."""
    f = ["block:" + kind, _nth(_BLOCK_SIZE, size), _nth(_IN_BLOCK, index_in_block)]
    if last_in_block:
        f.append("last-in-block")
    f.append(_nth(_BLOCK_INDEX, block))
    if named_before:
        f.append("named-earlier-in-block")
    if scope:
        f.extend(scope)
        f.extend([x + "|" + decision for x in scope])
    return tuple(f)


@lru_cache(maxsize=4096)  # bounded: a sentence may have any number of named cues
def _neighbour_features(name: str, decision: str, source_from: str, named_cues: tuple[tuple[str, str], ...],
                        vague_cue: bool, quote: bool) -> tuple[str, ...]:
    """What the sentence before (``prev``) or after (``next``) in the block is: the rules'
    decision on it, where its source is from, its cues (kind and position) and quotes."""
    f = [name + ":" + decision, name + ":from:" + (source_from or "-")]
    if named_cues:
        f.append(name + ":named-cue")
        f.extend([f"{name}:cue:{kind}|{position}" for kind, position in named_cues])
    if vague_cue:
        f.append(name + ":vague-cue")
    if quote:
        f.append(name + ":quote")
    return tuple(f)


_NO_NEIGHBOUR = {"prev": ("prev:none",), "next": ("next:none",)}


def _rule_decision(sa: SentenceAnalysis) -> str:
    """The feature of what the hand-set rules decided for the sentence (which rule would
    fire), one string object per decision."""
    if sa.claim_kind is None:
        return "rule:none"
    if sa.hedged:
        return "rule:vague"
    if sa.claim_kind == "numeric":
        return "rule:unattributed-numeric" if sa.unsourced_quantities() else "rule:sourced"
    if sa.attributed:
        return "rule:sourced"
    return _UNATTRIBUTED.get(sa.claim_kind) or "rule:unattributed-" + sa.claim_kind


_UNATTRIBUTED = {kind: "rule:unattributed-" + kind for kind in ("numeric", "quote", "factual")}


_Q_COUNT = _names("q-count=", (1, 2))
_Q_UNSOURCED = _names("q-unsourced=", (0, 1))
_BLOCK_SIZE = _names("block-size=", (1, 2, 4))
_IN_BLOCK = _names("in-block=", (0, 1, 3))
_BLOCK_INDEX = _names("block-index=", (0, 1, 2, 5, 10))
_LENGTH = _names("length=", (3, 6, 12, 20, 30, 45))
_CAPITALS = _names("capitals=", (0, 1, 3, 6))
# A share is a float: its bucket is found by bisection (the first edge it does not exceed,
# as _bucket counts).
_QUOTE_SHARE_EDGES = (0.0, 0.3, 0.6, 0.9)
_QUOTE_SHARE = tuple(f"quote-share={i}" for i in range(len(_QUOTE_SHARE_EDGES) + 1))
# The largest numbers with a bucket of their own: :func:`_block_features` is called with
# numbers clamped to these (a larger number has the same features).
_LAST_SIZE = len(_BLOCK_SIZE) - 1
_LAST_IN_BLOCK = len(_IN_BLOCK) - 1
_LAST_BLOCK_INDEX = len(_BLOCK_INDEX) - 1


class _ArticleFacts:
    """Article-wide context: what kind of article this is (news with quotes, an explainer in
    the writer's voice, an interview in questions and answers).  ``texts`` are the
    sentences' texts without trailing space, ``named`` their named cues."""

    __slots__ = ("features", "scopes")

    def __init__(self, analysis: ArticleAnalysis, texts: list[str], words: list[list[str]],
                 named: list[list[Cue]], title: str, block_sizes: dict[int, int]) -> None:
        sentences = analysis.sentences
        n = max(1, len(sentences))
        named_count = sum(1 for cues in named if cues)
        quotes = sum(1 for sa in sentences if sa.quote_share > 0.5)
        questions = sum(1 for t in texts if t.endswith("?"))
        # Sentences with a word of the set: all but those disjoint from it (counted in C).
        first = len(words) - sum(map(_FIRST_PERSON.isdisjoint, words))
        second = len(words) - sum(map(_SECOND_PERSON.isdisjoint, words))
        self.features = [
            "art:named-share=" + _bucket(named_count / n, (0.05, 0.15, 0.3, 0.5)),
            "art:quote-share=" + _bucket(quotes / n, (0.02, 0.1, 0.25)),
            "art:question-share=" + _bucket(questions / n, (0.0, 0.05, 0.15)),
            "art:first-person-share=" + _bucket(first / n, (0.0, 0.05, 0.15, 0.3)),
            "art:second-person-share=" + _bucket(second / n, (0.0, 0.05, 0.15)),
            "art:length=" + _bucket(n, (10, 25, 50, 100)),
        ]
        if "interview" in title or " tells " in title or " speaks " in title or " talks " in title:
            self.features.append("art:interview-title")
        self.scopes = _block_scopes(analysis, texts, named, block_sizes,
                                    interview="art:interview-title" in self.features or questions >= 4)


def _block_scopes(analysis: ArticleAnalysis, texts: list[str], named_cues: list[list[Cue]],
                  sentences_in: dict[int, int], interview: bool) -> dict[int, tuple[str, ...]]:
    """Features a block inherits from the blocks before it (ANNOTATION.md's two crossings of
    a paragraph break): the answer to an interview question, and the passage after a
    paragraph that introduces a source's words with a colon, up to the next paragraph in
    the writer's own voice (a long paragraph that neither is a list item nor quotes)."""
    sentences = analysis.sentences
    # block -> its last sentence's text (sentences_in: block -> its number of sentences)
    last = {sa.sentence.block: text for sa, text in zip(sentences, texts, strict=True)}
    named = {sa.sentence.block for sa, cues in zip(sentences, named_cues, strict=True) if cues or sa.citations}
    quoted = {sa.sentence.block for sa in sentences if sa.quote_share > 0.5}
    kinds = analysis.document.blocks
    scopes: dict[int, tuple[str, ...]] = {}
    since_question = None  # blocks since the last question block
    colon = None  # (distance, introduced by a named source) while a colon passage runs
    for block in sorted(last):
        f: list[str] = []
        if since_question is not None and interview:
            f.append("answer-scope=" + _bucket(since_question, (1, 2, 4)))
        elif since_question == 1:
            f.append("after-question-block")
        if colon is not None:
            distance, by_named = colon
            f.append("colon-scope=" + _bucket(distance, (1, 2, 4)))
            if by_named:
                f.append("colon-scope-named")
        scopes[block] = tuple(f)
        text = last[block]
        if text.endswith("?"):
            since_question = 1
        elif since_question is not None:
            since_question += 1
        if text.endswith(":"):
            colon = (1, block in named)
        elif colon is not None:
            listy = kinds[block].kind in ("list_item", "blockquote") or block in quoted or sentences_in[block] <= 1
            colon = (colon[0] + 1, colon[1]) if listy else None
    return scopes


def article_features(analysis: ArticleAnalysis, split_words: bool = False, skip: Sequence[bool] = ()) -> list:
    """The features of every sentence of the article, in order: a list of strings each, the
    words among them as ``w:<word>``.  With ``split_words`` each sentence is a triple
    instead: the features of its own words, its distinct words, and the groups of its other
    features (tuples many sentences share: the rules' evidence, the block, the article's
    kind with its conjunctions, each neighbour); the scorer looks words up by themselves and
    sums each group once (:meth:`attrlint.scoring.model.Model.score`).  Both modes give the
    same features, from the same code.  A sentence whose ``skip`` is true gets None: nothing
    it scored could be reported."""
    prose = analysis.document.prose
    sentences = analysis.sentences
    named = [sa.named_cues for sa in sentences]
    vague = [sa.vague_cues for sa in sentences]
    texts = [prose[sa.sentence.start : sa.sentence.end].rstrip() for sa in sentences]  # without trailing space
    folded = prose.lower()
    if len(folded) == len(prose):  # one lower() for the article ("İ" lowers to two code points)
        folded = _fold_digits(folded)
        findall = (_WORD if "_" in folded else _WORD_NO_UNDERSCORE).findall
        all_words = [findall(folded, sa.sentence.start, sa.sentence.end) for sa in sentences]
    else:
        folded = None
        all_words = [_words(prose[sa.sentence.start : sa.sentence.end]) for sa in sentences]
    capitalised = _CAPITALISED.findall
    title = prose[sentences[0].sentence.start : sentences[0].sentence.end].lower() if sentences else ""
    blocks = analysis.document.blocks
    block_sizes: dict[int, int] = {}
    for sa in sentences:
        block_sizes[sa.sentence.block] = block_sizes.get(sa.sentence.block, 0) + 1
    facts = _ArticleFacts(analysis, texts, all_words, named, title, block_sizes)
    decisions = [_rule_decision(sa) for sa in sentences]
    # Each sentence as its neighbours see it, once (it is read by the sentence before and after).
    as_neighbour = [(decision, sa.source_from, tuple((c.kind, c.position) for c in cues) if cues else (),
                     bool(v), sa.quote_share > 0.5)
                    for sa, decision, cues, v in zip(sentences, decisions, named, vague, strict=True)]
    # The conjunctions of the article's kind with each decision, built once per decision
    # (the same string objects again: their hashes are computed once).
    conjoined: dict[str, tuple[str, ...]] = {}
    n_article = len(facts.features)
    out: list = []
    block_seen = -1
    for i, sa in enumerate(sentences):
        s = sa.sentence
        if s.block != block_seen:
            block_seen = s.block
            named_before = False
        if skip and skip[i]:
            out.append(None)
            named_before = named_before or bool(named[i] or sa.citations)
            continue
        decision = decisions[i]
        quantities = sa.quantities
        evidence = _evidence_features(
            decision, sa.claim_kind, sa.not_claim, sa.source_from, sa.unsourced is not None, sa.hedged,
            _cue_key(sa.cues) if sa.cues else (), bool(sa.citations),
            tuple([q.kind for q in quantities]) if quantities else (),
            len(sa.unsourced_quantities()) if quantities else 0,
            bisect.bisect_left(_QUOTE_SHARE_EDGES, sa.quote_share), bool(sa.is_quote))
        size = block_sizes[s.block]
        block = _block_features(blocks[s.block].kind, min(size, _LAST_SIZE), min(s.index_in_block, _LAST_IN_BLOCK),
                                s.index_in_block == size - 1, min(s.block, _LAST_BLOCK_INDEX), named_before,
                                facts.scopes[s.block], decision)
        # The same evidence weighs differently in a news story and in an explainer or an
        # opinion piece: the rules' decision conjoined with what kind of article this is.
        conj = conjoined.get(decision)
        if conj is None:
            conj = conjoined[decision] = (*facts.features, *(x + "|" + decision for x in facts.features))
        prev = as_neighbour[i - 1] if i > 0 and sentences[i - 1].sentence.block == s.block else None
        nxt = as_neighbour[i + 1] if i + 1 < len(sentences) and sentences[i + 1].sentence.block == s.block else None
        prev = _NO_NEIGHBOUR["prev"] if prev is None else _neighbour_features("prev", *prev)
        nxt = _NO_NEIGHBOUR["next"] if nxt is None else _neighbour_features("next", *nxt)
        # What the sentence's own words say: built per sentence.
        f: list[str] = []
        text = texts[i]
        f.append("end:" + (text[-1] if text and not text[-1].isalnum() else "alnum"))
        words = all_words[i]
        f.append(_nth(_LENGTH, len(words)))
        ws = set(words)
        if not ws.isdisjoint(_FIRST_PERSON):
            f.append("first-person")
        if not ws.isdisjoint(_SECOND_PERSON):
            f.append("second-person")
        if not ws.isdisjoint(_MODALS):
            f.extend(["modal:" + m for m in sorted(ws & _MODALS)])
        if not ws.isdisjoint(_PAST_AUX):
            f.append("past-aux")
        if not ws.isdisjoint(_PRESENT_AUX):
            f.append("present-aux")
        if not ws.isdisjoint(_HEDGE_WORDS):
            f.append("hedge-word")
        if not ws.isdisjoint(_BE) and (_PASSIVE.search(folded, s.start, s.end) if folded is not None
                                       else _PASSIVE.search(text.lower())):
            f.append("passive")
        # A space from the sentence's start whose capital is inside it (before its end): the
        # matches cannot overlap, so a search of the sentence alone finds the same ones as a
        # search of the article, and only scored sentences are searched.
        f.append(_nth(_CAPITALS, len(capitalised(prose, s.start, s.end))))
        if words:
            f.append("first:" + words[0])
            if len(words) > 1:
                f.append("first2:" + words[0] + "_" + words[1])
            f.append("last:" + words[-1])
        # In first-seen order (a set's order changes with PYTHONHASHSEED; the sums do not,
        # but a feature list should read the same in every run).  Word pairs were tried
        # beside the first two words: cross-validated F1 0.740 with and without them, and
        # they were a third of the scorer's time.
        distinct = list(dict.fromkeys(words))
        if split_words:
            out.append((f, distinct, (evidence, block, conj, prev, nxt)))
        else:
            out.append([*facts.features, *evidence, *block, *conj[n_article:], *f, *prev, *nxt,
                        *["w:" + w for w in distinct]])
        if named[i] or sa.citations:
            named_before = True
    return out


# What the rules know for certain is no claim: the article's furniture, not its prose.  The
# scorer never overrules these (it may overrule the rules' subtler readings: "explains how
# something works", "the writer's speculation", "introduces a quotation").
STRUCTURAL = frozenset({
    "dateline", "credit or byline", "photo caption", "question", "introduces a list", "fragment",
    "title-case heading (a label, not a sentence)", "heading", "fragment without a verb (a label or caption)",
    "instruction to the reader",
})


def words_of(text: str) -> list[str]:
    """The words as the features read them (lower case, digits as 0): for tests and tools."""
    return _words(text)


__all__ = ["FEATURE_SET", "STRUCTURAL", "article_features", "words_of"]
