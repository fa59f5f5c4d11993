"""Numeric claims: quantities a careful reader could ask "says who?" about.

One compiled pattern finds candidate quantities (digits with currency, scale and unit;
numbers in words; fractions; vague magnitudes; multipliers; numeric rankings), each with
an optional bound in front ("at least", "up to", "between").  Candidates that are not
claims by themselves are then dropped by looking at their context: years and dates,
times, ages that identify a person, numbers inside names and identifiers ("KN-23",
"Route 66", "G7"), and list numbering.  The guideline is ``ANNOTATION.md`` (claim:
numeric).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from attrlint.analysis.alternation import literal_alternation
from attrlint.analysis.lexicons import Lexicons
from attrlint.analysis.tails import search_tail
from attrlint.analysis.wordindex import scan
from attrlint.pattern_cache import compile_pattern

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
UNITS = (
    r"km|kms|kilometres?|kilometers?|m|metres?|meters?|cm|mm|miles?|mi|ft|feet|foot|inch(?:es)?|"
    r"yards?|kg|kgs|kilos?|kilograms?|g|grams?|tonnes?|tons?|lbs?|pounds?|ounces?|oz|litres?|liters?|"
    r"gallons?|barrels?|bpd|mph|km/h|kph|knots?|mw|gw|kw|kwh|mwh|gwh|twh|megawatts?|gigawatts?|"
    r"kilowatts?|volts?|degrees?|°[CF]?|acres?|hectares?|ha|sq|square|cubic|bytes?|gb|tb|mb|"
    r"hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|decades?|centuries|"
    r"people|persons|votes?|seats?|troops|soldiers|deaths?|dead|victims?|cases?|jobs?|times"
)
FRACTIONS = r"halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
ORDINALS = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th)"
)
SUPERLATIVES = (
    r"largest|biggest|highest|lowest|smallest|most|least|best|worst|busiest|richest|poorest|"
    r"oldest|largest-ever|deadliest|fastest|slowest|strongest|weakest|longest|shortest|greatest|"
    r"leading|ranked|place"
)
BOUNDS = (
    r"at\s+least|at\s+most|up\s+to|more\s+than|less\s+than|fewer\s+than|over|under|nearly|almost|"
    r"about|around|approximately|roughly|some|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|"
    r"an\s+estimated|estimated|just\s+over|just\s+under|well\s+over|close\s+to|between|from|"
    r"only|just|barely|below|above|exceeding|in\s+excess\s+of|upwards\s+of|some\s+\d"
)
# The most words a bound spans ("in excess of"): _BOUND_BEFORE is searched from that far back.
_BOUND_WORDS = max(len(bound.split(r"\s+")) for bound in BOUNDS.split("|"))
MULTIPLIERS = (
    r"doubled|doubling|doubles|tripled|tripling|triples|trebled|quadrupled|quadrupling|halved|"
    r"halving|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|\d+)-?fold|(?:twice|two\s+times|three\s+times|four\s+times|five\s+times|ten\s+times)"
    r"\s+(?:as|more|less|higher|lower|larger|bigger|faster|the)"
)


class Quantity(NamedTuple):  # not a dataclass: cheaper to define at start-up
    start: int
    end: int
    kind: str  # count | money | percent | measure | words | fraction | magnitude | multiplier | rank


@cache
def _pattern(number_words: tuple[str, ...]) -> regex.Pattern:
    words = literal_alternation(number_words, escaped=False)
    word_number = rf"(?:(?:{words}|one|a)(?:[\s-]+(?:and\s+)?(?:{words}))*)"
    # A percentage's figure is at most 41 digits and commas: unbounded, "1,1,1,..." was
    # rescanned to its end at every "1" (quadratic; 100 s for 32 kB).
    return compile_pattern(
        rf"""
        (?:
          (?P<money>(?:[$€£¥₹₩₽]|\b(?:Rs\.?|USD|EUR|GBP)\s*)
             \d[\d,]*(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion|trillion|bn|mn|m|k|tn)\b)?)
        | (?P<percent>\b\d[\d,]{{0,40}}+(?:\.\d+)?\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b|pc\b))
        | (?P<rank>\b(?:{ORDINALS})[\s-](?:{SUPERLATIVES})\b)
        | (?P<magnitude>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|
             hundreds\s+of\s+millions|dozens|hundreds|thousands|millions|billions|trillions|scores)\s+of\b
             |\b(?:a|several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)\b)
        | (?P<fraction>\b(?:(?:one|two|three|four|a)[\s-](?:{FRACTIONS})|half)
             (?:\s+of\b|(?=\s+(?:the|a|an|its|their)\b))
             |\b(?:two|three|four)-(?:{FRACTIONS})\b|\bby\s+(?:a|one|two)[\s-](?:{FRACTIONS})\b
             |\bone\s+(?:in|out\s+of)\s+(?:\d+|{words})\b)
        | (?P<multiplier>\b(?:{MULTIPLIERS})\b)
        | (?P<digits>(?<![\w.:/-])\d+(?:,\d{{3}})*(?:\.\d+)?
             (?:[\s-]?(?:hundred|thousand|million|billion|trillion|bn|mn|tn|k)\b)?
             (?:\s*(?:-|–|—|to|and)\s*\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion))?)?
             (?:[\s-]?(?:{UNITS})\b)?)
        | (?P<words>\b{word_number}\s+(?:hundred|thousand|million|billion|trillion)\b
             |\b(?:{words})\b(?:[\s-]+(?:and\s+)?(?:{words})\b)*)
        )
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


