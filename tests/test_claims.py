"""The cheap tests in ``attrlint.analysis.claims`` that let most sentences skip a pattern
must hold whenever the pattern matches (else a sentence would be misjudged, silently).

Texts are built from the patterns' own words (so a word added to a pattern is exercised
here too), in case variants, with digits, dashes, quotes, full stops, colons and the
whitespace characters ``str.strip`` and ``regex`` disagree on.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.analysis import claims


def _words_of(*patterns: regex.Pattern) -> list[str]:
    sources = " ".join(regex.sub(r"\\[A-Za-z]", " ", p.pattern) for p in patterns)  # "\\bour": "our"
    return sorted(set(regex.findall(r"[A-Za-z]{2,}", sources)))


_PATTERN_WORDS = _words_of(claims._DATELINE, claims._PLACE_DATELINE_ALONE, claims._CREDIT, claims._BYLINE,
                           claims._LIST_INTRO, claims._NEWSGATHERING, claims._MODAL_SPECULATION,
                           claims._OPINION_AFTERTHOUGHT)


def _case_variants(word: str) -> st.SearchStrategy[str]:
    odd = word.replace("i", "İ").replace("s", "ſ")
    return st.sampled_from([word, word.lower(), word.upper(), word.capitalize(), odd])


_TOKEN = st.one_of(
    st.sampled_from(_PATTERN_WORDS).flatmap(_case_variants),
    st.sampled_from(["I", "Our", "our", "the", "Smith", "NASA", "2019", "12", "1", "2024-05-01", "٣", "x"]),
)
_GAP = st.sampled_from([" ", " ", "  ", ", ", ". ", ".", ": ", ":", "|", " - ", " — ", "–", "\n", "\t", "\x1c", '"',
                        "?", "’", "'"])
_SOUP = st.lists(st.tuples(_TOKEN, _GAP), max_size=12).map(lambda parts: "".join(t + g for t, g in parts))
# Near-misses of what the patterns look for: a date (also in Kawi digits, "\\d" to regex but
# not digits to Python 3.11), a byline, a list, the outlet, an opinion.
_KAWI_YEAR = "\U00011f52\U00011f50\U00011f52\U00011f54"
_OPENINGS = st.sampled_from(["Friday, July 21, 2017", "21 March 2019", "May 2019", f"May {_KAWI_YEAR}", "2024-05-01",
                             "By Jane Doe", "By Jane", "Here are seven trends", "Here is why", "Our reporters attended",
                             "Reuters journalists visited", "our readers", "Image: AP", "Photos | AP",
                             "Evansville, Indiana -", "KYIV —", "I think", "I  suspect", "it could", "we OUGHT to"])
_TAILS = st.lists(st.tuples(_GAP, _TOKEN), max_size=3)
_TEMPLATED = st.tuples(st.sampled_from(["", " ", '"', "The "]), _OPENINGS, _TAILS,
                       st.sampled_from(["", ".", " .", ". ", ":", ": ", " -", "—", "?", "\x1c", ".\x1c", "\n"])).map(
    lambda p: p[0] + p[1] + "".join(g + t for g, t in p[2]) + p[3])
_TEXTS = st.one_of(_SOUP, _TEMPLATED)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_each_cheap_test_holds_whenever_its_pattern_matches(raw):
    text = raw.strip()  # not_a_claim strips the sentence first
    if claims._DATELINE.match(text):
        assert claims._may_end_with_a_date(text)
    if claims._PLACE_DATELINE_ALONE.match(text):
        assert text[-1:] in claims._DASHES
    if claims._CREDIT.match(raw) or claims._BYLINE.match(raw):
        assert claims.is_credit(raw)
    if claims._LIST_INTRO.match(text):
        assert text.endswith(":")
    if claims._NEWSGATHERING.search(raw):
        assert claims._may_be_newsgathering(raw)
    if claims._MODAL_SPECULATION.search(raw):
        assert claims._may_be_modal(raw)
    if claims._OPINION_AFTERTHOUGHT.search(raw):
        assert "I" in raw
    assert claims._fewer_words_than(raw, 3) == (len(claims._WORD.findall(raw)) < 3)
    claims._is_unterminated_line.cache_clear()
    line = raw.replace("\n", " ").replace("\r", " ")
    assert claims._is_unterminated_line(line) == (not claims._TERMINAL.search(line))


def test_the_cheap_tests_let_the_usual_cases_through():
    assert claims._may_end_with_a_date("Friday, July 21, 2017") and claims._may_end_with_a_date("May 2019 .")
    assert not claims._may_end_with_a_date("The army withdrew on Tuesday.")
    assert claims._DATELINE.match(f"May {_KAWI_YEAR}") and claims._may_end_with_a_date(f"May {_KAWI_YEAR}")
    assert claims.is_credit("Image: NASA.") and claims.is_credit("By Jane Doe")
    assert claims._may_be_newsgathering("Our reporters attended the opening")
    assert claims._may_be_modal("An attacker COULD gain access") and not claims._may_be_modal("It rained.")
    assert claims._is_unterminated_line("Local news") and not claims._is_unterminated_line("It rained.  ")


def _has_verb_word_by_word(text: str, finite_only: bool) -> bool:
    """The plain way: each word lower-cased on its own (what ``claims._has_verb`` must equal)."""
    for i, word in enumerate(claims._WORDS.findall(text)):
        lower = word.lower().replace("’", "'")
        if lower in claims._AUXILIARIES or lower in claims._IRREGULAR_PASTS:
            return True
        if len(lower) <= 3:
            continue
        if finite_only:
            if word[0].islower() and lower.endswith("ed"):
                return True
            continue
        if (i == 0 or word[0].islower()) and lower.endswith(("ed", "ing")):
            return True
        if word[0].islower() and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")):
            return True
    return False


_VERB_WORDS = st.sampled_from(["is", "IS", "won’t", "Won't", "said", "went", "WENT", "İs", "waſ", "walked", "Walked",
                               "talking", "Irving", "runs", "Runs", "boss", "its", "it's", "it’s", "Ὀδυσσεύς", "ΣΑΣ",
                               "ΟΔΟΣ", "the", "old", "a", "Reed", "reed", "x"])
_VERB_GAPS = st.sampled_from([" ", ", ", ".", "'", "’", "-", "Σ", ".Σ", "\x00", "2", "İ", "\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_VERB_WORDS, _VERB_GAPS), max_size=8), st.booleans())
def test_verbs_found_with_one_lower_casing_as_word_by_word(parts, finite_only):
    text = "".join(w + g for w, g in parts)
    assert claims._has_verb(text, finite_only=finite_only) == _has_verb_word_by_word(text, finite_only)
