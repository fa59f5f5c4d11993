"""Who a story cites: attribution sources classified named / anonymous / vague.

The shared analysis rates each cue ``named`` (identifiable) or ``vague``.  Ombudsmen also
count *anonymous* sources apart: a specific but unidentified person or group ("a senior
Pentagon official", "a spokesperson", "two people familiar with the talks", "U.S.
officials").  :func:`classify_source` makes that split on top of the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrlint.analysis.attribution import PRONOUNS, Cue
from attrlint.pattern_cache import compile_pattern

SOURCE_KINDS = ("named", "anonymous", "vague")

# Nouns for a person or people by role rather than by name.
_PERSON_ROLES = frozenset(
    """official officials source sources spokesperson spokespersons spokesman spokesmen spokeswoman
    spokeswomen spokesperson's aide aides adviser advisers advisor advisors diplomat diplomats
    insider insiders person people staffer staffers employee employees officer officers member
    members resident residents witness witnesses lawmaker lawmakers executive executives
    representative representatives investigator investigators negotiator negotiators minister
    ministers man men woman women analyst analysts expert experts administrator administrators""".split()
)
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


# Bodies, places that speak as one and people by relation: with the lexicons' attribution
# nouns and vague sources, the nouns that make a phrase a source.
_SOURCE_NOUNS = frozenset(
    """team group company firm ministry government agency department council committee commission court union
    party police army military office bank board institute university school hospital organisation
    organization association center centre club campaign authority administration newspaper magazine
    site network station channel journal daily nation country state city county embassy church movement
    coalition alliance parliament congress senate cabinet regime family mother father parents wife husband
    son daughter sister brother uncle aunt friend colleague lawyer judge jury researcher scientist
    commentary publication
    film documentary map chart graph article editorial blog column book modelling audience public panel citizen
    interviewee""".split()
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee")
# Words a source never opens with ("by contrast", "more than", "is expected to", "there were").
_NOT_OPENING = frozenset(
    """in on at for with from into via through during of by about over under after before to as than
    is are was were be been has have had will would can could may might must should do does did
    what how why when where whether there here if not no""".split()
)
# Capitalised at the opening of a sentence without being a name.
_PLAIN_OPENERS = frozenset(
    """a an the this that these those both many some most all few several one two three every each another
    such its their his her our my your it other others""".split()
)


def names_a_source(text: str, kind: str = "verb") -> bool:
    """Is the phrase a cue took as its source one a reader would call a source?

    It names someone (a capitalised word that is not just the sentence's first word: "Ford",
    "the Stimson Center") or holds a noun for a source (a person, a body, a document:
    "the ministry", "experts", "her mother", "the report").  A vague phrase with no source
    in it ("is expected to", "reportedly") and a phrase the cue took by mistake ("a
    bargaining chip", "more than", "by contrast") name no source and are not listed.
    """
    words = _WORD.findall(text)
    if not words or words[0].lower() in _NOT_OPENING:
        return False
    lower = [w.lower().rstrip(".").removesuffix("'s").removesuffix("’s") for w in words]
    if any(_is_source_noun(w) for w in lower):
        return True
    if kind == "vague-phrase":
        return False
    named = (any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and lower[0] not in _PLAIN_OPENERS)
             or any(_INNER_CAPITAL.search(w) for w in words))
    head = next((w for i, w in enumerate(lower) if i + 1 == len(lower) or lower[i + 1] in _NOT_OPENING), lower[-1])
    # The head, or in a partitive ("one of our interviewees") the last word, names a person.
    return named or any(w.removesuffix("s").endswith(_PERSON_ENDINGS) for w in (head, lower[-1]))


# "comScore", "iKalyanam", "makelovenotspam.com": names that open in lower case.
_INNER_CAPITAL = compile_pattern(r"^\p{Ll}+\p{Lu}|\.(?:com|org|net)$")


def _is_source_noun(word: str) -> bool:
    from attrlint.analysis.lexicons import default_lexicons

    lex = default_lexicons()
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return any(w in _SOURCE_NOUNS or w in _PERSON_ROLES or w in lex.attribution_nouns or w in lex.vague_sources
               for w in (word, singular))


def _source_text(cue: Cue) -> str:
    return cue.source.strip().strip("\"“”'’").rstrip(".,;:").strip()


def count_sources(mentions: list[SourceMention]) -> list[dict]:
    """Distinct sources with their kind and how often each is cited, most cited first."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.text, m.kind)] = counts.get((m.text, m.kind), 0) + 1
    rows = [{"source": text, "kind": kind, "count": n} for (text, kind), n in counts.items()]
    return sorted(rows, key=lambda r: (-r["count"], SOURCE_KINDS.index(r["kind"]), r["source"].lower()))
