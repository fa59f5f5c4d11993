"""Who a story cites: attribution sources classified named / anonymous / vague.

The shared analysis rates each cue ``named`` (identifiable) or ``vague``.  Ombudsmen also
count *anonymous* sources apart: a specific but unidentified person or group ("a senior
Pentagon official", "a spokesperson", "two people familiar with the talks", "U.S.
officials").  :func:`classify_source` makes that split on top of the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.analysis.attribution import PRONOUNS, Cue
from attrlint.analysis.source_names import PERSON_ROLES as _PERSON_ROLES
from attrlint.analysis.source_names import names_a_source
from attrlint.pattern_cache import compile_pattern

SOURCE_KINDS = ("named", "anonymous", "vague")

_PLURAL_ROLES = frozenset(w for w in _PERSON_ROLES if w.endswith("s") or w in {"people", "men", "women"})
_ARTICLES_AND_NUMBERS = frozenset("a an another one two three four five six seven eight nine ten".split())
_SOME = frozenset("some several various".split())
_DEFINITE = frozenset("the this that these those his her its their our".split())
_WORD = compile_pattern(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*")


@dataclass(frozen=True)
class SourceMention:
    """A source as cited in the text: ``text`` as written, ``kind`` one of SOURCE_KINDS."""

    text: str
    kind: str
    start: int
    end: int


def classify_source(text: str, quality: str) -> str:
    """``named``, ``anonymous`` or ``vague`` for a source phrase and its analysis quality.

    Anonymous: a role noun ("official", "spokesperson", "sources") introduced by an
    indefinite article or a number ("a senior Pentagon official", "a spokesperson", "two
    sources") — one particular person the writer chose not to name, even where the
    analysis rates the phrase vague — or, when the analysis rates it named, a plural role
    with no article ("U.S. officials") or after "several" / "some".  A definite phrase ("the
    official") refers back to someone already identified and a role with a name
    ("spokesman John Kirby") is named; unnamed groups ("experts", "some analysts") stay vague.
    """
    words = [w.lower().rstrip(".") for w in _WORD.findall(text)]
    roles = [i for i, w in enumerate(words) if w in _PERSON_ROLES]
    if roles and (words[0] in _ARTICLES_AND_NUMBERS or words[0].isdigit()):
        return "anonymous"
    if quality == "vague":
        return "vague"
    if not roles or words[0] in _DEFINITE:
        return "named"
    if words[0] in _SOME:
        return "anonymous"
    if roles[0] == len(words) - 1 and words[roles[0]] in _PLURAL_ROLES:
        return "anonymous"  # "Pentagon officials": a body, but nobody identified
    return "named"


def source_mentions(analysis) -> list[SourceMention]:
    """Every source cited in an analysed article, in text order.

    Overlapping cues of one sentence (a verb cue inside an "according to" phrase) count
    once, the longest first.  A bare pronoun ("he said") refers back to a source already
    cited and is not counted again; a phrase that names no source (:func:`names_a_source`)
    is not counted at all.
    """
    mentions: list[SourceMention] = []
    for sa in analysis.sentences:
        taken_until = -1
        for cue in sorted(sa.cues, key=lambda c: (c.start, -c.end)):
            if cue.start < taken_until:
                continue
            text = _source_text(cue)
            if not text or text.lower() in PRONOUNS or not names_a_source(text, cue.kind):
                continue
            taken_until = cue.end
            mentions.append(SourceMention(text, classify_source(text, cue.quality), cue.start, cue.end))
    return mentions


def _source_text(cue: Cue) -> str:
    return cue.source.strip().strip("\"“”'’").rstrip(".,;:").strip()


def count_sources(mentions: list[SourceMention]) -> list[dict]:
    """Distinct sources with their kind and how often each is cited, most cited first."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.text, m.kind)] = counts.get((m.text, m.kind), 0) + 1
    rows = [{"source": text, "kind": kind, "count": n} for (text, kind), n in counts.items()]
    return sorted(rows, key=lambda r: (-r["count"], SOURCE_KINDS.index(r["kind"]), r["source"].lower()))
