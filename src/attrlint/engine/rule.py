"""The rule contract.

A rule is an object with a stable ``code`` (``ATR001``), a slug ``name``, a
``category``, a default ``severity``, a one-paragraph ``doc`` and ``examples`` (text that
must and must not be flagged; the test-suite runs them).  ``check`` receives a
:class:`RuleContext` and yields :class:`~attrlint.engine.findings.Finding` objects.
Built-in rules subclass :class:`Rule`; plugins may too, or provide any object with the
same attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from attrlint.engine.findings import Finding

if TYPE_CHECKING:
    from attrlint.analysis.article import ArticleAnalysis
    from attrlint.analysis.lexicons import Lexicons
    from attrlint.document.model import Document
    from attrlint.engine.suppressions import Directive
    from attrlint.scoring.verdicts import Verdicts


class Example(NamedTuple):  # not a dataclass: cheaper to define at start-up
    text: str
    flagged: bool  # True: the rule must report something in text; False: nothing
    note: str = ""


class RuleContext:
    """What a rule sees: the document, the shared analysis, and the run's options.

    ``options`` holds per-rule options keyed by rule code (``options["ATR001"]``) and the
    analysis options under ``"analysis"`` (an :class:`AnalysisOptions`).
    """

    def __init__(self, document: Document, lexicons: Lexicons, options: dict[str, Any] | None = None,
                 rule_codes: frozenset[str] = frozenset()) -> None:
        self.document = document
        self.lexicons = lexicons
        self.options = {} if options is None else options
        self.rule_codes = rule_codes  # the rules running on this document

    @cached_property
    def directives(self) -> list[Directive]:
        """The document's suppression directives (their ``used`` marks are filled by the linter)."""
        from attrlint.engine.suppressions import find_directives

        return find_directives(self.document)

    @cached_property
    def scores(self) -> Verdicts | None:
        """Per sentence of the analysis, what the scorer reports it as and how sure it is
        (:class:`attrlint.scoring.verdicts.Verdicts`); None when no scorer runs (``scorer =
        false``): the hand-set rules then decide alone."""
        model = self.options.get("scorer")
        if model is None:
            return None
        from attrlint.scoring.features import article_features
        from attrlint.scoring.verdicts import Verdicts, rule_flags

        analysis = self.analysis
        structural, vague, outright = rule_flags(analysis)
        # A sentence nothing can be reported on is not scored at all (a tenth to a fifth of
        # an article: headings, credits, "according to ...").
        skip = [st or (out and not v) for st, out, v in zip(structural, outright, vague, strict=True)]
        # The probability of vague attribution only where a vague cue could be reported.
        score = model.score
        scores = [(0.0, 0.0) if pair is None else score(*pair, vague=v)
                  for pair, v in zip(article_features(analysis, split_words=True, skip=skip), vague, strict=True)]
        return Verdicts(scores, vague, structural, model.thresholds, self.options.get("min_confidence", 0.0), outright)

    @cached_property
    def analysis(self) -> ArticleAnalysis:
        from attrlint.analysis.article import analyse

        return analyse(self.document, self.lexicons, self.options.get("analysis"))


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str] = "other"
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    doc: ClassVar[str] = ""
    examples: ClassVar[tuple[Example, ...]] = ()
    default_enabled: ClassVar[bool] = True  # False: runs only when selected (select / extend-select)
    runs_after_suppressions: ClassVar[bool] = False  # True: sees ctx.directives with their use marked

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, *, start: int, end: int, sentence: Any, message: str, **extra: Any) -> Finding:
        """A finding carrying this rule's identity and default severity."""
        return Finding(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=extra.pop("severity", self.severity),
            message=message,
            start=start,
            end=end,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            **extra,
        )
