"""The report's summary: finding kinds, share of attributed figures, sources cited, pass cues."""

from __future__ import annotations

import pytest

from attrlint.analysis.article import analyse
from attrlint.analysis.attribution import Cue
from attrlint.engine.findings import Finding
from attrlint.formats.report_summary import combine, finding_kind, pass_cues, source_kind, summarise
from attrlint.readers.plaintext import PlainTextReader


def _finding(category: str, claim_kind: str | None = None, rule: str = "ATR999") -> Finding:
    return Finding(rule=rule, name="x", category=category, severity="warning", message="m",
                   start=0, end=1, sentence_start=0, sentence_end=1, claim_kind=claim_kind)


@pytest.mark.parametrize(("category", "claim_kind", "kind"), [
    ("unattributed", "numeric", "figure"),
    ("unattributed", "factual", "fact"),
    ("unattributed", "quote", "quote"),
    ("unattributed", None, "other"),
    ("vague-attribution", None, "vague"),
    ("other", None, "other"),
])
def test_finding_kind(category, claim_kind, kind):
    assert finding_kind(_finding(category, claim_kind)) == kind


@pytest.mark.parametrize(("source", "quality", "kind"), [
    ("a senior official", "vague", "anonymous"),
    ("a Pentagon spokesperson", "named", "anonymous"),
    ("a source close to the talks", "vague", "anonymous"),
    ("a new study", "vague", "vague"),
    ("experts", "vague", "vague"),
    ("the ministry", "named", "named"),
    ("Ford", "named", "named"),
])
def test_source_kind(source, quality, kind):
    assert source_kind(Cue(0, 1, "verb", source, quality)) == kind


def _analysis(text: str):
    return analyse(PlainTextReader().read("a.txt", text))


ARTICLE = (
    "The ministry said 12 people died in the fire. Police arrested 3 men.\n\n"
    "Experts say the damage will exceed $2 million.\n\n"
    "The fire started at night."
)


def test_summary_counts_share_and_sources():
    findings = [_finding("unattributed", "numeric"), _finding("unattributed", "quote"),
                _finding("vague-attribution"), _finding("vague-attribution")]
    summary = summarise(findings, _analysis(ARTICLE))
    assert summary.counts == {"figure": 1, "fact": 0, "quote": 1, "vague": 2, "other": 0}
    assert summary.findings == 4
    # Three sentences have figures; only the ministry's is attributed.
    assert (summary.figures_attributed, summary.figure_sentences) == (1, 3)
    assert summary.figure_share == pytest.approx(1 / 3)
    assert [s.text for s in summary.sources_of("named")] == ["The ministry"]
    assert [s.text for s in summary.sources_of("vague")] == ["Experts"]


def test_summary_without_figures_has_no_share():
    summary = summarise([], _analysis("The fire started at night."))
    assert summary.figure_share is None and summary.findings == 0


def test_combine_merges_sources_by_name():
    a = summarise([_finding("unattributed", "numeric")], _analysis("The ministry said 12 people died."))
    b = summarise([], _analysis("The Ministry said 4 people were hurt. It said 2 more were missing."))
    total = combine([a, b])
    assert total.counts["figure"] == 1
    assert (total.figures_attributed, total.figure_sentences) == (3, 3)
    (ministry,) = total.sources_of("named")
    assert ministry.text == "The ministry" and ministry.count == 2


def test_pass_cues_cover_the_source_as_written():
    text = "The 40 officers arrived on Monday, police said. They left 2 days later.\n\nNothing else."
    cues = pass_cues(_analysis(text))
    assert [text[c.start : c.end] for c in cues] == ["police said"]
    assert cues[0].sentences == 2 and "police" in cues[0].description


def test_summary_lists_noun_phrases_only():
    text = ("Both cities have now confirmed 12 transfers. The towns hope to use the bridge as a bargaining chip "
            "in trade talks. The levy is expected to rise by 3%.")
    summary = summarise([], _analysis(text))
    assert [s.text for s in summary.sources] == ["Both cities"]
