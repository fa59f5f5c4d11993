"""Is a sentence a claim at all?  The "not a claim" tests of ANNOTATION.md (claim: none).

A sentence that states something as fact is a claim; these are not: datelines, bylines,
headings and kickers (except the headline, which asserts the story), photo captions and
credits, questions, instructions to the reader, the writer's hedged speculation,
sentences that only introduce a quotation, and fragments too short to assert anything.
Every decision carries a reason so an editor can see why a sentence did (not) count.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

import regex

from attrlint.analysis.numbers import MONTHS, WEEKDAYS
from attrlint.analysis.wordindex import fold
from attrlint.pattern_cache import compile_pattern

_DATELINE = compile_pattern(
    rf"^\s*(?:(?:{WEEKDAYS}),?\s+)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\s+\d{{4}}|\d{{4}}-\d\d-\d\d)\s*[.]?\s*$",
    regex.IGNORECASE,
)
# What the sentence splitter cuts off a paragraph's start ("Evansville, Indiana, United States -").
_PLACE_DATELINE_ALONE = compile_pattern(r"^[^.!?]{1,80}?\s[-–—]$")
_CREDIT = compile_pattern(
    r"^\s*(?:Image|Images|Photo|Photos|Photograph|Picture|Credit|Credits|Source|Sources|Categories|Category|"
    r"Tags|File\s+photo|Video|Caption|Illustration|Graphic|Map|Editing\s+by|Reporting\s+by|Written\s+by|"
    r"Additional\s+reporting|By)\b\s*[:|]",
    regex.IGNORECASE,
)
_BYLINE = compile_pattern(r"^\s*By\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(?:,|$)")
_IMPERATIVE = compile_pattern(
    r"^\s*[\"“]?(?:Please|Click|Read|See|Visit|Watch|Listen|Subscribe|Sign\s+up|Follow|Share|Imagine|Consider|"
    r"Remember|Note\s+that|Wait|Avoid|Try|Don't|Do\s+not|Let's|Let\s+us|Check|Learn|Find\s+out|Join|Contact|"
    r"Stay\s+tuned|Tune\s+in|Make\s+sure|Download|Register|Donate|Email|E-mail|Call\s+us|Tell\s+us|View)\b"
)
# The outlet on its own reporting: boilerplate, not news ("Our reporters attended the opening",
# "... so our readers may learn more").
_NEWSGATHERING = compile_pattern(
    r"\bour\s+(?:readers|viewers|listeners|audience)\b|"
    r"\b(?:[Oo]ur|\p{Lu}\p{L}+)\s+(?:reporters?|correspondents?|journalists?)\s+(?:attended|spoke|visited|interviewed|"
    r"contacted|talked|went|travelled|traveled)\b"
)
# "Prompted, I think, by the video": an opinion marked as such anywhere in the sentence.
_OPINION_AFTERTHOUGHT = compile_pattern(r"\bI\s+(?:think|believe|feel|guess|suppose|suspect)\b")
# An explainer's headline is an indirect question: "How hackers attack water systems".
_QUESTION_HEADLINE = compile_pattern(r"^\s*(?:How|Why|What|When|Where|Who|Which)\b")
# "Here are seven trends:" introduces a list, whatever number it announces.
_LIST_INTRO = compile_pattern(r"^\s*Here\s+(?:is|are)\b.*:\s*$")
# The writer's hedge or evaluation anywhere in the sentence: "we'll probably never see",
# "hopefully this will", "it is pathetic to hear", "it's useful to know".
_WRITER_STANCE = compile_pattern(
    r"\b(?:probably|hopefully)\b|\b[Ii]t\s+(?:seems|seemed)\s+(?:like|as\s+if|as\s+though)\b|\b[Ii]t(?:'s|’s|\s+is)\s+(?:\p{Ll}+ly\s+)?(?:useful|important|worth|pathetic|sad|"
    r"ironic|shameful|unfortunate|fortunate|interesting|essential|vital|crucial|encouraging|worrying|telling|"
    r"fitting|remarkable|striking)\s+(?:to|that)\b"
)
_SPECULATION = compile_pattern(
    r"^\s*[\"“]?(?:If|Perhaps|Maybe|Possibly|Hopefully|Arguably|Surely|Presumably|Here\s+(?:is|are)|"
    r"In\s+my\s+(?:view|opinion)|"
    r"I\s+(?:think|believe|suspect|feel)|We\s+(?:think|believe)|It\s+(?:seems|appears)|"
    r"It\s+(?:may|might|could)\s+(?:be|well))\b",
    regex.IGNORECASE,
)
# Hedged or advisory modal in the writer's voice: "an attacker could ...", "utilities should ...".
_MODAL_SPECULATION = compile_pattern(r"\b(?:could|might|should|ought\s+to)(?:n['’]t)?\b", regex.IGNORECASE)
# Enough grammar to tell a sentence from a verbless label ("Ann Chiang of DAB", "The current
# flag of New Zealand."): auxiliaries, common irregular pasts, -ed forms, and lowercase -s
# forms (third person singular; plural nouns slip through, which only keeps a claim).
_AUXILIARIES = frozenset(
    """is are was were be been being am has have had will would can could may might must shall should
    do does did won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
    cannot couldn't wouldn't shouldn't mustn't mightn't needn't shan't ain't
    it's that's he's she's there's""".split()
)
# Present-tense verbs of saying and thinking after a plural subject ("Experts say ...",
# "Residents fear ..."): no -s to tell them by.
_PLURAL_PRESENT = frozenset("say think believe know fear warn claim argue agree expect want need seem".split())
_IRREGULAR_PASTS = frozenset(
    """went made took came gave found got saw knew thought told said began became left brought bought
    built held kept led met ran sent set stood won wrote lost paid put read spent fell felt grew hit let
    meant rose shot shut sold sought struck swore taught threw understood woke wore broke chose drove
    ate flew forgot froze hid rode rang sang sank spoke stole swam tore fought caught""".split()
)
_WORDS = compile_pattern(r"[\p{L}'’-]+")


