"""``attrlint evaluate`` and attrlint.evaluation: gold files written here, figures checked
against a count by hand (score.py's definitions), one-line errors for malformed files."""

from __future__ import annotations

import json

import pytest

from attrlint.engine.findings import Finding
from attrlint.evaluation import GoldArticle, GoldError, lint_text, load_gold, score
from tests.conftest import run_cli
from tests.inprocess import attrlint  # noqa: F401  (fixture)

# Each sentence its own paragraph, so no attribution reaches a neighbour.  What attrlint
# flags, and the gold labels (some deliberately disagreeing with it):
#   S1 ATR001 (unattributed)      gold numeric/none   -> unattributed tp
#   S2 nothing                    gold numeric/named  -> true negative
#   S3 ATR002 (vague-attribution) gold factual/vague  -> vague tp
#   S4 ATR001 (unattributed)      gold numeric/named  -> unattributed fp
#   S5 nothing (a question)       gold factual/none   -> unattributed fn (factual)
#   S6 nothing (a heading)        gold none/null      -> true negative
# and in a second article, whose text is in a corpus file:
#   B1 ATR001 (unattributed)      gold numeric/vague  -> unattributed fp, vague fn
A_SENTENCES = [
    ("North Korea has sent 14,000 troops to the front.", "numeric", "none"),
    ("The ministry said 12 people died in the fire.", "numeric", "named"),
    ("Experts say the offensive cannot last.", "factual", "vague"),
    ("The army lost 1,200 tanks.", "numeric", "named"),
    ("Is it over?", "factual", "none"),
    ("Further reading", "none", None),
]
B_TEXT = "Prices rose 40% in May.\n"
# By hand: unattributed tp 1 (S1), fp 2 (S4, B1), fn 1 (S5): P 1/3, R 1/2, F1 0.4;
# recall numeric 1/1 (S1), factual 0/1 (S5).  Vague tp 1 (S3), fp 0, fn 1 (B1): P 1, R 1/2, F1 2/3.
EXPECTED = {
    "unattributed": {"precision": 0.333, "recall": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1, "positives": 2,
                     "recall_numeric": 1.0, "recall_factual": 0.0},
    "vague": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1, "positives": 2},
}


def _article_a() -> dict:
    text, sentences = "", []
    for sentence, claim, attribution in A_SENTENCES:
        sentences.append({"start": len(text), "end": len(text) + len(sentence), "claim": claim,
                          "attribution": attribution})
        text += sentence + "\n\n"
    return {"id": "a", "outlet": "metro", "title": "ignored", "text": text, "sentences": sentences}


@pytest.fixture
def gold(tmp_path):
    """gold.jsonl (article a, with its text), ids.jsonl (article b, without) and corpus.jsonl."""
    (tmp_path / "gold.jsonl").write_text(json.dumps(_article_a()) + "\n\n", encoding="utf-8")
    b = {"id": "b", "sentences": [{"start": 0, "end": len(B_TEXT) - 1, "claim": "numeric", "attribution": "vague"}]}
    (tmp_path / "ids.jsonl").write_text(json.dumps(b) + "\n", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(json.dumps({"id": "other", "text": "x"}) + "\n"
                                           + json.dumps({"id": "b", "text": B_TEXT}) + "\n", encoding="utf-8")
    return tmp_path


def test_evaluate_json_matches_the_count_by_hand(attrlint, gold):  # noqa: F811
    run = attrlint("evaluate", "gold.jsonl", "ids.jsonl", "--corpus", "corpus.jsonl", "--format", "json", cwd=gold)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert figures["gold"] == ["gold.jsonl", "ids.jsonl"]
    assert (figures["articles"], figures["sentences"]) == (2, 7)
    assert figures["unattributed"] == EXPECTED["unattributed"]
    assert figures["vague"] == EXPECTED["vague"]


def test_evaluate_text_table(attrlint, gold):  # noqa: F811
    run = attrlint("evaluate", "gold.jsonl", "ids.jsonl", "--corpus", "corpus.jsonl", cwd=gold)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "gold.jsonl, ids.jsonl: 2 articles, 7 sentences",
        "  unattributed       P 0.333  R 0.500  F1 0.400  (tp 1 fp 2 fn 1)",
        "  vague attribution  P 1.000  R 0.500  F1 0.667  (tp 1 fp 0 fn 1)",
        "  unattributed recall by claim kind: numeric 1.000  factual 0.000",
    ]


def test_evaluate_applies_min_confidence(attrlint, gold, monkeypatch):  # noqa: F811
    from attrlint.rules.unattributed_numeric import UnattributedNumericClaim

    check = UnattributedNumericClaim.check
    monkeypatch.setattr(UnattributedNumericClaim, "check",
                        lambda self, ctx: (f.replace(confidence=0.4) for f in check(self, ctx)))
    # The hand-set rules (confidence 1.0, but ATR001's patched to 0.4): the filter's plumbing.
    run = attrlint("evaluate", "gold.jsonl", "--format", "json", "--no-scorer", cwd=gold)
    assert json.loads(run.stdout)["unattributed"]["tp"] == 1  # "auto" without a scorer: nothing filtered
    run = attrlint("evaluate", "gold.jsonl", "--format", "json", "--no-scorer", "--min-confidence", "0.5", cwd=gold)
    figures = json.loads(run.stdout)
    assert (figures["unattributed"]["tp"], figures["unattributed"]["fp"]) == (0, 0)
    assert figures["vague"]["tp"] == 1  # ATR002 is not scored low


