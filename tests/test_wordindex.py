"""Trying a pattern only where a match can start gives exactly what ``finditer`` gives.

``attrlint.analysis.wordindex.scan`` replaces ``pattern.finditer`` in the analysis scans;
``match_starts`` reads from a pattern's source which words, characters or digits can open
a match.  These tests compare the two on random texts: for every built-in scanning
pattern, for patterns built from lexicons with extra entries (as configuration adds
them), and for random small patterns that exercise the source analysis itself.
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from attrlint.analysis import wordindex
from attrlint.analysis.attribution import _verb_scan
from attrlint.analysis.catalog import WORD_INDEXED, scan_text, scanning_patterns
from attrlint.analysis.lexicons import Lexicons, default_lexicons
from attrlint.analysis.match_starts import match_starts, split_alternation, union
from attrlint.analysis.wordindex import Source, fold, scan, scan_slice

# Patterns whose prefilter carries the speed-up: falling back to finditer would not change
# the output, only make attrlint several times slower, so it is a failure here.
PREFILTERED = sorted(WORD_INDEXED)

EXTRA = Lexicons(extra={
    "reporting-verbs": ["whisper", "point out", "blurt|blurted", "co-sign"],
    "vague-phrases": ["it is whispered", "(?:some|many) (?:insiders|people) (?:say|said)", "rumou?rs? (?:say|have it)",
                      "word on the street"],
    "number-words": ["zillion", "twenty-one", "lakh"],
})


def _lexicon_words(lexicons: Lexicons) -> list[str]:
    words: set[str] = set()
    for name in ("reporting-verbs", "number-words", "vague-sources", "attribution-nouns"):
        for entry in lexicons.entries(name):
            words.update(regex.findall(r"\p{L}+", entry.replace("|", " ")))
    words.update(regex.findall(r"[a-z]+", " ".join(lexicons.entries("vague-phrases"))))
    words.update("""a an the by of per one half third quarter tens scores dozen dozens fold twofold
    according to citing quoting cited quoted reported as sources courtesy in words told issued released
    a statement was were is are been by report study found at least up to more than percent per cent
    million bn km times as twice higher Image Photo Credit could might should ought""".split())
    return sorted(words)


def _case_variants(word: str) -> st.SearchStrategy[str]:
    odd = word.replace("i", "İ").replace("s", "ſ").replace("k", "K")
    return st.sampled_from([word, word.upper(), word.capitalize(), odd])


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    word = st.sampled_from(words).flatmap(_case_variants)
    other = st.sampled_from(["1", "2,500", "3.5", "1990", "12th", "5-fold", "$", "€", "£", "US$4", "%", "x",
                             "Smith", "é", "_", "'", "’", "-", "—"])
    gap = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ". ", "-", "", ": ", '"', "“", "”", "(", ")", "\t"])
    token = st.one_of(word, word, word, other)
    return st.lists(st.tuples(token, gap), max_size=30).map(lambda parts: "".join(t + g for t, g in parts))


def _same(pattern: regex.Pattern | Source, text: str, start: int, end: int) -> None:
    # A split alternation's matches come from a sub-pattern: same spans and named groups.
    def spans(matches):
        return [(m.span(), m.group(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
                for m in matches]

    compiled = regex.compile(*pattern) if isinstance(pattern, Source) else pattern
    assert spans(scan(pattern, text, start, end)) == spans(compiled.finditer(text, start, end))
    assert spans(scan_slice(pattern, text, start, end)) == spans(compiled.finditer(text[start:end]))



def _check_all(patterns: dict[str, regex.Pattern], text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for pattern in patterns.values():
        _same(pattern, text, 0, len(text))
        _same(pattern, text, start, end)


DEFAULT_PATTERNS = scanning_patterns()
EXTRA_PATTERNS = scanning_patterns(EXTRA)


@settings(max_examples=300, deadline=None)
@given(_texts(_lexicon_words(default_lexicons())), st.data())
def test_builtin_patterns_match_as_with_finditer(text, data):
    _check_all(DEFAULT_PATTERNS, text, data)


@settings(max_examples=200, deadline=None)
@given(_texts(_lexicon_words(EXTRA)), st.data())
def test_patterns_with_configured_entries_match_as_with_finditer(text, data):
    _check_all({name: EXTRA_PATTERNS[name] for name in ("quantities", "reporting-verbs", "vague-phrases")},
               text, data)
    _check_all({"verbs": _verb_scan(EXTRA.reporting_verb_pattern), "vague": EXTRA.vague_phrase_scan}, text, data)


def test_big_alternations_compile_only_the_branches_a_text_needs():
    lexicons = Lexicons(extra={"vague-phrases": ["it is murmured"]})  # a scanner of its own
    found = wordindex.scanner(lexicons.vague_phrase_scan)
    assert found.alternation is not None and len(found.alternation.branches) > 30
    text = "It is murmured that 40 people reportedly died."
    assert [m.group() for m in scan(lexicons.vague_phrase_scan, text, 0, len(text))] == ["It is murmured",
                                                                                          "reportedly"]
    assert found._compiled is None  # the whole pattern was never compiled
    assert 1 <= len(found._branches) <= len(found.alternation.branches) // 3  # the branches these words open


@pytest.mark.parametrize("name", PREFILTERED)
def test_the_big_patterns_are_prefiltered(name):
    for patterns in (DEFAULT_PATTERNS, EXTRA_PATTERNS):
        pattern = patterns[name]
        assert match_starts(pattern.pattern, pattern.flags) is not None, name


def test_an_alternation_starts_where_its_branches_start():
    for name, pattern in DEFAULT_PATTERNS.items():
        alternation = split_alternation(pattern.pattern, pattern.flags)
        if alternation is not None and all(alternation.branch_starts):
            assert union(alternation.branch_starts) == match_starts(pattern.pattern, pattern.flags), name


def test_starts_read_from_sources():
    def starts(source, flags=regex.IGNORECASE):
        return match_starts(source, flags)

    assert starts(r"\bsaid\b").words == {"said"}
    assert starts(r"\breports?(?=:)").words == {"report", "reports"}
    assert starts(r"\b(?:news |local )?media\b").words == {"news", "local", "media"}
    assert starts(r"\b(?:two|three)-?fold\b").words == {"two", "three", "twofold", "threefold"}
    assert starts(r"\bper(?=\s)").words == {"per"} and starts(r"\bper(?=s)").prefixes == {"per"}
    assert starts(r"\bsaid").prefixes == {"said"}  # the run of letters may go on
    quantity = starts(r"(?:[$€]\d|(?<![\w.])\d+|\b(?:a|one)\s+dozen\b)")
    assert quantity.chars == {"$", "€"} and quantity.digit and quantity.words == {"a", "one"}
    assert not quantity.digit_inside and starts(r"(?<![.])\d").digit_inside  # where a run of digits starts?
    # Not understood, or a match may start anywhere: the caller scans plainly.
    for source in (r"said", r"\w+", r"\b.said", r"\bx*", r"(?r)\bsaid", r"\b(?i)said", r"\bsa\Gid", r"\bé"):
        assert starts(source) is None, source
    assert match_starts(r"\bsaid\b", regex.IGNORECASE | regex.ASCII) is None


def test_fold_keeps_length_classes_and_ascii_case_partners():
    text = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = fold(text)
    assert len(folded) == len(text)
    for cls in (r"\p{L}", r"\w", r"\d", r"\s"):
        assert [m.start() for m in regex.finditer(cls, text)] == [m.start() for m in regex.finditer(cls, folded)]
    for m in regex.finditer(r"(?i)[a-z]", text):
        assert folded[m.start()] == m.group().lower() if m.group().isascii() else folded[m.start()].isascii()


# Random small patterns: literal letters, optional parts, groups, classes, boundaries.
_ATOMS = st.sampled_from(["a", "b", "s", "ab", "sa", " ", "-", r"\d", r"\s", "[ab]", "[a-]", r"\.", "$", "k"])
_BOUNDARY = st.sampled_from([r"\b", r"(?<![\p{L}'-])", r"(?<=\s)", r"(?<![\w.])", r"(?<![^a])", r"(?<=[1a])",
                             r"(?<!\d)", ""])
_AFTER = st.sampled_from([r"\b", r"(?![\p{L}-])", r"(?=\s)", r"(?=:)", "", r"\s+x"])


def _sequence(atom: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    quantifier = st.sampled_from(["", "", "?", "+", "*", "{1,2}"])
    return st.lists(st.tuples(atom, quantifier).map("".join), min_size=1, max_size=4).map("".join)


_GROUP = st.lists(_sequence(_ATOMS), min_size=1, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")")
_PATTERN = st.tuples(_BOUNDARY, _sequence(st.one_of(_ATOMS, _GROUP)), _AFTER).map("".join)
_SMALL_TEXT = st.text(st.sampled_from("abABsS kK12.-:\n'_İſKé$"), max_size=40)


@settings(max_examples=1500, deadline=None)
@given(_PATTERN, st.booleans(), _SMALL_TEXT, st.data())
def test_random_patterns_match_as_with_finditer(source, ignore_case, text, data):
    try:
        pattern = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
    except regex.error:
        return
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _same(pattern, text, 0, len(text))
    _same(pattern, text, start, end)


_ALTERNATION = st.tuples(_BOUNDARY, st.lists(_sequence(st.one_of(_ATOMS, _GROUP)), min_size=2, max_size=6),
                         _AFTER).map(lambda parts: parts[0] + "(?:" + "|".join(parts[1]) + ")" + parts[2])


@settings(max_examples=800, deadline=None)
@given(_ALTERNATION, st.booleans(), _SMALL_TEXT, st.data())
def test_random_alternations_tried_branch_by_branch_match_as_with_finditer(source, ignore_case, text, data):
    flags = regex.IGNORECASE if ignore_case else 0
    try:
        regex.compile(source, flags)
    except regex.error:
        return
    saved = wordindex._MIN_BRANCHES
    wordindex._MIN_BRANCHES = 2  # split every alternation
    try:
        wordindex._scanners.pop(Source(source, flags), None)
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        _same(Source(source, flags), text, 0, len(text))
        _same(Source(source, flags), text, start, end)
    finally:
        wordindex._MIN_BRANCHES = saved
        wordindex._scanners.pop(Source(source, flags), None)


def test_the_words_of_a_span_are_read_once_for_all_its_scanners_and_sentences():
    text = "Officials said 300 people, according to the ministry, were reportedly hurt.  Police said so."
    first = wordindex.span_words(text, 0, 75)
    assert wordindex.span_words(text, 0, 75) is first
    assert first.words[:3] == ["officials", "said", "people"] and first.starts[:3] == [0, 10, 19]
    assert first.end == len(text)  # read ahead: the next sentence is served too
    assert wordindex.span_words(text, 77, len(text)) is first
    assert wordindex.span_words(text, 1, 75) is not first  # "fficials": a run of letters cut in two


def test_a_sentence_cutting_a_word_or_number_is_read_on_its_own():
    text = "Police said 2,500 people were hurt on Friday, officials said on Saturday."
    verbs = _verb_scan(default_lexicons().reporting_verb_pattern)
    words = Source(r"\b(?:sa|said)\b", regex.IGNORECASE)  # tried branch by branch: "sa" opens only the first
    saved = wordindex._MIN_BRANCHES
    wordindex._MIN_BRANCHES = 2
    try:
        wordindex._scanners.pop(words, None)
        assert wordindex.scanner(words).alternation is not None
    finally:
        wordindex._MIN_BRANCHES = saved
    try:
        # The whole text is read first; then "00 people ..." and "Police sa" are asked for.
        for start, end in ((0, len(text)), (15, len(text)), (0, len(text)), (0, 9)):
            for pattern in (*DEFAULT_PATTERNS.values(), verbs, words):
                _same(pattern, text, start, end)
    finally:
        wordindex._scanners.pop(words, None)


@settings(max_examples=300, deadline=None)
@given(_texts(_lexicon_words(default_lexicons())), st.data(), st.sampled_from([4096, 1, 12]))
def test_sentences_scanned_in_order_from_one_reading_match_as_with_finditer(text, data, read_ahead):
    """The analysis scans a document's sentences in order, each with every pattern; they take
    their candidates from one reading of the words ahead of them (cut anywhere: at whitespace,
    as sentences are, or inside a word)."""
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=8))) | {0, len(text)})
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if data.draw(st.booleans()):  # trimmed of whitespace, as sentences are
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        spans.append((start, end))
    saved = wordindex._READ_AHEAD
    wordindex._READ_AHEAD = read_ahead
    wordindex._last = None
    try:
        for start, end in spans:
            for pattern in DEFAULT_PATTERNS.values():
                _same(pattern, text, start, end)
    finally:
        wordindex._READ_AHEAD = saved


def test_the_ceiling_scan_finds_what_finditer_finds():
    text = ("Officials said 300 people, according to the ministry, were reportedly hurt. A report by the UN "
            "found that two-thirds of the $4.5bn was spent. It is thought to have doubled.\n\nImage: AP. ") * 3
    patterns = scanning_patterns()
    assert scan_text(text, patterns) == scan_text(text, patterns, plain=True) > 40


def test_entries_the_analysis_cannot_read_fall_back_to_finditer():
    lexicons = Lexicons(extra={"reporting-verbs": ["énoncer", "répondre"],
                               "vague-phrases": ["à ce qu'on dit", "said\\w*"]})
    verbs, vague = _verb_scan(lexicons.reporting_verb_pattern), lexicons.vague_phrase_scan
    assert wordindex.scanner(vague).starts is None  # "à" opens a match: scanned with finditer
    text = "Énoncé: he répondit, répondait and RÉPONDRE. À ce qu'on dit, they saidx, reportedly; Répondre said."
    for pattern in (verbs, vague):
        _same(pattern, text, 0, len(text))
        _same(pattern, text, 3, len(text) - 5)