def has_verb(text: str) -> bool:
    return _has_verb(text, finite_only=False)


def has_finite_verb(text: str) -> bool:
    """A verb that makes a clause of its own: an auxiliary, a common irregular past or a
    lowercase -ed form.  Stricter than :func:`has_verb`: "Following the attacks" and "the
    District and" have none."""
    return _has_verb(text, finite_only=True)


_AUXILIARY_OR_PAST = _AUXILIARIES | _IRREGULAR_PASTS | _PLURAL_PRESENT


def _has_verb(text: str, *, finite_only: bool) -> bool:
    words = _WORDS.findall(text)
    if not words:
        return False
    # All words lower-cased in one call: "\0" is neither cased nor case-ignorable, so each
    # word is lower-cased exactly as on its own (a final sigma included).
    lowered = "\0".join(words).lower().replace("’", "'").split("\0")
    if not _AUXILIARY_OR_PAST.isdisjoint(lowered):
        return True
    for i, (word, lower) in enumerate(zip(words, lowered, strict=True)):
        if len(lower) <= 3:
            continue
        if finite_only:
            if word[0].islower() and lower.endswith("ed"):
                return True
            continue
        # A capitalised word inside the sentence is a name ("Irving", "Beijing", "Reed").
        if (i == 0 or word[0].islower()) and lower.endswith(("ed", "ing")):
            return True
        if word[0].islower() and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")):
            return True
    return False


# How something works, in the present tense about a kind of thing ("Each animal wears a
# collar", "Pumps move water through pipes", "This keeps animals within an area"): the
# guideline's "definitions and explanations", not a checkable event.
_GENERIC_SUBJECT = compile_pattern(
    r"^(?:(?:A|An|Each|Every|Any)\s+\p{Ll}|\p{Lu}\p{Ll}+s\s+(?:\p{Ll}+\s+){0,2}?(?:can|may|are|have|do|need|take|"
    r"make|use|help|move|come|go|get|give|keep|allow|let|require|work)\b|(?:This|These|That|It|They)\s+(?:means?|"
    r"helps?|keeps?|gives?|makes?|allows?|lets?|works?|is\s+(?:how|why|what|because)|can|may))"
)
_PAST_OR_EVENT = compile_pattern(r"\b(?:was|were|had|did|has\s+been|have\s+been|\p{L}+ed)\b|\d")
_TERMINAL = compile_pattern(r"[.!?…:;\"”’)]\s*$")
_WORD = compile_pattern(r"[\p{L}\p{N}]+")


@lru_cache(maxsize=4)
def _is_unterminated_line(block_text: str) -> bool:
    """One line with no closing punctuation.  Cached: every sentence of a block asks, and a
    block can be megabytes long."""
    if "\n" in block_text or "\r" in block_text:
        return False
    # A match ends the text with a mark and whitespace only: the mark is the last character
    # that is not whitespace (``\s`` is whitespace to ``str.rstrip`` too), so only it is tried.
    return not _TERMINAL.search(block_text, max(0, len(block_text.rstrip()) - 1))


