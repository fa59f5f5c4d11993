"""Property-based tests: generated articles (random Unicode, random Markdown-ish structure).

Whatever the text: no exception and no rule error; every finding lies inside the text
and its line/column agree with its offsets; the JSON is the same byte for byte on every
run; and appending another article after a blank line leaves the first one's findings
alone.  Example counts come from the hypothesis profile (``HYPOTHESIS_PROFILE``:
``ci`` by default, ``thorough`` for a long local run).
"""

from __future__ import annotations

import json
import os

import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import lint_result

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SUFFIXES = (".txt", ".md", ".html")

# Words that exercise the detectors: figures, reporting verbs, vague sources, quotes, abbreviations.
WORDS = st.sampled_from([
    "the", "ministry", "said", "says", "told", "officials", "experts", "according", "to", "reportedly",
    "Reuters", "Dr.", "U.S.", "Gen.", "J.", "14,000", "3.5%", "$4.2", "million", "one", "two", "half",
    "“", "”", '"', "'", "(", ")", "—", ",", ".", "...", "!", "?", ":", ";", "he", "She", "claimed",
    "Photo:", "AP", "2024", "in", "a", "report", "by", "study", "found", "[1]", "#", "@", "—", "*",
])
SENTENCE = st.lists(WORDS | st.text(min_size=1, max_size=8), min_size=1, max_size=25).map(" ".join)
LINE_PREFIX = st.sampled_from(["", "", "", "# ", "## ", "- ", "* ", "1. ", "> ", "> > ", "    ", "---", "```",
                               "<p>", "</p>", "<!-- ", " -->", "[link](http://example.com) ", "| a | b |"])
LINE = st.tuples(LINE_PREFIX, SENTENCE).map("".join)
BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\n\n"])
MARKDOWNISH = st.lists(st.tuples(LINE, BREAK).map("".join), min_size=0, max_size=12).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=400), MARKDOWNISH)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, computed independently of LineIndex (\\r\\n, \\r, \\n end lines)."""
    before = text[:offset]
    breaks = list(regex.finditer(r"\r\n|\r|\n", before))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def json_report(text: str, suffix: str) -> str:
    from attrlint.engine.linter import Report
    from attrlint.formats.records import report_record

    return json.dumps(report_record(Report(files=[lint_result(text, suffix)])), sort_keys=False)


@given(text=ANY_TEXT, suffix=st.sampled_from(SUFFIXES))
def test_findings_are_inside_the_text_and_positions_agree(text, suffix):
    result = lint_result(text, suffix)
    assert result.errors == []
    document = result.document
    assert len(document.prose) == len(document.text) == len(text)
    for f in result.findings:
        assert 0 <= f.sentence_start <= f.start <= f.end <= f.sentence_end <= len(text), f
        assert document.lines.position(f.start) == line_column(text, f.start)
        assert document.lines.position(f.end) == line_column(text, f.end)


@given(text=ANY_TEXT, suffix=st.sampled_from(SUFFIXES))
def test_output_is_deterministic(text, suffix):
    assert json_report(text, suffix) == json_report(text, suffix)


def _first_block_is_a_credit(text: str) -> bool:
    """A photo credit ("Photo: AP.") opening the second article captions the paragraph before
    it: the one convention by which a paragraph changes its predecessor's findings."""
    from attrlint.analysis.claims import is_credit

    document = lint_result(text).document
    first = [s for s in document.sentences if s.block == 0]
    return bool(first) and is_credit(document.sentence_text(first[0]))


def _read_as_lines_alone(first: str, joined: str) -> bool:
    """A plain-text article with no blank line is read line by line (readers/plaintext.py);
    followed by a blank line and another article, it is a paragraph like any other."""
    alone = lint_result(first).document.blocks
    together = [b for b in lint_result(joined).document.blocks if b.end <= len(first)]
    return [(b.start, b.end) for b in alone] != [(b.start, b.end) for b in together]


@given(first=ANY_TEXT, second=ANY_TEXT)
def test_appending_an_article_leaves_the_first_ones_findings_alone(first, second):
    first = first.rstrip("\r\n")
    assume(first.strip())
    assume(not _first_block_is_a_credit(second))
    joined = first + "\n\n" + second
    assume(not _read_as_lines_alone(first, joined))
    alone = [(f.rule, f.start, f.end, f.message) for f in lint_result(first).findings]
    together = [(f.rule, f.start, f.end, f.message) for f in lint_result(joined).findings if f.start < len(first)]
    assert together == alone
