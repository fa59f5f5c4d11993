"""Confidence thresholds: which findings are reported, given how sure the scorer is.

Every finding carries a ``confidence`` from 0 to 1 (1.0 for rules nobody scores).  The
``min-confidence`` key and ``--min-confidence`` drop the findings below a threshold: one
number for every finding, or ``"auto"``, a threshold per category chosen by
cross-validating the trained model (:func:`default_min_confidence`).  Filtering runs on
each file's final findings (:meth:`attrlint.config.profile.Profile.finish`): after
suppressions, so a directive that matched a low-confidence finding still counts as used
(ATR901 stays quiet), and before baselines, the summary and the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrlint.engine.findings import Finding

AUTO = "auto"


def default_min_confidence(model: Any = None) -> dict[str, float]:
    """The thresholds ``min-confidence = "auto"`` applies: category (or rule code) -> lowest
    confidence kept, the ones the model's training chose by cross-validation (``thresholds``
    in the model file).  A category not listed is not filtered; without a scorer nothing is."""
    return dict(model.thresholds) if model is not None else {}


def resolve_threshold(value: Any, model: Any = None) -> float | dict[str, float]:
    """A validated ``min-confidence`` value (a number from 0 to 1, or ``"auto"``) as the
    threshold :func:`filter_by_confidence` takes."""
    return default_min_confidence(model) if value == AUTO else float(value)


def filter_by_confidence(findings: Iterable[Finding], threshold: float | Mapping[str, float]) -> list[Finding]:
    """The findings whose confidence is at least ``threshold``, in their order.

    ``threshold`` is one number for every finding, or a mapping category -> number
    (``{"unattributed": 0.4}``) where a category it does not name is kept whatever its
    confidence; a rule code in the mapping (``"ATR001": 0.2``) overrides its category's.
    A finding exactly at the threshold is kept.  With nothing to filter (a threshold of 0,
    an empty mapping) a list comes back as it is, uncopied: most runs filter nothing, and
    an archive file has hundreds of thousands of findings.
    """
    if isinstance(threshold, Mapping):
        if not threshold:
            return findings if isinstance(findings, list) else list(findings)
        get = threshold.get
        return [f for f in findings if f.confidence >= get(f.rule, get(f.category, 0.0))]
    if threshold <= 0.0:
        return findings if isinstance(findings, list) else list(findings)
    return [f for f in findings if f.confidence >= threshold]
