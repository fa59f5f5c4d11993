"""Every rule's documented good/bad examples are tests, and every rule has both kinds."""

from __future__ import annotations

import pytest

from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from tests.conftest import lint_text

REGISTRY = build_registry(load_plugins(third_party=False))
CASES = [(rule, example) for rule in REGISTRY.rules.values() for example in rule.examples]


@pytest.mark.parametrize("rule", REGISTRY.rules.values(), ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.code[:3].isalpha() and rule.code[3:].isdigit()
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.severity in {"info", "warning", "error"}
    assert len(rule.doc) > 100
    assert any(e.flagged for e in rule.examples), "needs at least one example that is flagged"
    assert any(not e.flagged for e in rule.examples), "needs at least one example that passes"


@pytest.mark.parametrize(("rule", "example"), CASES, ids=lambda x: getattr(x, "code", None) or x.text[:40])
def test_rule_example(rule, example):
    findings = [f for f in lint_text(example.text) if f.rule == rule.code]
    if example.flagged:
        assert findings, f"{rule.code} should flag: {example.text}"
        for f in findings:
            assert 0 <= f.start < f.end <= len(example.text)
    else:
        assert not findings, f"{rule.code} should not flag: {example.text} (got {findings[0].message})"


@pytest.mark.parametrize(("rule", "example"), CASES, ids=lambda x: getattr(x, "code", None) or x.text[:40])
def test_rule_example_as_shipped(rule, example):
    """The same examples through the whole product: the built-in scorer deciding, its default
    thresholds applied (what an editor sees)."""
    from attrlint.evaluation.linting import lint_text as lint_as_shipped

    if rule.code == "ATR004" and example.flagged:
        pytest.xfail("the labelled articles count most quotations whose speaker the rules miss as no "
                     "unsourced claim (15 of 65), so the scorer rarely reports ATR004 (docs/quality.md)")
    findings = [f for f in lint_as_shipped(example.text) if f.rule == rule.code]
    if example.flagged:
        assert findings, f"{rule.code} should flag: {example.text}"
    else:
        assert not findings, f"{rule.code} should not flag: {example.text} (got {findings[0].message})"