_BOUND_BEFORE = compile_pattern(rf"\b(?:{BOUNDS})\s+$", regex.IGNORECASE)
_CURRENCY_COUNTRY = compile_pattern(r"(?<![\p{L}.])(?:US|U\.S\.|C|A|NZ|HK|S|R)$")
_YEAR = compile_pattern(r"^(?:1[6-9]\d\d|20\d\d)(?:s|'s|’s)?$")
_DATE_BEFORE = compile_pattern(rf"(?:\b(?:{MONTHS})\.?|\b(?:{WEEKDAYS}),?)\s*$", regex.IGNORECASE)
_DATE_AFTER = compile_pattern(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b", regex.IGNORECASE)
_TIME_AFTER = compile_pattern(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|hrs\b|h\b))", regex.IGNORECASE)
_AGE_AFTER = compile_pattern(r"^[\s-]*(?:years?|yrs?|months?)[\s-]*old\b", regex.IGNORECASE)
_AGE_BEFORE = compile_pattern(r"\b(?:aged?|ages)\s*$", regex.IGNORECASE)
_NAME_AGE = compile_pattern(r"\p{Lu}\p{Ll}+,\s*$")
_IDENT_BEFORE = compile_pattern(r"(?:[\p{L}]-?|[\p{L}]\.|/|#|№)$")
_IDENT_AFTER = compile_pattern(r"^(?:[\p{L}]|-[\p{Lu}\d]|/\d|\.\d)")
_CAPITAL_WORD_BEFORE = compile_pattern(r"\b(\p{Lu}[\p{L}.]*)\s+$")
_LIST_NUMBER = compile_pattern(r"^\s*\d+[.)]\s")
_UNIT_SUFFIX = compile_pattern(rf"^(?:{UNITS}|bn|mn|tn|m|k|%)\b", regex.IGNORECASE)
_ONE_ALONE = compile_pattern(r"^(?:one|a|an)$", regex.IGNORECASE)
_NOT_IDENTIFYING = frozenset(
    """The A An In On At By For From To Of About Around Nearly Over Under Some Almost Only Just
    Up More Less Fewer Between With Than And Or But About Approximately Roughly Of All Its
    Their His Her Our Top Last First Next Another Every Each At Least Most""".split()
)


def find_quantities(text: str, start: int, end: int, lexicons: Lexicons) -> list[Quantity]:
    """Quantities in ``text[start:end]`` that are claims by themselves."""
    pattern = _pattern(tuple(lexicons.number_words))
    found: list[Quantity] = []
    for m in scan(pattern, text, start, end):
        kind = m.lastgroup
        core_start = m.start(kind)
        core = m.group(kind)
        if kind == "digits" and not _digits_are_claim(text, core_start, m.end(kind), core, start):
            continue
        if kind == "words" and not _words_are_claim(text, m.start(kind), m.end(kind), core):
            continue
        q_end = m.end()
        if kind in ("digits", "words") and _ENDS_WITH_NUMBER.search(m.group(kind)):
            noun = _COUNTED_NOUN.match(text, q_end, end)
            if noun and noun.group(1).lower() not in _NOT_NOUNS:
                q_end = noun.end()
        q_start = m.start()
        if kind in ("digits", "words") and _places_in_time(text, start, q_start, q_end, end):
            continue
        if kind == "money":
            # "US$5", "HK$3": the currency's country letters belong to the amount.  Looked for
            # here, not in the pattern, where an optional prefix would be tried everywhere.
            prefix = _CURRENCY_COUNTRY.search(text, max(start, q_start - 4), q_start)
            if prefix:
                q_start = prefix.start()
        # A bound in front ("at least 148", "up to 70%") belongs to the claim.  Looked for
        # behind each match rather than as an optional prefix of the scan, which would be
        # tried at every position of the text.
        bound = search_tail(_BOUND_BEFORE, text, _BOUND_WORDS, max(start, q_start - 24), q_start)
        if bound:
            q_start = bound.start()
        found.append(Quantity(q_start, q_end, kind))
    return found


# ANNOTATION.md: a length of time is a claim when it is the claim itself ("the strike
# lasted 22 days", "two years behind schedule"), not when it only places an event in time
# ("two years ago", "within 24 hours", "With 50 days until the election").
_TIME_UNIT_END = compile_pattern(r"\b(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?)$",
                                 regex.IGNORECASE)
_PLACING_AFTER = compile_pattern(r"\s+(?:ago|earlier|later|before|after|until|till|from\s+now|left|to\s+go|"
                                 r"away|into|since|prior)\b", regex.IGNORECASE)
