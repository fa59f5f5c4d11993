"""Attribution cues: what ties a claim to a source, and how identifiable that source is.

Cues found inside one sentence:

- ``according to X`` (and ``per X``, ``citing X``, ``quoting X``, ``X's figures show``);
- a communication verb with its subject, in either order: "Ford said", "said Ford",
  "the ministry announced", "Aso asked officials", "a report by the UN found";
- a citation the reader found on the sentence (a hyperlink, a footnote marker);
- vague phrases that need no subject ("reportedly", "is thought to", "were reported").

Each cue is classified ``named`` (an identifiable source, including a pronoun that
refers back to one) or ``vague`` (experts, sources, officials with no body, reports).
Plain actions ("Apple unveiled") are not communication verbs and source nothing.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from attrlint.analysis.lexicons import Lexicons
from attrlint.analysis.tails import search_tail
from attrlint.analysis.wordindex import Source, scan, scan_slice
from attrlint.pattern_cache import compile_pattern


class Cue(NamedTuple):  # not a dataclass: cheaper to define at start-up
    start: int
    end: int
    kind: str  # according-to | verb | issued | by-agent | document | credit | vague-phrase
    source: str  # the source as written ("the ministry", "experts"), or the phrase
    quality: str  # named | vague
    position: str = "inside"  # inside | trailing (", he said." at the end of the sentence)


PRONOUNS = frozenset("he she they it we i you his her their its".split())
DETERMINERS = frozenset(
    """a an the this that these those its their his her our my your new latest recent previous both such
    more much some every
    annual final official preliminary initial early first second last another such same whose
    which any each every no of""".split()
)
AUXILIARIES = frozenset(
    """has have had also later earlier previously then reportedly again further repeatedly however
    meanwhile though nonetheless nevertheless instead therefore thus indeed moreover furthermore
    already recently publicly privately separately last yesterday today will would could may might
    should must can did does do not never once still first told""".split()
)
PASSIVE_AUX = frozenset("is are was were be been being get got gets".split())
# Words that, right before "officials"/"experts"/..., give the group a body ("Pentagon
# officials", "U.S. officials", "health officials") and so make it identifiable.
_BODY_MODIFIER = compile_pattern(r"(?:\p{Lu}[\p{L}.'’-]*|health|government|military|state|federal|"
                               r"police|company|city|county|school|hospital|party|army|prison|"
                               r"election|airport|UN|court|ministry|agency|embassy|security|"
                               r"intelligence|defence|defense|administration|campaign|club|team)$")
_CLAUSE_BREAK = compile_pattern(
    r"[,;:(\"“”—–]|\b(?:that|and|but|while|whereas|because|as|when|after|who|which|if|since|although)\b",
    regex.IGNORECASE,
)
_SUBJECT_WORD = compile_pattern(r"[\p{L}\p{N}'’.&-]+")


@cache
def _verb_scan(verbs: str) -> Source:
    """The reporting-verb pattern, compiled only in the parts a text needs (see ``wordindex``)."""
    return Source(rf"(?<![\p{{L}}'’-])(?:{verbs})(?![\p{{L}}'’-])", regex.IGNORECASE)


@cache
def _verb_pattern(verbs: str) -> regex.Pattern:
    return compile_pattern(*_verb_scan(verbs))


_ACCORDING = compile_pattern(
    r"\b(?:according\s+to|per(?=\s+(?:the\s|(?-i:\p{Lu})))|citing|quoting|cited\s+by|quoted\s+by|reported\s+by|as\s+reported\s+by|"
    r"sources?:|courtesy\s+of|in\s+the\s+words\s+of|as\s+told\s+to)\s+(?P<src>[^,;.:!?()\"“”]{1,80})",
    regex.IGNORECASE,
)
# "X issued a statement", "the institute released a report": publishing a statement or a
# document is communicating; its subject is the source, and the speaker of what the
# statement says ("issued a statement saying "..."", "put out a note which read: ...").
# The article may be missing ("The UAW issued statement saying"); then at most one word
# stands before the noun ("released new figures", not "released prisoners after the review").
_ISSUED = compile_pattern(
    r"\b(?:issued|released|published|put\s+out|made\s+public|presented|unveiled)\s+"
    r"(?:(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?|(?:[\w-]+\s+)??)"
    r"(?:statement|report|study|survey|analysis|estimate|estimates|figures|data|findings|"
    r"communiqu[eé]|press\s+release|white\s+paper|review|audit|forecast|projection|paper|note|memo|notice|"
    r"bulletin|declaration|advisory)\b",
    regex.IGNORECASE,
)
# A document's publisher named after a participle and a date: "figures released April 3 by
# NPD Group" (the trimmed source stops at the number).
_AGENT_LATER = compile_pattern(
    r"\b(?:released|published|compiled|issued|collected|gathered)\s[^,;.:!?()\"“”]{0,40}?\bby\s+(?:the\s+)?\p{Lu}"
)
_BY_AGENT = compile_pattern(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(?:announced|reported|confirmed|estimated|"
    r"disclosed|revealed|stated|released|published|calculated|counted|recorded|found|shown|quoted|"
    r"described|cited|documented|projected|predicted)\s+by|(?:report|study|survey|poll|analysis|statement|"
    r"figures|data|estimate|estimates|research|review|audit|investigation|census|count|findings|"
    r"paper|release)\s+(?:published\s+|released\s+|conducted\s+|compiled\s+|issued\s+)?(?:by|from|of))"
    r"\s+(?P<src>[^,;.:!?()\"“”]{1,80})",
    regex.IGNORECASE,
)


def find_cues(text: str, start: int, end: int, lexicons: Lexicons) -> list[Cue]:
    """Every attribution cue in the sentence ``text[start:end]``."""
    cues: list[Cue] = []
    for m in scan(_ACCORDING, text, start, end):
        src = _trim_source(m.group("src"))
        if src:
            quality = _quality(src, lexicons)
            if quality == "vague" and _AGENT_LATER.search(m.group("src")):
                quality = "named"  # "according to figures released April 3 by NPD Group"
            cues.append(Cue(m.start(), _source_end(m, src), "according-to", src, quality))
    for m in scan(_BY_AGENT, text, start, end):
        src = _trim_source(m.group("src"))
        if src:
            cues.append(Cue(m.start(), _source_end(m, src), "by-agent", src, _quality(src, lexicons)))
    for m in scan(_ISSUED, text, start, end):
        subject = _subject_before(text[max(start, m.start() - _REACH) : m.start()])
        quality = _quality(subject, lexicons) if subject else None
        if quality:
            cues.append(Cue(m.start(), m.end(), "issued", source_phrase(subject), quality))
    cues.extend(_document_and_credit_cues(text, start, end))
    verbs = _verb_scan(lexicons.reporting_verb_pattern)
    for m in scan(verbs, text, start, end):
        cue = _verb_cue(text, start, end, m, lexicons)
        if cue is not None:
            cues.append(cue)
    cues.extend(_belief_cues(text, start, end, lexicons))
    first_speaker = min((c.end for c in cues if c.kind in ("verb", "issued", "according-to")
                         and c.quality == "named"), default=None)
    for m in scan_slice(lexicons.vague_phrase_scan, text, start, end):
        if first_speaker is not None and first_speaker < start + m.start() and m.group(0).lower() in HEDGE_ADVERBS:
            continue  # "officials claimed he allegedly left": the hedge is inside their account
        if first_speaker is not None and _inside_quotation(text, start, start + m.start()):
            continue  # 'The city reasoned, "... is considered as a commercial one"': their own words
        cues.append(Cue(start + m.start(), start + m.end(), "vague-phrase", m.group(0), "vague"))
    return cues


# A document the story has already named, as the sentence's subject or frame: "The study
# focuses on ...", "In the survey, ...", "In the previous Washington Post/ABC News poll, ...".
# (An indefinite "a new study" is a vague source.)
_DOCUMENTS = r"study|report|survey|poll|analysis|paper|research|review|audit|census|findings|data|figures|statistics"
_DOCUMENT_OPENING = compile_pattern(
    rf"[\"“‘(\s]*(?:(?:The|This|That|These|Its|Their)\s+(?:(?:new|latest|full|final|annual|same|original)\s+)?"
    rf"(?:{_DOCUMENTS})\b(?=\s+(?P<verb>\p{{Ll}}+))|In\s+(?:the|this|its|their)\s+(?:(?:new|latest|previous|recent|same|last|annual|monthly|weekly|"
    rf"\p{{Lu}}[\p{{L}}\p{{N}}/&.'’-]*)\s+){{0,5}}(?:{_DOCUMENTS})\s*,)"
)
# A pull quote credited after a dash: '"... a long game." - Matthew Ingram'.
_QUOTE_CREDIT = compile_pattern(
    r"[\"”’]\s*[-–—]+\s*(?P<src>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})\s*\.?\s*$"
)


def _looks_finite(word: str) -> bool:
    return word in _FINITE_WORDS or word.endswith(("s", "ed"))


# Finite verbs after a document that state its content; a modal ("The data will be
# provided to ...") tells what happens to the document instead.
_FINITE_WORDS = frozenset(
    """is are was were has have had also broke found gave made put set shows show showed took told said""".split()
)


# "The claim that ... came from a doctor at the hospital", "The figures come from the ministry".
_COMES_FROM = compile_pattern(r"\b(?:comes?|came|coming)\s+from\s+(?P<src>[^,;.:!?()\"“”]{1,80})")
_INFORMATION_NOUNS = frozenset(
    """claim claims allegation allegations report reports information figure figures data estimate estimates
    account accounts numbers statistics tip quote quotes footage evidence""".split()
)


def _document_and_credit_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues anchored at one place: a document opening the sentence, a dash credit closing
    it, and "the figures come from X"."""
    cues = []
    if text.find("from", start, end) >= 0:
        for m in _COMES_FROM.finditer(text, start, end):
            subject = text[max(start, m.start() - _REACH) : m.start()]
            if any(w.lower().strip(",.") in _INFORMATION_NOUNS for w in subject.split()[-12:]):
                src = _trim_source(m.group("src"))
                if src:
                    cues.append(Cue(m.start(), _source_end(m, src), "according-to", src, "named"))
    m = _DOCUMENT_OPENING.match(text, start, end)
    if m and m.group("verb") and not _looks_finite(m.group("verb")):
        m = None  # "The annual report period ended": a noun compound, not the report speaking
    if m:
        source = m.group().strip(" \t\n\"“‘(,")
        cues.append(Cue(start + len(m.group()) - len(m.group().lstrip(" \t\n\"“‘(")), m.end(), "document",
                        source.removeprefix("In ").strip(), "named"))
    tail_start = max(start, end - 80)
    if any(text.find(dash, tail_start, end) >= 0 for dash in "-–—"):
        m = _QUOTE_CREDIT.search(text, tail_start, end)
        if m:
            cues.append(Cue(m.start(), m.end(), "credit", m.group("src"), "named", "trailing"))
    return cues


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Does ``at`` fall inside a quotation opened earlier in the sentence (an odd number of
    straight double quotes before it, or more opening than closing curly quotes)?"""
    if text.count('"', start, at) % 2:
        return True
    return text.count("“", start, at) > text.count("”", start, at)


# What an unnamed group thinks, feels or is doing ("Scientists think", "Many people feel that",
# "other experts are cautious", "some are now questioning", "Industry analysts have pointed
# to"): not communication verbs (a named person who "thinks" told nobody), but with a vague
# source as the subject they gesture at opinion the writer relies on (ANNOTATION.md: "many
# believe").  Only a vague subject makes a cue here; a named one ("Ford thinks") makes none.
_BELIEF = compile_pattern(
    r"\b(?:(?:think|thinks|thought|feel|feels|felt|fear|fears|feared|suspect|suspects|suspected|worry|worries|"
    r"doubt|doubts|doubted)\b(?!\s+(?:of|about)\b)|(?:are|were|have\s+been|had\s+been)\s+(?:now\s+|also\s+|"
    r"increasingly\s+|still\s+)?(?:questioning|criticizing|criticising|warning|predicting|claiming|arguing|"
    r"suggesting|speculating|cautious|concerned|skeptical|sceptical|divided|worried)\b|(?:have|has|had)\s+"
    r"(?:also\s+|long\s+|now\s+)?(?:raised\s+(?:the\s+possibility|concerns|questions|doubts)|pointed\s+(?:out|to))\b|"
    r"(?:provide|provides|provided|offer|offers|offered|add|adds|added)\s+(?:to\s+)?(?:\w+\s+)?evidence\b)",
    regex.IGNORECASE,
)


def _belief_cues(text: str, start: int, end: int, lexicons: Lexicons) -> list[Cue]:
    """Vague cues for an unnamed group that thinks, fears or doubts (see ``_BELIEF``)."""
    cues = []
    for m in scan(_BELIEF, text, start, end):
        before = text[max(start, m.start() - _REACH) : m.start()]
        if not before.strip():
            continue
        subject = _subject_before(before)
        if subject is None or _quality(subject, lexicons) != "vague":
            continue
        at = before.rfind(subject.split()[0])
        cues.append(Cue(m.start() - len(before) + max(at, 0), m.end(), "verb", source_phrase(subject), "vague"))
    return cues


HEDGE_ADVERBS = frozenset("reportedly allegedly purportedly supposedly ostensibly".split())


# Precompiled once: a module-level regex.match(str, ...) pays for a cache lookup per call.
_INTRODUCES_SPEECH = compile_pattern(r"^\s*(?:that\b|what\b|how\b|why\b|[:\"“]|,\s*[\"“‘])")
_TOPIC_FOLLOWS = compile_pattern(r"^\s*(?:to|with|about|of|on|out)\b|^\s*[:,\"“]")
_SHORT_TAIL = compile_pattern(r"^[^,;]{0,60}[.!?\"”’]*\s*$")
_SENTENCE_CLOSES = compile_pattern(r"^\s*[.!?\"”’]*\s*$")


def _verb_cue(text: str, s_start: int, s_end: int, m: regex.Match, lexicons: Lexicons) -> Cue | None:
    verb = m.group(0)
    v_start, v_end = m.span()
    # Only the text within _REACH of the verb is looked at, so a sentence with many verbs
    # costs linear time, not quadratic (a 1 MB run of "said" would otherwise never finish).
    b_start = max(s_start, v_start - _REACH)
    before = text[b_start:v_start]
    after = text[v_end : min(s_end, v_end + _REACH)]
    after_reaches_end = v_end + _REACH >= s_end
    if verb[:1].isupper() and before.strip(" \"“‘'"):
        return None  # "United States", "Reports" in a title: a capitalised word is a name here
    words_before = before.split()
    prev = words_before[-1].lower().strip("\"“”'’,") if words_before else ""
    # A noun use ("a report", "the rule", "its forecast") is not a verb.
    if (prev in DETERMINERS or prev in _PREPOSITIONS or prev.endswith(("'s", "’s"))
            or (prev.endswith("ing") and verb.lower().endswith("s"))):  # "is investigating claims"
        if not verb.lower().endswith(("ed", "said", "told", "says", "tells")):
            return None
    if search_tail(_PASSIVE_BEFORE, before, 3):  # an auxiliary and at most two adverbs
        return None  # "was reported", "had been twice denied": no agent here (vague phrases handle it)
    if _modifies_a_noun(verb, prev if words_before and words_before[-1][-1:].isalnum() else "", after, lexicons):
        return None
    if prev == "to":
        return None  # an infinitive ("required to recognise") is not a statement
    lower = verb.lower()
    if lower.endswith("ing") and (lower not in _REPORTING_PARTICIPLES or not before.rstrip().endswith(",")):
        return None  # "the reporting period", "from claiming asylum", "..., asking the government to"
    if lower in _NEEDS_TOPIC and not _TOPIC_FOLLOWS.match(after):
        return None  # "she speaks Uzbek": speaking a language states nothing
    if lower in {"add", "added", "adds", "continue", "continued", "continues", "note", "noted", "notes"}:
        # A comma introduces speech only with a quotation after it: "checks will continue,
        # officials will scrap ..." joins two clauses.
        introduces_speech = _INTRODUCES_SPEECH.match(after)
        closes_speech = regex.match(r"^\s*[.!?\"”’]*\s*$", after) and regex.search(
            r"[,\"”’]\s*(?:\S+\s+){0,4}$", before)
        if not introduces_speech and not closes_speech and not before.rstrip().endswith((",", "”", '"')):
            return None  # "the economy added 200,000 jobs" is an action, not a statement
    subject = _subject_before(before)
    if subject is not None and _noun_use(subject, words_before, lower, lexicons):
        return None
    subject_end = None
    position = "inside"
    if subject is None:
        # Inverted order only after a quotation or a comma: '"...," said Leong.'
        if lower not in _INVERTING_VERBS or not before.rstrip().endswith((",", '"', "”", "’", "'")):
            return None
        found = _subject_after(after)
        if found is None:
            return None
        subject, subject_end = found
        tail = after[len(after) - len(after.lstrip()) :]
        if after_reaches_end and _SHORT_TAIL.match(tail):
            position = "trailing"
    elif after_reaches_end and _SENTENCE_CLOSES.match(after):
        position = "trailing"
    if lower in _NEEDS_CLAUSE and not _CLAUSE_FOLLOWS.match(after):
        return None
    if lower == "found" and _PLACE_FOLLOWS.match(after):
        return None  # "document found on rainy streets": a thing found somewhere, not a finding
    if lower in _FINDING_VERBS and not _finds_as_evidence(subject, after, lexicons):
        return None  # "workers find themselves facing ...": no finding is being reported
    quality = _quality(subject, lexicons)
    if quality is None:
        return None
    if subject_end is not None:
        return Cue(v_start, v_end + subject_end, "verb", source_phrase(subject), quality, position)
    start = before.rfind(subject.split()[0]) if subject.split()[0] in before else len(before)
    return Cue(b_start + start, v_end, "verb", source_phrase(subject), quality, position)


# How far (in characters) from a reporting verb its subject and the rest of its clause are
# looked for; a subject or an appositive longer than this is not recognised.
_REACH = 250
_PREPOSITIONS = frozenset("in on at for with by from into about via through under over after before".split())
_PASSIVE_BEFORE = compile_pattern(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:(?:not|also|then|never|reportedly|twice|"
    r"first|later|\w+ly)\s+){0,2}$",
    regex.IGNORECASE,
)
# Participles that carry reported content ("..., saying the plan was dead"); others, such as
# "asking" or "urging", carry a request rather than a claim.
# Verbs that report a finding only after a study or an investigator, or with a "that"
# clause ("the survey shows", "researchers found that"); otherwise they are actions or
# nouns ("workers find themselves", "a light show", "the film shows a city").
_FINDING_VERBS = frozenset("find finds found show shows showed shown".split())
# Verbs that report only with the reported clause after them ("she related how she fled");
# otherwise they mean something else ("light related festivals", "related to the case").
_NEEDS_CLAUSE = frozenset(
    "relate relates related relating counter counters countered concede concedes conceded".split()
)
_CLAUSE_FOLLOWS = compile_pattern(r"^\s*(?:that|how|what|why|when|where)\b|^\s*[:\"“]")
_INVESTIGATORS = frozenset(
    """researchers scientists investigators jury court judge panel inquiry audit police study survey report
    review analysis team authors commission committee""".split()
)


def _finds_as_evidence(subject: str, after: str, lexicons: Lexicons) -> bool:
    """"found" reports a finding after a study or an investigator, or with a "that" clause."""
    words = [w.lower().strip("\"“”'’,.") for w in subject.split()]
    return (bool(_THAT_FOLLOWS.match(after)) or any(w in _INVESTIGATORS or w in _RECORDINGS for w in words)
            or any(w in lexicons.attribution_nouns for w in words))


# Pictures and recordings show what they show ("Photos of the scene showed ...").
_THAT_FOLLOWS = compile_pattern(r"\s*that\b")
_PLACE_FOLLOWS = compile_pattern(r"^\s+(?:on|in|at|near|under|inside|outside|behind|along|beside)\s+(?!\d)")
_RECORDINGS = frozenset("photo photos photograph photographs image images picture pictures video videos footage "
                        "recording recordings map maps chart charts graph graphs diagram table".split())
_NEEDS_TOPIC = frozenset("speak speaks spoke spoken talk talks talked".split())
_INVERTING_VERBS = frozenset(
    """said says say added adds wrote writes asked asks explained explains continued continues noted notes
    recalled recalls insisted insists warned warns argued argues stated states declared declares concluded
    concludes replied replies responded responds remarked remarks claimed claims reported reports told tells
    admitted admits acknowledged acknowledges observed observes commented comments""".split()
)
_REPORTING_PARTICIPLES = frozenset(
    "saying telling adding noting citing claiming arguing warning explaining stating insisting "
    "reporting estimating confirming announcing revealing writing acknowledging admitting".split()
)


def _modifies_a_noun(verb: str, prev: str, after: str, lexicons: Lexicons) -> bool:
    """Verb forms used as nouns or adjectives: "the 2014 protests", "the state of Arkansas",
    "a disputed election"."""
    lower = verb.lower()
    if prev[:1].isdigit():
        return True  # (prev is "" when punctuation follows it: '... posts 251", said KCNA')
    if lower in lexicons.reporting_verb_lemmas and lower not in _TAKES_OF and _OF_FOLLOWS.match(after):
        return True
    if lower.endswith("ed"):
        nxt = _NEXT_WORD.match(after)
        if prev in DETERMINERS and nxt and nxt.group(1).islower() and nxt.group(1) not in _FUNCTION_WORDS:
            return True
    return False


_TAKES_OF = frozenset("speak talk warn complain tell write boast hear dream think".split())
_OF_FOLLOWS = compile_pattern(r"^\s+of\b")
_NEXT_WORD = compile_pattern(r"^\s+([\p{L}'’-]+)")
_FUNCTION_WORDS = frozenset(
    """that to of in on at for with by from as and or but the a an this these those it its their his her
    he she they we i you was were is are be been has have had will would""".split()
)


def _noun_use(subject: str, words_before: list[str], verb: str, lexicons: Lexicons) -> bool:
    """Is this base form a noun ("a laser light show", "in the Nuevo León state")?

    A clause's subject never opens with a preposition, and a base form ("show", "state",
    "say") does not agree with a singular common noun right before it unless a preposition
    just before shows that noun to be a modifier's object ("officials at the ministry say").
    """
    first = subject.split()[0]
    if first in _PHRASE_OPENERS:
        return True  # "... in Scientology jargon refers": a phrase, not a subject
    if verb not in lexicons.reporting_verb_lemmas or not words_before:
        return False
    if first.lower() in _PHRASE_OPENERS:
        return True
    prev = words_before[-1].strip("\"“”'’,")
    if prev.endswith("ing") and len(prev) > 4:
        return True  # "investigating claim": the object of the verb before
    if not prev.isalpha() or not prev.islower() or prev.endswith("s") or prev in _AGREES_WITH_BASE_FORM:
        return False
    near = [w.lower().strip(",") for w in words_before[-4:-1]]
    return not any(w in _PREPOSITIONS or w == "of" for w in near)


# Prepositions that open a phrase, never a subject ("in the Nuevo León state").  "About",
# "over" and "under" also open quantities ("About half of all respondents reported").
_PHRASE_OPENERS = frozenset("in on at for with from into via through during of".split())
# Words a base form can follow as a verb: plural nouns without -s, pronouns, modals.
_AGREES_WITH_BASE_FORM = frozenset(
    """people police data media staff children men women folk personnel clergy cattle public who that which
    i you we they will would can could may might must should shall do did does not never to also often
    usually still then now far here there too again even just only all both already ever soon today yet
    together instead first""".split()
)


def _inside_name(text: str, word: regex.Match) -> bool:
    """An all-capitals "WHO", or "and" between capitalised words ("the Roads and Bridges
    Agency"), belongs to a name rather than joining clauses."""
    found = word.group()
    if len(found) > 1 and found.isupper():
        return True
    if found != "and":
        return False
    before, after = text[: word.start()].split(), text[word.end() :].split()
    return bool(before and after and before[-1][:1].isupper() and before[-1][-1:].isalnum()
                and after[0][:1].isupper())


def _subject_before(before: str) -> str | None:
    """The noun phrase that ends just before the verb, if the verb has one there.

    "X, a spokesman for Y, said": when only an auxiliary (or nothing) stands between the
    last comma and the verb, the subject is the appositive or name before that comma.
    """
    set_off = False  # the text looked at ends with a comma-enclosed stretch already skipped
    for _ in range(3):
        breaks = [b for b in _CLAUSE_BREAK.finditer(before) if not _inside_name(before, b)]
        clause = before[breaks[-1].end() :] if breaks else before
        words = _verb_group_removed(_SUBJECT_WORD.findall(clause))
        last = breaks[-1] if breaks else None
        if words and set_off and last is not None and last.group() == "," and words[0].lower() in _PHRASE_OPENERS:
            # "Al-Amr, in remarks to the press, said": the subject stands before the phrase.
            before = before[: last.start()]
            continue
        if words:
            kept = words[-6:]
            if len(words) > 6:
                # Cut mid-phrase: do not let the cut make a subject open with "at" or "of".
                while len(kept) > 1 and kept[0] in _PHRASE_OPENERS:
                    kept = kept[1:]
            return " ".join(kept)
        if last is None:
            return None
        if last.group() == ",":
            before = before[: last.start()]
        elif last.group() in "–—":
            # "respondents – 47 percent – report": the subject stands before the opening dash.
            opening = before.rfind(last.group(), 0, last.start())
            if opening < 0:
                return None
            before = before[:opening]
        else:
            return None
        set_off = True
    return None


# Adverbs that stand between a subject and its verb ("Both nations have now confirmed",
# "U.S. officials have long warned", "The center just released"); with AUXILIARIES and
# lowercase -ly words they are the verb group, never the end of the noun phrase.
_VERB_GROUP_ADVERBS = frozenset("now just long both all ever even only jointly together since soon finally often "
                                "always actually".split())
# Finite auxiliaries and verbs that state something: a subject noun phrase ends before them.
_FINITE_AUX = frozenset("has have had is are was were will would can could may might shall should must does did "
                        "do".split())
_FINITE_SPEECH = frozenset("said says say told tells wrote writes".split())
_OBJECT_FOLLOWS = frozenset("a an the its their his her our this these those that".split())


def _verb_group_removed(words: list[str]) -> list[str]:
    """The words without the auxiliaries and adverbs closing them ("Both nations have now")."""
    while words and (words[-1].lower() in AUXILIARIES or words[-1] in _VERB_GROUP_ADVERBS
                     or (words[-1].islower() and words[-1].endswith("ly"))):
        words = words[:-1]
    return words


def source_phrase(subject: str) -> str:
    """The source as a noun phrase, from the words a cue took as its subject: it ends before
    a verb ("Heald noted the findings" -> "Heald", "The union issued a statement" -> "The
    union") and before a prepositional phrase that names nothing ("a bargaining chip in
    peace" -> "a bargaining chip"; "analysts at the Stimson Center" stays whole).  How the
    cue is rated (named or vague) still reads the whole subject."""
    words = subject.split()
    verb_at = _first_finite_verb(words)
    if verb_at is not None:
        words = _verb_group_removed(words[:verb_at]) or words
    for i in range(1, len(words) - 1):
        if words[i] in _TAIL_PREPOSITIONS and not _names_something(words[i:]):
            words = words[:i]
            break
    return " ".join(words)


# Prepositions whose phrase is cut from a source unless it names something ("of" and "from"
# make partitives and affiliations: "half of the respondents", "researchers from Yale").
_TAIL_PREPOSITIONS = frozenset("in on at for with during over about under into after before alongside amid near "
                               "through via".split())


def _names_something(tail: list[str]) -> bool:
    """Does a prepositional phrase name a body or a document ("at the Stimson Center", "in
    the new research", "at the ministry")?"""
    return any(w[:1].isupper() or w[:1].isdigit() for w in tail[1:]) or bool(
        _IDENTIFYING_COMPLEMENT.match(" ".join(tail))) or any(
        w.lower().strip(",.'’") in _SOURCE_WORDS_IN_TAILS for w in tail[1:])


_SOURCE_WORDS_IN_TAILS = frozenset(
    "research study survey report analysis review audit investigation data findings team lab laboratory".split())


def _first_finite_verb(words: list[str]) -> int | None:
    """Where the first finite verb stands among the words of a would-be subject (never the
    first word: "Can you say ...", "Will Smith said"): an auxiliary, "said"/"told", or a past
    form in -ed with an object after it ("issued a statement"; not "a study published in")."""
    for i in range(1, len(words)):
        w = words[i]
        if w in _FINITE_AUX or w in _FINITE_SPEECH:
            return i
        if (w.endswith("ed") and w.islower() and i + 1 < len(words) and words[i + 1].lower() in _OBJECT_FOLLOWS
                and words[i - 1].lower() not in DETERMINERS):
            return i
    return None


def _subject_after(after: str) -> tuple[str, int] | None:
    """Inverted order: '"...," said Leong.' / ', says the report'.  Returns the subject and
    where it ends in ``after``."""
    m = _INVERTED_SUBJECT.match(after)
    if not m or not m.group(1).strip():
        return None
    return m.group(1).strip(), m.end(1)


_INVERTED_SUBJECT = compile_pattern(
    r"^\s*((?:the\s+|a\s+|an\s+)?[\p{L}\p{N}.'’&-]+(?:\s+[\p{L}\p{N}.'’&-]+){0,5}?)"
    r"(?=\s*(?:[,.;:!?\"”)]|$)|\s+(?:to|in|at|on|during|after|before|while|when|as|who|which|that|from|with)\b)"
)


def _source_end(m: regex.Match, trimmed: str) -> int:
    """Where the trimmed source phrase ends in the text."""
    raw = m.group("src")
    return m.start("src") + len(raw) - len(raw.lstrip()) + len(trimmed)


def _trim_source(src: str) -> str:
    """The source named after "according to": up to the clause that follows it."""
    src = src.strip()
    src = _SOURCE_END.split(src, maxsplit=1)[0].strip()
    return src


# What ends a source phrase: a relative or a new clause ("according to the service had a 4.1
# quake"), a number, or "as" in "citing the ban as his reason".
# A whitespace run is entered at its start only (else a long run is rescanned from each space).
_SOURCE_END = compile_pattern(
    r"(?<!\s)\s*+(?:\b(?:that|which|who|there|this|these|it|its|as|had|has|have|is|are|was|were|will|would|"
    r"can|could|did|does|do|said|says)\b|\d)"
)


def _quality(subject: str, lexicons: Lexicons) -> str | None:
    """named or vague (None when the phrase cannot be a source at all).

    A source is vague when its noun is a vague source ("experts", "reports", "a new study",
    "some") that nothing identifies: no proper-noun or institutional modifier ("Pentagon
    officials", "health officials") and no identifying complement ("analysts at the Stimson
    Center").  Anything else a communication verb has as its subject is its named source.
    """
    words = subject.split()
    if not words:
        return None
    lower = [w.lower().strip("\"“”'’,.") for w in words]
    if lower[0] in {"no", "none", "nothing", "nobody", "neither"}:
        return None  # "no damage (was) reported": nobody is speaking
    if lower[0] == "there" and len(lower) > 2 and lower[2] == "no":
        return None  # "there is no evidence the strain alleged to ...": no evidence speaks
    if len(lower) == 1 and lower[0] in {"that", "this", "these", "those", "which", "what", "there"}:
        return None  # a thing, not a speaker
    if lower[-1] in PRONOUNS or (len(lower) == 1 and lower[0] in PRONOUNS):
        return "named"
    if any(w in _ANONYMOUS for w in lower):
        return "vague"  # "the post by an unknown author"
    at = _vague_noun_index(lower, lexicons.vague_sources)
    if at is not None:
        modifiers = words[:at]
        # "The sources claimed": pointing back at them does not identify them.
        anonymous = lower[at] in _ANONYMOUS_BY_NATURE
        if any(_identifies(w, i) for i, w in enumerate(modifiers) if not (anonymous and w.lower() in _DEFINITE)):
            return "named"
        if _IDENTIFYING_COMPLEMENT.search(" ".join(words[at:])):
            return "named"
        if at + 1 < len(words) and words[at + 1][:1].isupper() and lower[at] not in _QUANTIFIERS:
            return "named"  # "images Wikinews observed": the name is the relative clause's subject
        return "vague"
    if lower[0] in {"a", "an"} and any(w in lexicons.attribution_nouns for w in lower[1:5]) and not any(
        _identifies(w, i) for i, w in enumerate(words[1:5], start=1)
    ):
        return "vague"  # "a new study", "an Internet posting": nothing says which
    return "named"  # a communication verb's subject is its source (ANNOTATION.md)


def _vague_noun_index(lower: list[str], vague_sources: frozenset[str]) -> int | None:
    """Index of the first vague source word or phrase among the first words of a subject."""
    for i in range(min(len(lower), 5)):
        for n in (3, 2, 1):
            if i + n <= len(lower) and " ".join(lower[i : i + n]) in vague_sources:
                return i + n - 1
    return None


def _identifies(word: str, index: int) -> bool:
    """Does this modifier identify a group ("Pentagon", "U.S.", "health")?"""
    bare = word.strip("\"“”'’,.").lower()
    if bare in _DEFINITE:
        return True  # "the researchers", "these scientists": a group the story has named
    if bare in _GENERIC_MODIFIERS:
        return False
    return bool(_BODY_MODIFIER.match(word.strip("\"“”',")))


# Capitalised or institutional-looking words that still identify nobody.
_GENERIC_MODIFIERS = frozenset(
    """recent new some many several other senior top local foreign western eastern independent former
    leading prominent most few certain unnamed anonymous unidentified unknown various numerous internet
    web online social twitter facebook youtube reddit instagram tiktok a an the one two three""".split()
)
_QUANTIFIERS = frozenset("some many most several few".split())  # "some Brazilians": a modifier follows
_DEFINITE = frozenset("the these those this that its their his her our".split())
_ANONYMOUS = frozenset("unknown unidentified anonymous unnamed someone somebody".split())
# Sources that stay unidentified however often the story points back at them ("the sources").
_ANONYMOUS_BY_NATURE = frozenset("sources source insiders insider".split())
_IDENTIFYING_COMPLEMENT = compile_pattern(
    r"\b(?:at|from|of|with|for|in|by)\s+(?:the\s+)?(?:(?-i:\p{Lu})|(?:ministry|department|agency|company|embassy|"
    r"hospital|university|police|army|military|government|council|court|office|bank|commission|committee|"
    r"institute|organi[sz]ation|union|party|school|station|prison|firm|group|campaign)\b)",
    regex.IGNORECASE,
)
