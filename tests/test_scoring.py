"""The trained scorer: its features, the model file (loading, refusing, determinism, the
wheel), and the ``train`` / ``evaluate`` commands end to end on a gold file written here."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from attrlint.analysis.article import analyse
from attrlint.readers.plaintext import PlainTextReader
from attrlint.scoring.features import FEATURE_SET, article_features, words_of
from attrlint.scoring.model import (
    CATEGORIES,
    FORMAT,
    MAX_BYTES,
    VERSION,
    ModelError,
    bucket,
    builtin_model,
    load_model_text,
    read_model,
)
from attrlint.scoring.verdicts import sourced_outright
from tests.conftest import ROOT, run_cli

ARTICLE = (
    "Floods hit the north\n\n"
    "Floods have displaced 14,000 people in the north of the country. The army sent trucks.\n\n"
    "Rice prices rose by 70% in May, the trade ministry said. Experts say the harvest fell.\n\n"
    "What is a flood?\n\n"
    "The minister answered:\n\n"
    "\u201cWe will rebuild every bridge.\u201d\n"
)


def features_of(text: str) -> list[list[str]]:
    return article_features(analyse(PlainTextReader().read("a.txt", text)))


# --- features -------------------------------------------------------------------------


def test_features_name_the_rules_evidence_context_and_words():
    feats = features_of(ARTICLE)
    texts = [f for f in feats]
    figure = texts[1]  # "Floods have displaced 14,000 people ..."
    assert "rule:unattributed-numeric" in figure and "q:digits" in figure
    assert "w:displaced" in figure and "first2:floods_have" in figure
    assert "next:rule:unattributed-factual" in figure
    sourced = texts[3]  # "Rice prices rose by 70% in May, the trade ministry said."
    assert "rule:sourced" in sourced and "cue:verb|named|trailing" in sourced
    vague = texts[4]
    assert "rule:vague" in vague and any(f.startswith("cue:vague-src:experts") for f in vague)
    question = texts[5]
    assert "not-claim:question" in question
    quote = texts[7]  # the quotation after "The minister answered:"
    assert "colon-scope-named" in quote and "colon-scope=0" in quote


def test_features_are_the_same_in_every_run_and_process():
    first = features_of(ARTICLE)
    assert features_of(ARTICLE) == first
    code = ("from tests.test_scoring import features_of, ARTICLE; import json; "
            "print(json.dumps(features_of(ARTICLE)))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"})
    assert json.loads(proc.stdout) == first
    assert bucket("w:flood", 18) == bucket("w:flood", 18) < 2**18


def test_words_fold_case_and_digits():
    assert words_of("Floods displaced 14,000 People") == ["floods", "displaced", "00", "000", "people"]


def test_interview_answers_carry_the_answer_scope():
    text = ("Wikinews interviews a bar owner\n\nWhat inspired the cocktail?\n\n"
            "The senator has been in the news all season.\n\nWe thought it would sell.\n\n"
            "When was it created?\n\nA few months ago.\n")
    feats = features_of(text)
    answer = feats[2]
    assert "art:interview-title" in answer and "answer-scope=0" in answer
    assert "answer-scope=1" in feats[3]  # two blocks after a question: still the answer
    assert not any(f.startswith("answer-scope") for f in feats[1])  # the question itself


# --- the model file -------------------------------------------------------------------


def minimal_model(**changes) -> dict:
    model = {"format": FORMAT, "version": VERSION, "feature_set": FEATURE_SET, "hash_bits": 18,
             "categories": {c: {"intercept": -1.0, "buckets": [bucket("q:count", 18)], "weights": [3.0]}
                            for c in CATEGORIES},
             "thresholds": {c: 0.5 for c in CATEGORIES}, "trained_on": {}}
    model.update(changes)
    return model


def test_a_model_scores_with_its_weights():
    model = load_model_text(json.dumps(minimal_model()), "m.json")
    u, v = model.score(["q:count", "w:unknown"])
    assert u == pytest.approx(1 / (1 + 2.718281828 ** -2.0), rel=1e-6) and v == u
    assert model.score([]) == pytest.approx((0.2689414, 0.2689414))


@pytest.mark.parametrize("text, message", [
    ("{not json", "not a model file (invalid JSON"),
    (json.dumps({"format": "something-else"}), "not an attrlint scorer model"),
    (json.dumps(minimal_model(version=99)), "model format version 99 is not supported"),
    (json.dumps(minimal_model(feature_set="attrlint-sentence-features/0")), "retrain it with `attrlint train`"),
    (json.dumps(minimal_model(hash_bits=40)), "malformed model file (hash_bits must be"),
    (json.dumps(minimal_model(thresholds={"unattributed": 2, "vague-attribution": 0.5})), "thresholds must be"),
    (json.dumps(minimal_model(categories={"unattributed": {}})), "malformed model file (categories must be"),
    (json.dumps(minimal_model(categories={c: {"intercept": "x", "buckets": [], "weights": []} for c in CATEGORIES})),
     "'x' is not a finite number"),
    (json.dumps(minimal_model(categories={c: {"intercept": 0, "buckets": [1, 2], "weights": [1.0]}
                                          for c in CATEGORIES})), "two lists of the same length"),
    (json.dumps(minimal_model(categories={c: {"intercept": 0, "buckets": [2**18], "weights": [1.0]}
                                          for c in CATEGORIES})), "buckets must be integers from 0"),
    (json.dumps(minimal_model(categories={c: {"intercept": 0, "buckets": [1], "weights": ["a"]}
                                          for c in CATEGORIES})), "weights must be finite numbers"),
    (json.dumps({k: v for k, v in minimal_model().items() if k != "thresholds"}), "missing field 'thresholds'"),
])
def test_unusable_model_files_are_refused_in_one_line(text, message):
    with pytest.raises(ModelError) as info:
        load_model_text(text, "m.json")
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith("m.json: ")


def test_read_model_refuses_binary_and_oversized_files(tmp_path):
    pickled = tmp_path / "model.pkl"
    pickled.write_bytes(b"\x80\x04\x95\xff\x00")
    with pytest.raises(ModelError, match="not UTF-8 text"):
        read_model(str(pickled))
    huge = tmp_path / "huge.json"
    huge.write_text(" " * (MAX_BYTES + 1))
    with pytest.raises(ModelError, match="larger than 2 MB"):
        read_model(str(huge))
    with pytest.raises(ModelError, match="cannot read model file"):
        read_model(str(tmp_path / "missing.json"))


@pytest.mark.parametrize("content", ["{broken", json.dumps(minimal_model(feature_set="other/1"))])
def test_the_cli_reports_a_bad_model_in_one_line_with_exit_2(tmp_path, content):
    model = tmp_path / "model.json"
    model.write_text(content)
    article = tmp_path / "story.txt"
    article.write_text("The army sent 14,000 troops.\n")
    proc = run_cli("--model", str(model), str(article))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(model) in proc.stderr and "Traceback" not in proc.stderr
    config = tmp_path / "attrlint.toml"
    config.write_text('model = "model.json"\n')
    proc = run_cli(str(article), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_the_built_in_model_is_small_and_matches_this_feature_set():
    path = ROOT / "rules" / "models" / "scorer.json"
    assert path.stat().st_size < MAX_BYTES
    model = builtin_model()
    assert set(model.thresholds) == {*CATEGORIES, "ATR001"}  # figures keep their own, lower threshold
    assert all(0 < t < 1 for t in model.thresholds.values())
    assert model.thresholds["ATR001"] <= model.thresholds["unattributed"]
    data = json.loads(path.read_text())
    assert data["feature_set"] == FEATURE_SET and data["trained_on"]["articles"] > 100


def test_scorer_false_is_the_hand_set_rules_with_full_confidence(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The army sent 14,000 troops to the border.\n")
    (tmp_path / "attrlint.toml").write_text("scorer = false\n")
    proc = run_cli("--format", "json", str(article), cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["confidence"]) for f in findings] == [("ATR001", 1.0)]


def test_scored_findings_carry_the_models_probability(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The army sent 14,000 troops to the border.\n")
    proc = run_cli("--format", "json", "--min-confidence", "0", str(article))
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert findings and all(0.05 <= f["confidence"] < 1 for f in findings)
    assert findings[0]["rule"] == "ATR001"


@pytest.mark.parametrize(("text", "outright"), [
    ("Russia and North Korea have publicly confirmed that North Korean troops fought in Kursk.", True),
    ("Troops fought in Kursk, the ministry said.", True),
    ("The ministry warned \u201ctroops are fighting in Kursk.\u201d", True),
    ("According to the ministry, troops fought in Kursk.", True),
    ("The ministry approved the plan and troops fought in Kursk.", False),  # an action, not a saying
    ("Experts say troops fought in Kursk.", False),  # vague: no named source
    ("Troops fought in Kursk.", False),
])
def test_a_named_source_handing_over_its_content_is_sourced_outright(text, outright):
    analysis = analyse(PlainTextReader().read("a.txt", text + "\n"))
    [sa] = analysis.sentences
    assert sourced_outright(sa, analysis.document.prose) is outright


def test_the_scorer_cannot_overrule_a_named_source_that_says_so(tmp_path):
    """However the model leans, "X confirmed that ..." is never reported as unsourced."""
    article = tmp_path / "story.txt"
    article.write_text("Russia and North Korea have publicly confirmed that North Korean troops fought "
                       "alongside Moscow's forces.\n\nNorth Korean troops fought alongside Moscow's forces.\n")
    leaning = json.loads(builtin_model_text())
    leaning["categories"]["unattributed"]["intercept"] = 9.0  # everything scores ~1 as unsourced
    (tmp_path / "model.json").write_text(json.dumps(leaning))
    proc = run_cli("--format", "json", "--model", str(tmp_path / "model.json"), str(article))
    lines = {f["line"] for f in json.loads(proc.stdout)["files"][0]["findings"] if f["category"] == "unattributed"}
    assert lines == {3}


def builtin_model_text() -> str:
    return (ROOT / "rules" / "models" / "scorer.json").read_text(encoding="utf-8")


# --- train and evaluate ---------------------------------------------------------------

SOURCED = "The ministry said {n} people were evacuated from {place}."
UNSOURCED = "Floods displaced {n} people in {place}."
VAGUE = "Experts say {n} homes in {place} were destroyed."
PLACES = ["Lagos", "Dhaka", "Lima", "Quito", "Hanoi", "Accra", "Tunis", "Sofia", "Riga", "Oslo", "Bern", "Kyiv"]


def gold_file(path, articles: int = 12) -> None:
    lines = []
    for i in range(articles):
        place = PLACES[i % len(PLACES)]
        parts = [(SOURCED, "numeric", "named"), (UNSOURCED, "numeric", "none"), (VAGUE, "numeric", "vague")]
        text, sentences = "", []
        for template, claim, attribution in parts[i % 3:] + parts[: i % 3]:
            sentence = template.format(n=100 + 7 * i, place=place)
            sentences.append({"start": len(text), "end": len(text) + len(sentence), "claim": claim,
                              "attribution": attribution})
            text += sentence + "\n\n"
        lines.append(json.dumps({"id": f"a{i}", "outlet": f"o{i % 2}", "text": text, "sentences": sentences}))
    path.write_text("\n".join(lines) + "\n")


def test_train_then_lint_and_evaluate_with_the_model(tmp_path):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (the train extra)")
    gold = tmp_path / "gold.jsonl"
    gold_file(gold)
    out1, out2 = tmp_path / "m1.json", tmp_path / "m2.json"
    proc = run_cli("train", str(gold), "-o", str(out1))
    assert proc.returncode == 0, proc.stderr
    assert "trained on 12 articles" in proc.stderr
    assert run_cli("train", str(gold), "-o", str(out2)).returncode == 0
    assert out1.read_bytes() == out2.read_bytes(), "same data and seed: the same model file"
    model = json.loads(out1.read_text())
    assert model["feature_set"] == FEATURE_SET and model["trained_on"]["gold"] == ["gold.jsonl"]

    proc = run_cli("evaluate", str(gold), "--model", str(out1), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    assert figures["unattributed"]["f1"] == 1.0 and figures["vague"]["f1"] == 1.0

    story = tmp_path / "story.txt"
    story.write_text("Floods displaced 400 people in Paris.\n\nThe ministry said 30 people were evacuated.\n")
    proc = run_cli("--format", "json", "--model", str(out1), str(story))
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("ATR001", 1)]


def test_train_refuses_bad_input_in_one_line(tmp_path):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (the train extra)")
    gold = tmp_path / "gold.jsonl"
    gold_file(gold, articles=2)
    proc = run_cli("train", str(gold), "-o", str(tmp_path / "m.json"))
    assert proc.returncode == 2 and proc.stderr == "attrlint: training needs at least 5 articles (got 2)\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    proc = run_cli("train", str(bad), "-o", str(tmp_path / "m.json"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert not (tmp_path / "m.json").exists()


def test_the_model_ships_in_the_wheel_and_loads_from_it(tmp_path):
    # A real wheel of this checkout, built by its build backend (hatchling, from the index).
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"),
                            str(ROOT)], capture_output=True, text=True, timeout=600)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no build backend reachable): {built.stderr.strip()[-200:]}")
    wheel = next((tmp_path / "dist").glob("attrlint-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        assert "attrlint/_rules/models/scorer.json" in z.namelist()
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True)
    code = ("import attrlint, attrlint.data as d; from attrlint.scoring.model import builtin_model; "
            "m = builtin_model(); print(attrlint.__file__); print(d.rules_root()); print(sorted(m.thresholds))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    module, root, categories = proc.stdout.splitlines()
    assert module.startswith(str(site)) and root.startswith(str(site)) and root.endswith("_rules")
    assert categories == str(sorted([*CATEGORIES, "ATR001"]))


def test_words_apart_score_the_same_as_word_features():
    """The runtime path (words looked up by themselves) and the training path (``w:`` features)."""
    analysis = analyse(PlainTextReader().read("a.txt", ARTICLE))
    model = builtin_model()
    together = [model.score(f) for f in article_features(analysis)]
    apart = [model.score(*parts) for parts in article_features(analysis, split_words=True)]
    assert [p for pair in apart for p in pair] == pytest.approx([p for pair in together for p in pair])
    again = model.score(*article_features(analysis, split_words=True)[1])  # from the memo this time
    assert again == pytest.approx(together[1])


def test_split_features_are_the_training_features():
    """The runtime's groups, own features and words are exactly the training path's features,
    only grouped: one implementation for both."""
    analysis = analyse(PlainTextReader().read("a.txt", ARTICLE))
    plain = article_features(analysis)
    for features, (own, words, groups), again in zip(plain, article_features(analysis, split_words=True),
                                                     article_features(analysis, split_words=True), strict=True):
        assert sorted(features) == sorted([*own, *("w:" + w for w in words), *(f for g in groups for f in g)])
        # The evidence, block and neighbour groups are kept across articles, not rebuilt (the
        # article's own group, third, is built once per article and decision).
        assert all(g is h for g, h in zip([*groups[:2], *groups[3:]], [*again[2][:2], *again[2][3:]], strict=True))
