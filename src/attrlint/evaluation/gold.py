"""Reading gold files: one labelled article per line of JSON (docs/training.md).

Each record has an ``id``, the article ``text`` (or none, and then its text is found by
``id`` in a corpus file of ``{"id", "text"}`` lines), an optional ``outlet`` and the
``sentences``: spans with a ``claim`` label (numeric, factual, none) and an
``attribution`` label (named, vague, none; absent or null when the claim is none).
A malformed file is a :class:`GoldError` naming the file, the line and what is wrong, in
one line: a bad label must not be scored as a silent zero.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any, NamedTuple

CLAIMS = ("numeric", "factual", "none")
ATTRIBUTIONS = ("named", "vague", "none")

Sentence = tuple[int, int, str, str | None]  # start, end, claim, attribution


class GoldError(Exception):
    """A gold or corpus file that cannot be read or is not in the gold format (one line)."""


class GoldArticle(NamedTuple):
    id: str
    outlet: str | None
    text: str
    sentences: tuple[Sentence, ...]


def load_gold(paths: str | PathLike | Iterable[str | PathLike],
              corpus: str | PathLike | None = None) -> list[GoldArticle]:
    """The articles of the gold files ``paths``, in order; texts missing from a record are
    looked up by id in ``corpus``.  Raises :class:`GoldError`."""
    if isinstance(paths, str | PathLike):
        paths = [paths]
    records: list[tuple[str, int, dict]] = []  # file, line number, record
    for path in map(Path, paths):
        found = [(str(path), number, record) for number, record in _json_lines(path)]
        if not found:
            raise GoldError(f"{path}: no articles (expected one JSON object per line)")
        records.extend(found)
    wanted = {record["id"] for _, _, record in records if _id_only(record)}
    texts = _corpus_texts(Path(corpus), wanted) if corpus is not None and wanted else {}
    return [_article(record, f"{file}:{number}", texts, corpus) for file, number, record in records]


def _id_only(record: dict) -> bool:
    return "text" not in record and isinstance(record.get("id"), str)


def _json_lines(path: Path) -> Iterable[tuple[int, dict]]:
    """``(line number, object)`` for every non-blank line of a JSON Lines file."""
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not valid UTF-8 (byte position {exc.start})") from None
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(value, dict):
            raise GoldError(f"{path}:{number}: expected a JSON object, got {type(value).__name__}")
        yield number, value


def _corpus_texts(corpus: Path, wanted: set[str]) -> dict[str, str]:
    texts = {}
    for number, record in _json_lines(corpus):
        if record.get("id") in wanted:
            if not isinstance(record.get("text"), str):
                raise GoldError(f"{corpus}:{number}: field 'text': expected a string")
            texts[record["id"]] = record["text"]
    return texts


def _article(record: dict, where: str, texts: dict[str, str], corpus) -> GoldArticle:
    article_id = record.get("id")
    if not isinstance(article_id, str) or not article_id:
        raise GoldError(f"{where}: field 'id': expected a non-empty string, got {_show(article_id)}")
    if "text" in record:
        text = record["text"]
        if not isinstance(text, str):
            raise GoldError(f"{where}: field 'text': expected a string, got {_show(text)}")
    elif corpus is None:
        raise GoldError(f"{where}: article {article_id!r} has no 'text' (name a corpus file with --corpus)")
    elif article_id not in texts:
        raise GoldError(f"{where}: article {article_id!r} has no 'text' and is not in the corpus {corpus}")
    else:
        text = texts[article_id]
    outlet = record.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise GoldError(f"{where}: field 'outlet': expected a string, got {_show(outlet)}")
    sentences = record.get("sentences")
    if not isinstance(sentences, list):
        raise GoldError(f"{where}: field 'sentences': expected a list, got {_show(sentences)}")
    return GoldArticle(article_id, outlet, text,
                       tuple(_sentence(s, f"{where}: sentences[{i}]", len(text)) for i, s in enumerate(sentences)))


def _sentence(value: Any, where: str, length: int) -> Sentence:
    if not isinstance(value, dict):
        raise GoldError(f"{where}: expected an object, got {_show(value)}")
    start, end = value.get("start"), value.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) \
            or not 0 <= start <= end <= length:
        raise GoldError(f"{where}: 'start' and 'end' must be offsets with 0 <= start <= end <= {length} "
                        f"(the text's length), got {_show(start)} and {_show(end)}")
    claim = value.get("claim")
    if claim not in CLAIMS:
        raise GoldError(f"{where}: field 'claim': expected one of {', '.join(CLAIMS)}, got {_show(claim)}")
    attribution = value.get("attribution")
    if attribution not in ATTRIBUTIONS and not (claim == "none" and attribution is None):
        raise GoldError(f"{where}: field 'attribution': expected one of {', '.join(ATTRIBUTIONS)}"
                        f"{' (or null)' if claim == 'none' else ''}, got {_show(attribution)}")
    return (start, end, claim, attribution)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
