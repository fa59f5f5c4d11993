"""The scorer's model file: plain JSON data, read and applied in pure Python.

A model says, for each sentence, how likely it is an unattributed claim and how likely a
vaguely attributed one (:data:`CATEGORIES`, the finding categories it scores): one
logistic regression per category over hashed features (:mod:`attrlint.scoring.features`).
Only the weights that move a decision are stored (training prunes the smallest), so the
file holds thousands of the 2**18 buckets and reads in a few milliseconds.  The file holds its
format version and the feature set it was trained on, so a model from another version of
attrlint is refused with one line, never misapplied; it is never pickle.

Layout::

    {"format": "attrlint-scorer", "version": 1, "feature_set": "...", "hash_bits": 18,
     "categories": {"unattributed": {"intercept": b, "buckets": [i, ...], "weights": [w, ...]},
                    "vague-attribution": {...}},
     "thresholds": {"unattributed": t, "vague-attribution": t, "ATR001": t},
     "trained_on": {...}}
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Sequence
from functools import cache

from attrlint.scoring.features import FEATURE_SET

FORMAT = "attrlint-scorer"
VERSION = 1
CATEGORIES = ("unattributed", "vague-attribution")
MAX_BYTES = 2 * 1024 * 1024
_RULE_CODE = re.compile(r"[A-Z]+[0-9]+")
_MEMO_LIMIT = 200_000  # features remembered per process (about 30 MB at most)


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


class _Weights(dict):
    """Feature -> its weight in one category, each feature hashed on first use
    (``__missing__``), so that summing over ``__getitem__`` fills the table as it goes:
    no loop in Python to find the features not seen before."""

    __slots__ = ("table", "mask", "prefix")

    def __init__(self, table: dict[int, float], bits: int, prefix: str = "") -> None:
        super().__init__()
        self.table = table  # bucket -> weight
        self.mask = (1 << bits) - 1
        self.prefix = prefix  # "w:": the table is keyed by the word alone

    def __missing__(self, feature: str) -> float:
        weight = self[feature] = self.table.get(zlib.crc32((self.prefix + feature).encode()) & self.mask, 0.0)
        return weight


class _GroupSums(dict):
    """A group of features (a tuple) -> the sum of their weights in one category, summed on
    first use (``__missing__``) from the category's feature weights: many sentences share a
    group, the same tuple object, so it is summed once and then found by identity."""

    __slots__ = ("weights",)

    def __init__(self, weights: _Weights) -> None:
        super().__init__()
        self.weights = weights

    def __missing__(self, group: tuple[str, ...]) -> float:
        total = self[group] = sum(map(self.weights.__getitem__, group))
        return total


class Model:
    """A loaded scorer: :meth:`score` gives each sentence's probability per category."""

    __slots__ = ("path", "hash_bits", "intercepts", "weights", "thresholds", "trained_on", "_memo")

    def __init__(self, path: str, hash_bits: int, intercepts: tuple[float, float],
                 weights: tuple[dict[int, float], dict[int, float]], thresholds: dict[str, float],
                 trained_on: dict) -> None:
        self.path = path
        self.hash_bits = hash_bits
        self.intercepts = intercepts
        self.weights = weights  # per category: bucket -> weight
        self.thresholds = thresholds
        self.trained_on = trained_on
        # Per category, feature -> its weight, word -> the weight of "w:<word>" and a group
        # of features -> their sum: a dict lookup instead of encoding and hashing the
        # features again (most repeat from sentence to sentence); cleared when too big.
        memo_u, memo_v = _Weights(weights[0], hash_bits), _Weights(weights[1], hash_bits)
        self._memo = (memo_u, memo_v, _Weights(weights[0], hash_bits, "w:"), _Weights(weights[1], hash_bits, "w:"),
                      _GroupSums(memo_u), _GroupSums(memo_v))

    def __reduce__(self):  # --jobs workers get the tables, not the memo
        return Model, (self.path, self.hash_bits, self.intercepts, self.weights, self.thresholds, self.trained_on)

    def score(self, features: Sequence[str], words: Sequence[str] = (),
              groups: Sequence[tuple[str, ...]] = (), vague: bool = True) -> tuple[float, float | None]:
        """(p unattributed, p vague) for one sentence's features, its distinct words (which
        stand for the features ``w:<word>``) and ``groups``, tuples of features many
        sentences share (each summed once and remembered).  With ``vague`` false p vague is
        not computed (None): vague attribution is only reported where the rules found a
        vague cue (:mod:`attrlint.scoring.verdicts`), and most sentences have none."""
        memo_u, memo_v, word_u, word_v, group_u, group_v = self._memo
        if len(memo_u) + len(word_u) + len(group_u) > _MEMO_LIMIT:
            for table in self._memo:
                table.clear()
        # The sums run in C (map over the tables' __getitem__), not in a Python loop.
        u = (self.intercepts[0] + sum(map(group_u.__getitem__, groups)) + sum(map(memo_u.__getitem__, features))
             + sum(map(word_u.__getitem__, words)))
        if not vague:
            return sigmoid(u), None
        v = (self.intercepts[1] + sum(map(group_v.__getitem__, groups)) + sum(map(memo_v.__getitem__, features))
             + sum(map(word_v.__getitem__, words)))
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
        weights = tuple(_weights(categories[c], bits) for c in CATEGORIES)
        thresholds = {c: _number(data["thresholds"][c]) for c in CATEGORIES}
        # A rule's own threshold, where its findings need another trade-off (ATR001: figures).
        thresholds.update({code: _number(t) for code, t in data["thresholds"].items() if _RULE_CODE.fullmatch(code)})
        if not all(0.0 <= t <= 1.0 for t in thresholds.values()):
            raise ValueError("thresholds must be numbers from 0 to 1")
        trained_on = data.get("trained_on", {})
        if not isinstance(trained_on, dict):
            raise ValueError("trained_on must be a table")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ModelError(f"{path}: malformed model file ({what})") from None
    return Model(path, bits, intercepts, weights, thresholds, trained_on)