# Cheap tests that must hold for a pattern to match (a regex call costs microseconds, most
# sentences fail these); tests/test_claims.py checks each against its pattern.
_DASHES = frozenset("-–—")


def _may_end_with_a_date(text: str) -> bool:
    """Can ``_DATELINE`` match the stripped ``text``?  Its match ends with a digit, then
    whitespace and at most one full stop (no ASCII character but a digit is a digit to ``regex``)."""
    if text.endswith("."):
        text = text[:-1].rstrip()
    last = text[-1:]
    return last != "" and (last.isdigit() or not last.isascii())


def _fewer_words_than(text: str, n: int) -> bool:
    """Fewer than ``n`` matches of ``_WORD``: read no further than the n-th."""
    return len(list(islice(_WORD.finditer(text), n))) < n


_NEWSGATHERING_WORDS = ("readers", "viewers", "listeners", "audience", "reporter", "correspondent", "journalist")


def _may_be_newsgathering(text: str) -> bool:
    """``_NEWSGATHERING`` needs one of these words (it is case-sensitive)."""
    return any(map(text.__contains__, _NEWSGATHERING_WORDS))


_MODALS = ("could", "might", "should", "ought")


def _may_be_modal(text: str) -> bool:
    """``_MODAL_SPECULATION`` (case-insensitive) needs one of these words in the folded text."""
    return any(map(fold(text).__contains__, _MODALS))


def is_credit(sentence_text: str) -> bool:
    """A photo credit, source list or byline line ("Image: NASA.", "By Jane Doe")."""
    if ":" not in sentence_text and "|" not in sentence_text and "By" not in sentence_text:
        return False  # _CREDIT needs a ":" or "|", _BYLINE a "By"
    return bool(_CREDIT.match(sentence_text) or _BYLINE.match(sentence_text))


def not_a_claim(sentence_text: str, *, block_text: str, block_kind: str, is_headline: bool,
                has_quantity: bool, is_caption: bool = False) -> str | None:
    """The reason this sentence is not a claim, or None when it is one."""
    text = sentence_text.strip()
    if ((_may_end_with_a_date(text) and _DATELINE.match(text))
            or (text[-1:] in _DASHES and _PLACE_DATELINE_ALONE.match(text))):
        return "dateline"
    if is_credit(text):
        return "credit or byline"
    if is_caption and not is_headline:
        return "photo caption"
    stripped = text.rstrip("\"”’') ")
    if stripped.endswith("?") or ((is_headline or block_kind == "heading") and _QUESTION_HEADLINE.match(text)):
        return "question"
    if text.endswith(":") and _LIST_INTRO.match(text):
        return "introduces a list"
    if not has_quantity and _fewer_words_than(text, 3):
        return "fragment"
    if is_headline and not has_quantity and _is_title_case(text):
        return "title-case heading (a label, not a sentence)"
    if block_kind == "heading" and not is_headline and not has_quantity:
        return "heading"
    if not is_headline and not has_quantity and _is_unterminated_line(block_text):
        return "heading"  # a line with no closing punctuation: a kicker, section title or caption
    if not has_quantity and _is_generic_explanation(text):
        return "explains how something works"
    if not is_headline and not has_quantity and not has_verb(text):
        return "fragment without a verb (a label or caption)"
    if (not is_headline and not has_quantity and block_text.strip() == text and _fewer_words_than(text, 6)
            and not has_finite_verb(text)):
        return "heading"  # a short paragraph of its own with no finite verb: "War as a testing ground."
    if text.endswith(":") and not has_quantity:
        return "introduces a quotation"
    if _IMPERATIVE.match(text):
        return "instruction to the reader"
    if _may_be_newsgathering(text) and _NEWSGATHERING.search(text):
        return "the outlet on its own reporting"
    if not has_quantity and (_SPECULATION.match(text) or (_may_be_modal(text) and _MODAL_SPECULATION.search(text))):
        return "the writer's speculation or advice"
    if _WRITER_STANCE.search(text) or (not has_quantity and "I" in text and _OPINION_AFTERTHOUGHT.search(text)):
        return "the writer's speculation or advice"
    return None


def _is_generic_explanation(text: str) -> bool:
    bare = text.lstrip("\"“‘'( ")
    if not _GENERIC_SUBJECT.match(bare) or _PAST_OR_EVENT.search(bare):
        return False
    return not any(w[:1].isupper() for w in bare.split()[1:])  # no named actor


_SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from as vs via per nor".split())


def _is_title_case(text: str) -> bool:
    """"Virtual Fences for Cows Show Benefits": every word but small ones capitalised.
    News headlines that assert something are written in sentence case."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words) >= 0.8
