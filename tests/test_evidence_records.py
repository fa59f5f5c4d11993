"""Compact evidence records: they read, compare, pickle and serialise like the dicts they
replace (the JSON contract is unchanged), at a fraction of a dict's memory."""

from __future__ import annotations

import pickle
import sys

import pytest

from attrlint.engine.findings import FactualEvidence, NumericEvidence, VagueEvidence


def test_a_record_reads_like_a_read_only_dict():
    evidence = NumericEvidence(claim="14,000 troops", quantities=["14,000 troops", "70%"], kinds=["digits", "percent"])
    assert evidence["claim"] == "14,000 troops"
    assert list(evidence) == ["claim", "quantities", "kinds"]
    assert dict(evidence) == {"claim": "14,000 troops", "quantities": ["14,000 troops", "70%"],
                              "kinds": ["digits", "percent"]}
    assert evidence == dict(evidence) and dict(evidence) == evidence
    assert evidence.get("reason") is None and "claim" in evidence and len(evidence) == 3
    with pytest.raises(KeyError):
        evidence["reason"]
    with pytest.raises(AttributeError):
        evidence.claim = "other"
    with pytest.raises(TypeError, match="unknown evidence key"):
        VagueEvidence(vague_source="experts", cue="vague-phrase", extra=1)
    with pytest.raises(KeyError):
        FactualEvidence(claim="x")  # a key missing


def test_a_record_survives_pickling_between_worker_processes():
    evidence = FactualEvidence(claim="The army withdrew.", reason="asserts a fact; no attribution cue found")
    again = pickle.loads(pickle.dumps(evidence))
    assert type(again) is FactualEvidence and again == evidence


def test_a_record_is_smaller_than_the_dict_it_replaces():
    record = FactualEvidence(claim="c", reason="r")
    assert sys.getsizeof(record) * 2 < sys.getsizeof({"claim": "c", "reason": "r"})


EXPECTED_KEYS = {"ATR001": {"claim", "quantities", "kinds"}, "ATR002": {"vague_source", "cue"},
                 "ATR003": {"claim", "reason"}, "ATR004": {"claim"}}


def test_findings_of_the_built_in_rules_serialise_as_before(json_lint):
    from attrlint.engine.plugins import load_plugins
    from attrlint.engine.registry import build_registry

    rules = build_registry(load_plugins(third_party=False)).rules
    seen = set()
    for code, keys in EXPECTED_KEYS.items():
        for example in (e for e in rules[code].examples if e.flagged):
            report, _ = json_lint(example.text, "story.txt", "--select", code)
            for record in report["files"][0]["findings"]:
                assert set(record["evidence"]) == keys, (code, example.text)
                seen.add(code)
    assert seen == set(EXPECTED_KEYS)
    report, _ = json_lint("The army said little. Officials counted 14,000 troops.\n")
    assert [f["evidence"] for f in report["files"][0]["findings"]] == [
        {"claim": "14,000 troops", "quantities": ["14,000 troops"], "kinds": ["digits"]}]


def test_an_excerpt_reads_as_the_text_it_points_at_and_pickles_as_text():
    from attrlint.engine.findings import Excerpt

    text = "Intro. The army withdrew. Outro."
    evidence = FactualEvidence(claim=Excerpt(text, 7, 25), reason="asserts a fact")
    assert evidence["claim"] == "The army withdrew."
    assert dict(evidence) == {"claim": "The army withdrew.", "reason": "asserts a fact"}
    assert evidence == FactualEvidence(claim="The army withdrew.", reason="asserts a fact")
    assert "The army withdrew." in repr(evidence)
    payload = pickle.dumps(evidence)
    assert b"Outro" not in payload  # the excerpt, not the whole document, crosses to the parent
    assert pickle.loads(payload) == evidence


def test_an_excerpt_is_smaller_than_the_text_it_stands_for():
    from attrlint.engine.findings import Excerpt

    sentence = "Officials said the bridge, closed since the flood, would reopen to traffic next spring."
    assert sys.getsizeof(Excerpt("", 0, 1)) < sys.getsizeof(sentence) / 2