def test_evaluate_checks_its_options(gold):
    for args in (["--min-confidence", "2"], ["--model", "missing.json"], ["--format", "csv"], []):
        proc = run_cli("evaluate", *(["gold.jsonl"] if args else []), *args, cwd=gold)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and proc.stdout == "", args


def _write(tmp_path, content: str):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    return path


def _record(**changes) -> str:
    record = {"id": "x", "text": "Ten ships sank.", "sentences": [
        {"start": 0, "end": 15, "claim": "numeric", "attribution": "none"}]}
    for key, value in changes.items():
        if key.startswith("s_"):
            record["sentences"][0][key[2:]] = value
        else:
            record[key] = value
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(("content", "message"), [
    ("{not json\n", "bad.jsonl:1: invalid JSON"),
    (_record() + "[1, 2]\n", "bad.jsonl:2: expected a JSON object"),
    ("\n\n", "bad.jsonl: no articles"),
    (_record(id=7), "field 'id'"),
    (_record(text=["x"]), "field 'text'"),
    (_record(outlet=3), "field 'outlet'"),
    (_record(sentences={"start": 0}), "field 'sentences'"),
    (_record(s_end=99), "sentences[0]: 'start' and 'end' must be offsets"),
    (_record(s_start="0"), "sentences[0]: 'start' and 'end' must be offsets"),
    (_record(s_claim="numbers"), "sentences[0]: field 'claim': expected one of numeric, factual, none"),
    (_record(s_attribution=None), "sentences[0]: field 'attribution'"),
    (_record(s_attribution="anonymous"), "sentences[0]: field 'attribution'"),
    (json.dumps({"id": "x", "sentences": []}) + "\n", "has no 'text' (name a corpus file with --corpus)"),
])
def test_malformed_gold_is_one_line_and_exit_2(attrlint, tmp_path, content, message):  # noqa: F811
    _write(tmp_path, content)
    run = attrlint("evaluate", "bad.jsonl", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == "" and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("attrlint: bad.jsonl") and message in run.stderr


def test_unreadable_gold_and_corpus_files_are_one_line_and_exit_2(attrlint, gold):  # noqa: F811
    (gold / "latin1.jsonl").write_bytes(_record(text="Caf\xe9 prices rose.").encode("latin-1"))
    for args, message in ((["missing.jsonl"], "missing.jsonl: cannot read"),
                          (["latin1.jsonl"], "latin1.jsonl: not valid UTF-8"),
                          (["ids.jsonl", "--corpus", "missing.jsonl"], "missing.jsonl: cannot read"),
                          (["ids.jsonl", "--corpus", "gold.jsonl"], "'b' has no 'text' and is not in the corpus")):
        run = attrlint("evaluate", *args, cwd=gold)
        assert run.returncode == 2 and run.stderr.count("\n") == 1 and message in run.stderr, run.stderr


# The Python API a training script uses

def test_load_gold_gives_articles_with_sentence_tuples(gold):
    a, b = load_gold([gold / "gold.jsonl", gold / "ids.jsonl"], corpus=gold / "corpus.jsonl")
    assert isinstance(a, GoldArticle) and (a.id, a.outlet) == ("a", "metro")
    assert a.sentences[0] == (0, len(A_SENTENCES[0][0]), "numeric", "none")
    assert a.sentences[-1][2:] == ("none", None)
    assert (b.id, b.outlet, b.text) == ("b", None, B_TEXT)
    assert load_gold(gold / "gold.jsonl") == [a]  # one path is fine too
    with pytest.raises(GoldError, match="no 'text'"):
        load_gold([gold / "ids.jsonl"])


def test_score_takes_findings_by_id_or_in_order_as_findings_or_records(gold):
    articles = load_gold([gold / "gold.jsonl", gold / "ids.jsonl"], corpus=gold / "corpus.jsonl")
    findings = [lint_text(article.text, f"{n}.txt") for n, article in enumerate(articles)]
    assert all(isinstance(f, Finding) for f in findings[0])
    figures = score(articles, findings)
    assert (figures["unattributed"]["tp"], figures["unattributed"]["fp"], figures["unattributed"]["fn"]) == (1, 2, 1)
    assert figures["unattributed"]["precision"] == pytest.approx(1 / 3)
    assert figures["vague"]["f1"] == pytest.approx(2 / 3)
    records = {a.id: [{"category": f.category, "start": f.start, "end": f.end} for f in found]
               for a, found in zip(articles, findings, strict=True)}
    assert score(articles, records) == figures
    assert score(articles, {})["unattributed"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0,
                                                   "fn": 2, "positives": 2, "recall_numeric": 0.0,
                                                   "recall_factual": 0.0}


def test_overlap_is_half_open():
    article = GoldArticle("x", None, "abcdef", ((0, 3, "numeric", "none"), (3, 6, "numeric", "named")))
    touching = [{"category": "unattributed", "start": 3, "end": 4}]  # starts where the first sentence ends
    assert score([article], [touching])["unattributed"]["tp"] == 0
    assert score([article], [[{"category": "unattributed", "start": 2, "end": 4}]])["unattributed"]["tp"] == 1
    assert score([article], [[{"category": "vague-attribution", "start": 0, "end": 3}]])["unattributed"]["tp"] == 0
