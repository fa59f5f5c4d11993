"""Attribution cues: what ties a claim to a source, and how identifiable that source is.

Cues found inside one sentence:

- ``according to X`` (and ``per X``, ``citing X``, ``quoting X``, ``X's figures show``);
- a communication verb with its subject, in either order: "Ford said", "said Ford",
  "the ministry announced", "Aso asked officials", "a report by the UN found";
- a citation the reader found on the sentence (a hyperlink, a footnote marker);
- vague phrases that need no subject ("reportedly", "is thought to", "were reported").

Each cue is classified ``named`` (an identifiable source, including a pronoun that
refers back to one) or ``vague`` (experts, sources, officials with no body, reports).
Plain actions ("Apple unveiled") are not communication verbs and source nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from attrlint.analysis.lexicons import Lexicons


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: str  # according-to | verb | citing | citation | vague-phrase | by-agent
    source: str  # the source as written ("the ministry", "experts"), or the phrase
    quality: str  # named | vague
    position: str = "inside"  # inside | trailing (", he said." at the end of the sentence)


PRONOUNS = frozenset("he she they it we i you his her their its".split())
DETERMINERS = frozenset(
    """a an the this that these those its their his her our my your new latest recent previous
    annual final official preliminary initial early first second last another such same whose
    which any each every no of""".split()
)
AUXILIARIES = frozenset(
    """has have had also later earlier previously then reportedly again further repeatedly
    already recently publicly privately separately last yesterday today will would could may might
    should must can did does do not never once still first told""".split()
)
PASSIVE_AUX = frozenset("is are was were be been being get got gets".split())
# Words that, right before "officials"/"experts"/..., give the group a body ("Pentagon
# officials", "U.S. officials", "health officials") and so make it identifiable.
_BODY_MODIFIER = regex.compile(r"(?:\p{Lu}[\p{L}.'’-]*|health|government|military|state|federal|"
                               r"police|company|city|county|school|hospital|party|army|prison|"
                               r"election|airport|UN|court|ministry|agency|embassy|security|"
                               r"intelligence|defence|defense|administration|campaign|club|team)$")
_CLAUSE_BREAK = regex.compile(r"[,;:(\"“”—–]|\b(?:that|and|but|while|whereas|because|as|when|after|who|which)\b")
_SUBJECT_WORD = regex.compile(r"[\p{L}\p{N}'’.&-]+")
_VAGUE_QUALIFIERS = frozenset("some many several various other most few certain unnamed anonymous".split())
_NOUN_USE_AFTER = regex.compile(r"^\s*(?:of|by|from|on|for|in|about|to\s+the)\b", regex.IGNORECASE)


@cache
def _verb_pattern(verbs: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}'’-])(?:{verbs})(?![\p{{L}}'’-])", regex.IGNORECASE)


_ACCORDING = regex.compile(
    r"\b(?:according\s+to|per|citing|quoting|cited\s+by|quoted\s+by|reported\s+by|as\s+reported\s+by|"
    r"sources?:|courtesy\s+of|in\s+the\s+words\s+of|as\s+told\s+to)\s+(?P<src>[^,;.:!?()\"“”]{1,80})",
    regex.IGNORECASE,
)
_BY_AGENT = regex.compile(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(?:announced|reported|confirmed|estimated|"
    r"disclosed|revealed|stated|released|published|calculated|counted|recorded|found|shown|quoted|"
    r"described|cited|documented|projected|predicted)|(?:report|study|survey|poll|analysis|statement|"
    r"figures|data|estimate|estimates|research|review|audit|investigation|census|count|findings|"
    r"paper|release)\s+(?:published\s+|released\s+|conducted\s+|compiled\s+|issued\s+)?(?:by|from|of))"
    r"\s+(?P<src>[^,;.:!?()\"“”]{1,80})",
    regex.IGNORECASE,
)
_SOURCE_NOUN_SUBJECT = regex.compile(
    r"(?P<src>\b(?:\p{Lu}[\p{L}.&'’-]*\s+){1,5})(?:'s|’s)?\s*(?:own\s+)?(?:figures|data|report|study|survey|"
    r"poll|statement|estimate|estimates|records|analysis|count|tally|research|website|census|findings)\b"
)


# Precompiled once: a module-level regex.match(str, ...) pays for a cache lookup per call.
_STATEMENT_FOLLOWS = regex.compile(r"^\s*(?:that\b|[:,\"“.]|$)")
_SHORT_TAIL = regex.compile(r"^[^,;]{0,60}[.!?\"”’]*\s*$")
_SENTENCE_CLOSES = regex.compile(r"^\s*[.!?\"”’]*\s*$")
_SUBJECT_AFTER = regex.compile(r"^\s*((?:the\s+|a\s+|an\s+)?(?:[\p{L}\p{N}.'’&-]+\s*){1,6}?)(?=[,.;:!?\"”]|$)")
_SOURCE_CLAUSE = regex.compile(r"\b(?:that|which|who|there|this|these|it|its)\b")
_BODY_AFTER = regex.compile(r"\b(?:at|from|of|with|for|in)\s+(?:the\s+)?\p{Lu}")


def find_cues(text: str, start: int, end: int, lexicons: Lexicons) -> list[Cue]:
    """Every attribution cue in the sentence ``text[start:end]``."""
    cues: list[Cue] = []
    sentence = text[start:end]
    for m in _ACCORDING.finditer(text, start, end):
        src = _trim_source(m.group("src"))
        if src:
            cues.append(Cue(m.start(), m.end("src"), "according-to", src, _quality(src, lexicons)))
    for m in _BY_AGENT.finditer(text, start, end):
        src = _trim_source(m.group("src"))
        if src:
            cues.append(Cue(m.start(), m.end("src"), "by-agent", src, _quality(src, lexicons)))
    verbs = _verb_pattern(lexicons.reporting_verb_pattern)
    for m in verbs.finditer(text, start, end):
        cue = _verb_cue(text, start, end, m, lexicons)
        if cue is not None:
            cues.append(cue)
    for m in lexicons.vague_phrase_pattern.finditer(sentence):
        cues.append(Cue(start + m.start(), start + m.end(), "vague-phrase", m.group(0), "vague"))
    return cues


def _verb_cue(text: str, s_start: int, s_end: int, m: regex.Match, lexicons: Lexicons) -> Cue | None:
    verb = m.group(0)
    v_start, v_end = m.span()
    before = text[s_start:v_start]
    after = text[v_end:s_end]
    words_before = before.split()
    prev = words_before[-1].lower().strip("\"“”'’,") if words_before else ""
    # A noun use ("a report", "the rule", "its forecast") is not a verb.
    if prev in DETERMINERS or prev.endswith(("'s", "’s")) or _NOUN_USE_AFTER.match(after):
        if not verb.lower().endswith(("ed", "said", "told", "says", "tells")):
            return None
    if prev in PASSIVE_AUX:
        return None  # "was reported" carries no agent here (vague phrases handle it)
    lower = verb.lower()
    if lower.endswith("ing") and prev not in PRONOUNS and not before.rstrip().endswith(","):
        return None  # "the reporting period", "a warning sign"
    if lower in {"add", "added", "adds", "continue", "continued", "continues", "note", "noted", "notes"}:
        if not _STATEMENT_FOLLOWS.match(after) and not before.rstrip().endswith((",", "”", '"')):
            return None  # "the economy added 200,000 jobs" is an action, not a statement
    subject = _subject_before(before)
    position = "inside"
    if subject is None:
        subject = _subject_after(after)
        if subject is None:
            return None
        tail = after[len(after) - len(after.lstrip()) :]
        if _SHORT_TAIL.match(tail):
            position = "trailing"
    elif _SENTENCE_CLOSES.match(after):
        position = "trailing"
    quality = _quality(subject, lexicons)
    if quality is None:
        return None
    return Cue(v_start - len(subject) if subject in before else v_start, v_end, "verb", subject, quality, position)


def _subject_before(before: str) -> str | None:
    """The noun phrase that ends just before the verb, if the verb has one there."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = _SUBJECT_WORD.findall(clause)
    while words and words[-1].lower() in AUXILIARIES:
        words.pop()
    if not words:
        return None
    return " ".join(words[-6:])


