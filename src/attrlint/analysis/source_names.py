"""Does a phrase name a source?  What the attribution analysis took as a cue's source is
sometimes no source at all ("a bargaining chip", "This occurs" from a noun read as a
verb): the sources list leaves those out, and a colon introduction counts only when its
source is a real one.  Word lists, not a model: a phrase names someone, or holds a noun
for a person, a body or a document.
"""

from __future__ import annotations

from attrlint.pattern_cache import compile_pattern

# Nouns for a person or people by role rather than by name.
PERSON_ROLES = frozenset(
    """official officials source sources spokesperson spokespersons spokesman spokesmen spokeswoman
    spokeswomen spokesperson's aide aides adviser advisers advisor advisors diplomat diplomats
    insider insiders person people staffer staffers employee employees officer officers member
    members resident residents witness witnesses lawmaker lawmakers executive executives
    representative representatives investigator investigators negotiator negotiators minister
    ministers man men woman women analyst analysts expert experts administrator administrators""".split()
)
_WORD = compile_pattern(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*")


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
    return any(w in _SOURCE_NOUNS or w in PERSON_ROLES or w in lex.attribution_nouns or w in lex.vague_sources
               for w in (word, singular))
