"""The scorer's model file: plain JSON data, read and applied in pure Python.

A model says, for each sentence, how likely it is an unattributed claim and how likely a
vaguely attributed one (:data:`CATEGORIES`, the finding categories it scores): one
L1-regularised logistic regression per category over hashed features
(:mod:`attrlint.scoring.features`).  L1 keeps a few hundred weights of the hundreds of
thousands of buckets, so the file is small and reads in a millisecond.  The file holds its
format version and the feature set it was trained on, so a model from another version of
attrlint is refused with one line, never misapplied; it is never pickle.

Layout::

    {"format": "attrlint-scorer", "version": 1, "feature_set": "...", "hash_bits": 18,
     "categories": {"unattributed": {"intercept": b, "weights": {"<bucket>": w, ...}},
                    "vague-attribution": {...}},
     "thresholds": {"unattributed": t, "vague-attribution": t},
     "trained_on": {...}}
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Sequence
from functools import cache

from attrlint.scoring.features import FEATURE_SET

FORMAT = "attrlint-scorer"
VERSION = 1
CATEGORIES = ("unattributed", "vague-attribution")
MAX_BYTES = 2 * 1024 * 1024


class ModelError(Exception):
    """A model file that cannot be used; the message is one line naming the file."""


def bucket(feature: str, bits: int) -> int:
    """The hashed bucket of a feature: stable across processes and machines (crc32 of its
    UTF-8 bytes), unlike ``hash()``."""
    return zlib.crc32(feature.encode()) & ((1 << bits) - 1)


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class Model:
    """A loaded scorer: :meth:`score` gives each sentence's probability per category."""

    __slots__ = ("path", "hash_bits", "intercepts", "weights", "thresholds", "trained_on")

    def __init__(self, path: str, hash_bits: int, intercepts: tuple[float, float],
                 weights: dict[int, tuple[float, float]], thresholds: dict[str, float], trained_on: dict) -> None:
        self.path = path
        self.hash_bits = hash_bits
        self.intercepts = intercepts
        self.weights = weights  # bucket -> (weight for unattributed, weight for vague)
        self.thresholds = thresholds
        self.trained_on = trained_on

    def score(self, features: Sequence[str]) -> tuple[float, float]:
        """(p unattributed, p vague) for one sentence's features."""
        u, v = self.intercepts
        get = self.weights.get
        mask = (1 << self.hash_bits) - 1
        crc = zlib.crc32
        for f in features:
            w = get(crc(f.encode()) & mask)
            if w is not None:
                u += w[0]
                v += w[1]
        return sigmoid(u), sigmoid(v)


def load_model_text(text: str, path: str) -> Model:
    """Parse and check a model file's text; :class:`ModelError` (one line) when unusable."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"{path}: not a model file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{path}: not an attrlint scorer model (no \"format\": \"{FORMAT}\")")
    if data.get("version") != VERSION:
        raise ModelError(f"{path}: model format version {data.get('version')!r} is not supported "
                         f"(this attrlint reads version {VERSION})")
    if data.get("feature_set") != FEATURE_SET:
        raise ModelError(f"{path}: model was trained on feature set {data.get('feature_set')!r}, "
                         f"this attrlint computes {FEATURE_SET!r}: retrain it with `attrlint train`")
    try:
        bits = data["hash_bits"]
        if not isinstance(bits, int) or isinstance(bits, bool) or not 8 <= bits <= 24:
            raise ValueError("hash_bits must be an integer from 8 to 24")
        categories = data["categories"]
        if not isinstance(categories, dict) or set(categories) != set(CATEGORIES):
            raise ValueError(f"categories must be {', '.join(CATEGORIES)}")
        intercepts = tuple(_number(categories[c]["intercept"]) for c in CATEGORIES)
        weights: dict[int, list[float]] = {}
        for i, c in enumerate(CATEGORIES):
            for key, value in categories[c]["weights"].items():
                if not key.isdigit() or int(key) >= 1 << bits:
                    raise ValueError(f"bucket {key!r} is not a number below 2**{bits}")
                weights.setdefault(int(key), [0.0, 0.0])[i] = _number(value)
        thresholds = {c: _number(data["thresholds"][c]) for c in CATEGORIES}
        if not all(0.0 <= t <= 1.0 for t in thresholds.values()):
            raise ValueError("thresholds must be numbers from 0 to 1")
        trained_on = data.get("trained_on", {})
        if not isinstance(trained_on, dict):
            raise ValueError("trained_on must be a table")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ModelError(f"{path}: malformed model file ({what})") from None
    return Model(path, bits, intercepts, {k: (w[0], w[1]) for k, w in weights.items()}, thresholds, trained_on)


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    return float(value)


def read_model(path: str) -> Model:
    """A model from a file the user named (``model = "..."``, ``--model``)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ModelError(f"{path}: cannot read model file ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise ModelError(f"{path}: model file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{path}: not a model file (not UTF-8 text)") from None
    return load_model_text(text, path)


def dumps(model: dict) -> str:
    """The canonical text of a model (sorted keys, fixed separators): same data, same bytes."""
    return json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"


@cache
def builtin_model() -> Model:
    """The model that ships with attrlint (``rules/models/scorer.json``, package data in a
    wheel), read once per process."""
    from attrlint.data import rules_root

    entry = rules_root() / "models" / "scorer.json"
    try:
        text = entry.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"attrlint's built-in model is missing or unreadable ({exc})") from None
    return load_model_text(text, "attrlint's built-in model")


@cache
def model_at(path: str) -> Model:
    """A user's model file, read once per process however many files it scores."""
    return read_model(path)