def _subject_after(after: str) -> str | None:
    """Inverted order: '"...," said Leong.' / ', says the report'."""
    m = _SUBJECT_AFTER.match(after)
    if not m:
        return None
    return m.group(1).strip() or None


def _trim_source(src: str) -> str:
    src = src.strip()
    src = _SOURCE_CLAUSE.split(src, maxsplit=1)[0].strip()
    return src


def _quality(subject: str, lexicons: Lexicons) -> str | None:
    """named, vague, or None when the phrase cannot be a source at all."""
    words = subject.split()
    if not words:
        return None
    lower = [w.lower().strip("\"“”'’,.") for w in words]
    head = lower[-1]
    phrase = " ".join(lower)
    if head in PRONOUNS or lower[0] in PRONOUNS and len(lower) == 1:
        return "named"
    if phrase in lexicons.vague_sources or head in lexicons.vague_sources or lower[0] in _VAGUE_QUALIFIERS:
        # Vague unless a body identifies the group: "Pentagon officials", "officials at the UN".
        body = words[:-1] if head in lexicons.vague_sources else []
        if any(_BODY_MODIFIER.match(w) for w in body if w.lower() not in _VAGUE_QUALIFIERS):
            return "named"
        if _BODY_AFTER.search(subject):
            return "named"
        return "vague"
    if lower[0] in {"a", "an"} and head in lexicons.attribution_nouns and not any(
        w[:1].isupper() for w in words[1:]
    ):
        return "vague"  # "a new study", "a report" with nothing identifying it
    if any(w[:1].isupper() for w in words) or any(w[:1].isdigit() for w in words):
        return "named"
    if lower[0] in {"the", "its", "his", "her", "their", "our"}:
        return "named"  # "the ministry", "the company", "the report": a source named earlier
    if head in {"police", "prosecutors", "investigators", "authorities", "government", "officials"}:
        return "named" if head != "officials" else "vague"
    return "named" if len(lower) <= 3 else None
