"""ATR901 unused-suppression."""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.document.model import Span
from attrlint.engine.findings import Finding
from attrlint.engine.rule import Example, Rule, RuleContext


class UnusedSuppression(Rule):
    code = "ATR901"
    name = "unused-suppression"
    category = "other"
    severity = "info"
    summary = "A suppression comment that silences nothing, or names an unknown rule."
    doc = (
        "Flags an attrlint suppression directive (attrlint-disable, -disable-line, -disable-next-line, "
        "-disable-file) that suppressed no finding in this run, and each rule code in a directive that "
        "suppressed nothing. A directive naming a rule code that does not exist is flagged the same way, "
        "with the unknown code named, since it can never suppress anything; so is a comment that starts "
        "like a directive but is misspelt ('attrlint-disabel'). Codes of rules that exist but "
        "are not selected for the file are not flagged (another configuration may run them). Vale's own "
        "'vale off' comments are never flagged. Fix it by deleting the stale comment or correcting the code, "
        "so that every suppression left in an article is one a reviewer must still read."
    )
    examples = (
        Example("<!-- attrlint-disable-next-line ATR001 -->\nThe ministry said 12 people died in the fire.\n",
                True, "the sentence is sourced: nothing to suppress"),
        Example("<!-- attrlint-disable-next-line ATR999 -->\nNorth Korea has sent 14,000 troops.\n", True,
                "unknown rule code"),
        Example("<!-- attrlint-disable-next-line ATR001 -->\nNorth Korea has sent 14,000 troops.\n", False),
        Example("<!-- attrlint-disable -->\nExperts say the offensive cannot last.\n<!-- attrlint-enable -->\n",
                False),
    )
    runs_after_suppressions = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        known = ctx.options.get("known_codes") or ctx.rule_codes
        for d in ctx.directives:
            if d.verb in ("enable", "vale-off", "vale-on"):
                continue
            where = Span(d.start, d.end)
            if d.verb == "invalid":
                comment = " ".join(ctx.document.text[d.start : d.end].split())
                yield self.finding(start=d.start, end=d.end, sentence=where,
                                   message=f"Not a suppression directive: \u201c{comment}\u201d suppresses nothing "
                                           f"(see docs/configuration.md).",
                                   evidence={"directive": comment, "invalid": True})
                continue
            unknown = [c for c in d.codes if not any(k.startswith(c) for k in known)]
            if unknown:
                yield self.finding(start=d.start, end=d.end, sentence=where,
                                   message=f"Suppression names unknown rule code {', '.join(unknown)}: "
                                           f"it suppresses nothing.",
                                   evidence={"directive": d.text, "unknown_codes": unknown})
                continue
            if not d.codes:
                if not d.used:
                    yield self.finding(start=d.start, end=d.end, sentence=where,
                                       message=f"Unused suppression \u201c{d.text}\u201d: it suppresses nothing.",
                                       evidence={"directive": d.text, "unused_codes": []})
                continue
            # Codes covering this rule are left alone: what they silence is only known after it runs.
            idle = [c for c in d.codes if c not in d.used and not self.code.startswith(c)
                    and any(k.startswith(c) for k in ctx.rule_codes)]
            if idle:
                yield self.finding(start=d.start, end=d.end, sentence=where,
                                   message=f"Unused suppression of {', '.join(idle)} in \u201c{d.text}\u201d: "
                                           f"nothing to suppress here.",
                                   evidence={"directive": d.text, "unused_codes": idle})