_PLACING_BEFORE = compile_pattern(r"\b(?:within|in|after|before|for\s+the\s+(?:past|last|next)|"
                                  r"(?:over|in|during)\s+the\s+(?:past|last|next|coming|first))\s+$", regex.IGNORECASE)


def _places_in_time(text: str, start: int, q_start: int, q_end: int, end: int) -> bool:
    """Does a quantity of time only place an event in time?"""
    if not _TIME_UNIT_END.search(text, q_start, q_end):
        return False
    return bool(_PLACING_AFTER.match(text, q_end, end)
                or search_tail(_PLACING_BEFORE, text[max(start, q_start - 24) : q_start], 4))


# The thing counted ("1,200 tanks") belongs to the claim; function words and verbs do not.
_COUNTED_NOUN = compile_pattern(r"[ \t]+(\p{Ll}[\p{Ll}-]*\p{Ll})\b")
_NOT_NOUNS = frozenset(
    """of in on at to for from by with and or but the a an than as is are was were be been has have had
    will would could should may might can did do does not per each more less percent that this these those
    who which when where while after before into over under about around during since until up down out
    off its their his her our your my it they he she we you i also still only just all both""".split()
)
_ENDS_WITH_NUMBER = compile_pattern(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|"
    r"million|billion|trillion|dozen))$",
    regex.IGNORECASE,
)


# Precompiled once: a module-level regex.match(str, ...) pays for a cache lookup per call.
_DASH = compile_pattern(r"[-–—]")
_LETTER = compile_pattern(r"[\s-]?\p{L}")
_DAY_RANGE = compile_pattern(r"^\d{1,2}\s*[-–]\s*\d{1,2}$")
_SMALL_NUMBER = compile_pattern(r"^\d{1,3}$")
_COMMA_AFTER = compile_pattern(r"^\s*,")
_ORDINAL_DIGITS = compile_pattern(r"^\d+(?:st|nd|rd|th)$")
_BARE_TENS_SCORES = compile_pattern(r"^(?:tens|scores)$", regex.IGNORECASE)
_HYPHEN_WORD = compile_pattern(r"^-\p{L}")
_HYPHEN_MULTIPLIER = compile_pattern(r"^-(?:fold|times)")
_NOT_COUNTED = compile_pattern(r"^(?:-(?:way|sided|faced|tier|party)\b|\s+(?:kinds|types|sorts)\s+of\b)",
                             regex.IGNORECASE)


def _digits_are_claim(text: str, s: int, e: int, core: str, block_start: int) -> bool:
    before = text[max(0, s - 40) : s]
    after = text[e : e + 20]
    number = core.split()[0].rstrip(",.-") if core.split() else core
    number = _DASH.split(number)[0]
    has_unit = bool(_LETTER.search(core[len(number) :]))
    if _YEAR.match(number) and not has_unit:
        return False
    date_before = search_tail(_DATE_BEFORE, before, 1)  # month and weekday names are one word
    if date_before and _DAY_RANGE.match(core):
        return False
    if date_before or _DATE_AFTER.match(after) or _DATE_AFTER.match(core[len(number) :].lstrip()):
        return False
    if _TIME_AFTER.match(after):
        return False
    tail = text[s + len(number) : e + 20]
    # "a 2000 year old tradition" is no person.  Length first: int() refuses over 4,300 digits.
    plausible_age = number.isdigit() and len(number.lstrip("0")) <= 3 and int(number) < 130
    if plausible_age and (_AGE_AFTER.match(tail) or search_tail(_AGE_BEFORE, before, 1)):
        return False
    if _COMMA_AFTER.match(after) and _SMALL_NUMBER.match(number) and search_tail(_NAME_AGE, before, 1):
        return False  # "Smith, 45, said" identifies a person
    if search_tail(_IDENT_BEFORE, before, 1) or _IDENT_AFTER.match(after):
        return False
    if after[:1].isalpha() and not _UNIT_SUFFIX.match(after):
        return False  # "5G", "3D", "21st" on its own
    capital = search_tail(_CAPITAL_WORD_BEFORE, before, 1)
    if capital and capital.group(1) not in _NOT_IDENTIFYING and not has_unit and "," not in number:
        return False  # "Route 66", "Article 5", "Apollo 11"
    if s - block_start < 4 and _LIST_NUMBER.match(text[block_start : e + 2]):
        return False
    if _ORDINAL_DIGITS.match(core):
        return False
    return True


def _words_are_claim(text: str, s: int, e: int, core: str) -> bool:
    if _ONE_ALONE.match(core):
        return False
    after = text[e : e + 20]
    if _NOT_COUNTED.match(after):
        return False  # "two-way radio", "two kinds of lutes": a description, not a count
    if _AGE_AFTER.match(after):
        return False
    if _BARE_TENS_SCORES.match(core):
        return False  # only quantities with "of" ("scores of") are magnitudes
    if _HYPHEN_WORD.match(after) and not _HYPHEN_MULTIPLIER.match(after):
        # "two-year", "ten-day": still a quantity (a duration or size).
        return True
    return True
