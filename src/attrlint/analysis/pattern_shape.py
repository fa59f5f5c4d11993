"""Reading a pattern's source far enough to say where its matches can start.

The parser behind :mod:`attrlint.analysis.match_starts` (see its docstring for what the
analysis promises).  Its results are kept in the pattern cache, so a run imports this
module only when a pattern is new: a changed lexicon, a pattern from configuration, the
first run after an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import regex

from attrlint.analysis.match_starts import Alternation, MatchStarts
from attrlint.pattern_cache import compile_pattern

# Flags under which a letter boundary, case folding or match order means something else.
_UNSUPPORTED_FLAGS = (regex.REVERSE | regex.WORD | regex.FULLCASE | regex.ASCII | regex.LOCALE | regex.POSIX
                      | regex.BESTMATCH | regex.ENHANCEMATCH | regex.V1)
# Non-letter characters that have no case partner, so a literal one matches only itself.
_CASELESS = compile_pattern(r"[\x00-\x7f]|\p{P}|\p{Sc}|\p{Sm}|\p{Sk}|\p{Z}|\p{Nd}")
_ASCII_LETTER = compile_pattern(r"[A-Za-z]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LETTER = compile_pattern(r"\p{L}")
_DIGIT = compile_pattern(r"\d")
# What the assertions read so far say about the character before the match start.
_NO_LETTER = 1
_NO_DIGIT = 2
# Runs of characters that mean themselves in a pattern (whitespace too, unless verbose).
_LITERAL_RUN = compile_pattern(r"[^\\()\[\]{}|?*+.^$]+")
_LITERAL_RUN_VERBOSE = compile_pattern(r"[^\\()\[\]{}|?*+.^$#\s]+")
# Explosion guard: patterns whose starts cannot be listed in this many steps are scanned plainly.
_MAX_STEPS = 200_000


class Unsupported(Exception):
    """The source uses syntax this analysis does not model where it matters."""


@dataclass(frozen=True)
class _Class:
    """A character class (``[...]``, ``\\d``, ``\\s``, ``.``) as far as starts are concerned."""

    chars: frozenset[str] = frozenset()  # literal characters (letters included)
    digit: bool = False
    space: bool = False
    all_letters: bool = False  # contains every letter (``\\w``, ``\\p{L}``)
    unknown: bool = False  # anything else (negation, ranges, properties): may hold letters

    @cached_property
    def has_digits(self) -> bool:
        return self.digit or self.unknown or self.all_letters or any(_DIGIT.match(c) for c in self.chars)

    @cached_property
    def has_letters(self) -> bool:
        return self.all_letters or self.unknown or any(_LETTER.match(c) for c in self.chars)


# Parsed pattern: a sequence is a tuple of items; an item is one of
#   ("char", c) | ("class", _Class) | ("group", (seq, ...), spans) | ("look", kind, (seq, ...))
#   | ("zero", name) | ("rep", item, min, max, again)
# where kind is "=", "!", "<=", "<!", name is "b", "B", "^", "$", "A", "Z", ``again``
# marks the repetitions left after a first one, and ``spans`` (None unless the group is a
# plain ``(?:...)``) says where its branches are in the source.
@cache
def _parsed(source: str, flags: int) -> tuple | None:
    if flags & _UNSUPPORTED_FLAGS:
        return None
    try:
        return _Parser(source, verbose=bool(flags & regex.VERBOSE)).parse()
    except (Unsupported, RecursionError):
        return None


def compute_match_starts(source: str, flags: int) -> MatchStarts | None:
    parsed = _parsed(source, flags)
    return None if parsed is None else _starts_of(parsed)


def _starts_of(alternatives: tuple) -> MatchStarts | None:
    try:
        return _Starts().of(alternatives)
    except (Unsupported, RecursionError):
        return None


def compute_split_alternation(source: str, flags: int, min_branches: int) -> Alternation | None:
    alternatives = _parsed(source, flags)
    if alternatives is None or len(alternatives) != 1:
        return None
    seq, path = alternatives[0], []  # path: (sequence, index of its group) from the outside in
    while True:
        at = next((i for i, item in enumerate(seq) if item[0] not in ("zero", "look")), None)
        if at is None or seq[at][0] != "group" or seq[at][2] is None:
            return None
        path.append((seq, at))
        _, body, spans = seq[at]
        if len(body) > 1:
            break
        seq = body[0]  # "(?:(?:a|b))": look inside
    if len(body) < min_branches:
        return None
    head, tail = source[: spans[0][0]], source[spans[-1][1] :]
    joiner = "\n|" if flags & regex.VERBOSE else "|"
    return Alternation(head, tuple(source[b:e] for b, e in spans), tail, joiner,
                       tuple(_starts_of((_with_one_branch(path, branch),)) for branch in body))


def _with_one_branch(path: list[tuple[tuple, int]], branch: tuple) -> tuple:
    """The parsed pattern with the innermost group of ``path`` holding only ``branch``."""
    inner = (branch,)
    for seq, at in reversed(path):
        replaced = seq[:at] + (("group", inner, None),) + seq[at + 1 :]
        inner = (replaced,)
    return inner[0]


class _Parser:
    """A parser for the subset of ``regex`` syntax whose meaning for match starts is known."""

    def __init__(self, source: str, verbose: bool) -> None:
        self.src = source
        self.i = 0
        self.verbose = verbose

    def parse(self) -> tuple:
        alternatives = self._alternation()
        if self.i != len(self.src):
            raise Unsupported("unbalanced parenthesis")
        return alternatives

    def _alternation(self) -> tuple:
        branches, spans = [], []
        while True:
            begin = self.i
            branches.append(self._sequence())
            spans.append((begin, self.i))
            if self._peek() != "|":
                break
            self.i += 1
        self.spans = tuple(spans)  # where each branch is in the source (read by _group)
        return tuple(branches)

    def _peek(self) -> str:
        if self.verbose:
            self._skip_verbose()
        return self.src[self.i] if self.i < len(self.src) else ""

    def _skip_verbose(self) -> None:
        while self.verbose and self.i < len(self.src):
            c = self.src[self.i]
            if c.isspace():
                self.i += 1
            elif c == "#":
                newline = self.src.find("\n", self.i)
                self.i = len(self.src) if newline < 0 else newline + 1
            else:
                return

    def _sequence(self) -> tuple:
        items = []
        while (c := self._peek()) and c not in "|)":
            run = self._literal_run()
            if run:
                items.extend(("char", c) for c in run)
                continue
            item = self._atom()
            if item is None:
                continue
            items.append(self._quantified(item))
        return tuple(items)

    def _literal_run(self) -> str:
        """Characters that stand for themselves, read in one go (word lists are mostly that);
        the last is left to :meth:`_atom` when a quantifier follows it."""
        m = (_LITERAL_RUN_VERBOSE if self.verbose else _LITERAL_RUN).match(self.src, self.i)
        if not m:
            return ""
        self.i = m.end()
        following = self._peek()
        run = m.group()
        if following and following in "?*+{":
            run = run[:-1]
        self.i = m.start() + len(run)
        return run

    def _quantified(self, item: tuple) -> tuple:
        c = self._peek()
        if c in ("?", "*", "+"):
            self.i += 1
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[c]
        elif c == "{" and (m := compile_pattern(r"\{(\d*)(?:(,)(\d*))?\}").match(self.src, self.i)):
            if not m.group(1) and not m.group(2):
                raise Unsupported("empty repeat")
            self.i = m.end()
            low = int(m.group(1) or 0)
            high = low if not m.group(2) else (int(m.group(3)) if m.group(3) else None)
        else:
            return item
        if self.i < len(self.src) and self.src[self.i] in "?+":
            self.i += 1  # lazy or possessive: the same strings can match
        if item[0] in ("zero", "look"):
            raise Unsupported("repeated assertion")
        return ("rep", item, low, high, False)

    def _atom(self) -> tuple | None:
        c = self.src[self.i]
        self.i += 1
        if c == "(":
            return self._group()
        if c == "[":
            return ("class", self._class())
        if c == "\\":
            return self._escape(in_class=False)
        if c == ".":
            return ("class", _Class(unknown=True))
        if c in "^$":
            return ("zero", c)
        if c in "*+?{":
            raise Unsupported("quantifier without an item")
        return ("char", c)

    def _group(self) -> tuple | None:
        src, i = self.src, self.i
        if src.startswith("?#", i):
            end = src.find(")", i)
            if end < 0:
                raise Unsupported("open comment")
            self.i = end + 1
            return None
        kind = None
        plain = src.startswith("?:", i)
        if plain or src.startswith("?>", i) or src.startswith("?|", i):
            self.i += 2
        elif src.startswith(("?=", "?!"), i):
            kind, self.i = src[i + 1], i + 2
        elif src.startswith(("?<=", "?<!"), i):
            kind, self.i = src[i + 1 : i + 3], i + 3
        elif src.startswith(("?P<", "?<"), i):
            close = src.find(">", i)
            if close < 0:
                raise Unsupported("bad group name")
            self.i = close + 1
        elif src.startswith("?", i):
            # Scoped flags "(?-i:...)"/"(?i:...)" are a plain group here (case is folded anyway);
            # flags changing anything else, global flags and conditionals are not modelled.
            m = compile_pattern(r"\?([imsx]*)(?:-([imsx]*))?:").match(src, i)
            if not m or "x" in (m.group(1) or "") + (m.group(2) or ""):
                raise Unsupported("flags or extension")
            self.i = m.end()
        body = self._alternation()
        spans = self.spans
        if self._peek() != ")":
            raise Unsupported("open group")
        self.i += 1
        return ("look", kind, body) if kind else ("group", body, spans if plain else None)

    def _escape(self, in_class: bool) -> tuple:
        if self.i >= len(self.src):
            raise Unsupported("trailing backslash")
        c = self.src[self.i]
        self.i += 1
        if c == "d":
            return ("class", _Class(digit=True))
        if c == "s":
            return ("class", _Class(space=True))
        if c == "w":
            return ("class", _Class(all_letters=True, digit=True, unknown=True))
        if c == "p" and self.src.startswith("{", self.i):
            close = self.src.find("}", self.i)
            name = self.src[self.i + 1 : close]
            self.i = close + 1
            letters = name.replace(" ", "").lower() in ("l", "letter", "l&")
            return ("class", _Class(all_letters=letters, unknown=True))
        if c in "DSWPXNuUxo0123456789gkLRQEGKC" or (c.isalpha() and in_class and c not in "tnrfv"):
            raise Unsupported(f"escape \\{c}")
        if not in_class and c in "bBAZ":
            return ("zero", c)
        if c.isalpha() and c not in "tnrfv":
            raise Unsupported(f"escape \\{c}")
        return ("char", {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v"}.get(c, c))

    def _class(self) -> _Class:
        src = self.src
        negated = src.startswith("^", self.i)
        if negated:
            self.i += 1
        chars: set[str] = set()
        digit = space = all_letters = unknown = False
        first = True
        while True:
            if self.i >= len(src):
                raise Unsupported("open class")
            c = src[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            if c == "[":
                raise Unsupported("nested class")
            self.i += 1
            first = False
            if c == "\\":
                kind, value = self._escape(in_class=True)
                if kind == "class":
                    digit, space = digit or value.digit, space or value.space
                    all_letters, unknown = all_letters or value.all_letters, unknown or value.unknown
                    continue
                c = value
            if src.startswith("-", self.i) and not src.startswith("-]", self.i):
                unknown = True  # a range: which characters it holds is not modelled
                self.i += 1
                if src.startswith("\\", self.i):
                    self.i += 2
                else:
                    self.i += 1
                continue
            chars.add(c)
        if negated:
            return _Class(unknown=True)  # may hold letters and digits, but not all of them
        return _Class(frozenset(chars), digit, space, all_letters, unknown)


def _may_open_with_letter(item: tuple) -> bool:
    if item[0] == "char":
        return bool(_LETTER.match(item[1]))
    if item[0] == "class":
        return item[1].has_letters
    if item[0] == "group":
        return not _Starts.opens_with_non_letter(item[1])
    return True


class _Starts:
    """Walks the parsed pattern from its start and collects where a match can begin."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.chars: set[str] = set()
        self.digit = False
        self.digit_inside = False
        self.space = False
        self.steps = 0

    def of(self, alternatives: tuple) -> MatchStarts:
        for branch in alternatives:
            self._walk(branch, 0, (), "", 0)
        return MatchStarts(frozenset(self.words), frozenset(self.prefixes), frozenset(self.chars),
                           self.digit, self.space, self.digit_inside)

    def _walk(self, seq: tuple, i: int, rest: tuple, letters: str, bounded: int) -> None:
        """Follow ``seq[i:]`` then the continuations in ``rest`` (a stack of (seq, i)),
        with ``letters`` read so far; ``bounded``: _NO_LETTER / _NO_DIGIT, what cannot
        precede the match."""
        self.steps += 1
        if self.steps > _MAX_STEPS:
            raise Unsupported("too many branches")
        if i == len(seq):
            if rest:
                (outer, j), *more = rest
                return self._walk(outer, j, tuple(more), letters, bounded)
            if not letters:
                raise Unsupported("can match the empty string")
            return self._emit(letters, complete=False, bounded=bounded)
        item, follow = seq[i], (seq, i + 1)
        kind = item[0]
        if kind == "char":
            if item[1] in _ASCII_LETTERS:  # the common case, kept fast: most sources are word lists
                j = i + 1
                while j < len(seq) and seq[j][0] == "char" and seq[j][1] in _ASCII_LETTERS:
                    j += 1
                run = "".join(seq[k][1] for k in range(i, j)).lower()
                return self._walk(seq, j, rest, letters + run, bounded)
            return self._consume(_Class(frozenset(item[1])), follow, rest, letters, bounded)
        if kind == "class":
            return self._consume(item[1], follow, rest, letters, bounded)
        if kind == "group":
            for branch in item[1]:
                self._walk(branch, 0, (follow, *rest), letters, bounded)
            return None
        if kind == "rep":
            _, inner, low, high, again = item
            if again and not letters:
                # The first repetition consumed nothing, so another one would start from the
                # same state as it did: only going on without it is new.
                return self._walk(seq, i + 1, rest, letters, bounded)
            if low == 0:
                self._walk(seq, i + 1, rest, letters, bounded)  # no repetition at all
                if high == 0:
                    return None
            more = None if high == 1 else ("rep", inner, max(low - 1, 0), None if high is None else high - 1, True)
            if letters and more is not None:
                # Repetitions after some letters: where the run of letters ends is not listed.
                return self._emit(letters, complete=not _may_open_with_letter(inner), bounded=bounded)
            after = ((((more,), 0),) if more is not None else ()) + (follow, *rest)
            return self._walk((inner,), 0, after, letters, bounded)
        if kind == "zero":
            name = item[1]
            if name == "b" and letters:
                return self._emit(letters, complete=True, bounded=bounded)
            if name == "b":
                # Before a letter or digit: the character before it is not a word character.
                bounded |= _NO_LETTER | _NO_DIGIT
            return self._walk(seq, i + 1, rest, letters, bounded)
        if kind == "look":
            return self._look(item[1], item[2], seq, i, rest, letters, bounded)
        raise Unsupported(kind)

    def _look(self, look: str, body: tuple, seq: tuple, i: int, rest: tuple, letters: str, bounded: int) -> None:
        single = body[0][0] if len(body) == 1 and len(body[0]) == 1 else None
        single_class = None
        if single is not None and single[0] in ("char", "class"):
            single_class = single[1] if single[0] == "class" else _Class(frozenset(single[1]))
        if look in ("<!", "<="):
            if not letters and single_class is not None:
                if look == "<!":
                    bounded |= ((_NO_LETTER if single_class.all_letters else 0)
                                | (_NO_DIGIT if single_class.digit else 0))
                else:
                    bounded |= ((0 if single_class.has_letters else _NO_LETTER)
                                | (0 if single_class.has_digits else _NO_DIGIT))
            return self._walk(seq, i + 1, rest, letters, bounded)
        if letters:
            if look == "!" and single_class is not None and single_class.all_letters:
                return self._emit(letters, complete=True, bounded=bounded)
            if look == "=" and self.opens_with_non_letter(body):
                return self._emit(letters, complete=True, bounded=bounded)
            if look == "=":
                return self._emit(letters, complete=False, bounded=bounded)
        return self._walk(seq, i + 1, rest, letters, bounded)

    @staticmethod
    def opens_with_non_letter(body: tuple) -> bool:
        """Does every way through ``body`` consume a non-letter first?"""
        inner = _Starts()
        try:
            for branch in body:
                inner._walk(branch, 0, (), "", 0)
        except Unsupported:
            return False
        return not inner.words and not inner.prefixes

    def _consume(self, cls: _Class, follow: tuple, rest: tuple, letters: str, bounded: int) -> None:
        if letters:
            if not cls.has_letters:
                return self._emit(letters, complete=True, bounded=bounded)
            if cls.all_letters or cls.unknown or not all(_ASCII_LETTER.match(c) for c in cls.chars if _LETTER.match(c)):
                return self._emit(letters, complete=False, bounded=bounded)
            if any(not _LETTER.match(c) for c in cls.chars) or cls.digit or cls.space:
                self._emit(letters, complete=True, bounded=bounded)
            for c in sorted({c.lower() for c in cls.chars if _LETTER.match(c)}):
                self._walk(follow[0], follow[1], rest, letters + c, bounded)
            return None
        if cls.all_letters or cls.unknown:
            raise Unsupported("a match can open with any letter")
        for c in cls.chars:
            if _LETTER.match(c):
                if not _ASCII_LETTER.match(c):
                    raise Unsupported("a non-ASCII letter opens a match")
                self._walk(follow[0], follow[1], rest, c.lower(), bounded)
            elif _CASELESS.match(c):
                self.chars.add(c)
            else:
                raise Unsupported("a character with case variants opens a match")
        self.digit = self.digit or cls.digit
        self.digit_inside = self.digit_inside or (cls.digit and not bounded & _NO_DIGIT)
        self.space = self.space or cls.space
        return None

    def _emit(self, letters: str, complete: bool, bounded: int) -> None:
        if not bounded & _NO_LETTER:
            raise Unsupported("a match can start inside a word")
        (self.words if complete else self.prefixes).add(letters)