def _weights(category: dict, bits: int) -> dict[int, float]:
    """A category's bucket -> weight table, from the two parallel lists of the file (lists
    of numbers parse several times faster than a table with a key per bucket)."""
    buckets, weights = category["buckets"], category["weights"]
    if not isinstance(buckets, list) or not isinstance(weights, list) or len(buckets) != len(weights):
        raise ValueError("buckets and weights must be two lists of the same length")
    if not all(type(b) is int for b in buckets) or (buckets and not 0 <= min(buckets) <= max(buckets) < 1 << bits):
        raise ValueError(f"buckets must be integers from 0 to 2**{bits} - 1")
    if not all(type(w) is float or type(w) is int for w in weights) or not all(map(math.isfinite, weights)):
        raise ValueError("weights must be finite numbers")
    return dict(zip(buckets, weights, strict=True))


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
    wheel), read once per process.  Its parsed tables are kept in the pattern cache beside
    the lexicons (plain data, keyed by the file's size and time): parsing the JSON is ~8 ms
    of a ~130 ms run, reading the cached tables ~1 ms."""
    from pathlib import Path

    from attrlint.data import rules_root

    entry = rules_root() / "models" / "scorer.json"
    name = "attrlint's built-in model"

    def parse() -> tuple:
        try:
            text = entry.read_text(encoding="utf-8")
        except OSError as exc:
            raise ModelError(f"{name} is missing or unreadable ({exc})") from None
        m = load_model_text(text, name)
        return (m.hash_bits, m.intercepts, m.weights, m.thresholds, m.trained_on)

    if not isinstance(entry, Path):
        return Model(name, *parse())
    from attrlint.pattern_cache import code_stamp, remembered

    return Model(name, *remembered("scorer-model", code_stamp(str(entry), __file__), (str(entry),), parse))


@cache
def model_at(path: str) -> Model:
    """A user's model file, read once per process however many files it scores."""
    return read_model(path)
