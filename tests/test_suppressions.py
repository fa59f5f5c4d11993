"""Inline suppression directives, Vale's comments, and ATR901 unused-suppression."""

from __future__ import annotations

import regex

from attrlint.analysis.lexicons import default_lexicons
from attrlint.document.model import Document, Span
from attrlint.engine.linter import lint_document
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.readers.plaintext import paragraph_blocks
from tests.conftest import lint_text
from tests.inprocess import attrlint  # noqa: F401  (fixture)

RULES = build_registry(load_plugins(third_party=False)).rules
FIGURE = "North Korea has sent 14,000 troops to the front."
VAGUE = "Experts say the offensive cannot last."


def found(text: str) -> list[tuple[str, int]]:
    """(rule, line) of each finding in a plain-text article."""
    return [(f.rule, text.count("\n", 0, f.start) + 1) for f in lint_text(text)]


def marked_up(text: str) -> Document:
    """A Markdown-like document built by hand: comments listed, blanked from the prose,
    as a Markdown reader does."""
    comments = [Span(m.start(), m.end()) for m in regex.finditer(r"<!--.*?-->", text, flags=regex.DOTALL)]
    prose = list(text)
    for c in comments:
        prose[c.start : c.end] = " " * (c.end - c.start)
    return Document("a.md", text, "".join(prose), paragraph_blocks(text), comments=comments)


def lint_doc(document: Document, codes=None) -> list[tuple[str, int]]:
    rules = [r for c, r in RULES.items() if codes is None or c in codes]
    result = lint_document(document, rules, default_lexicons(), {"known_codes": frozenset(RULES)})
    return [(f.rule, document.lines.position(f.start)[0]) for f in result.findings]


def test_without_directives_both_rules_fire():
    assert found(f"{FIGURE}\n\n{VAGUE}\n") == [("ATR001", 1), ("ATR002", 3)]


def test_disable_enable_with_codes():
    text = (f"<!-- attrlint-disable ATR001 -->\n{FIGURE}\n\n{VAGUE}\n<!-- attrlint-enable ATR001 -->\n\n"
            f"{FIGURE}\n")
    assert found(text) == [("ATR002", 4), ("ATR001", 7)]


def test_disable_without_codes_covers_every_rule_until_enable():
    text = f"<!-- attrlint-disable -->\n{FIGURE}\n\n{VAGUE}\n<!-- attrlint-enable -->\n\n{VAGUE}\n"
    assert found(text) == [("ATR002", 7)]


def test_disable_all_then_enable_one_code():
    text = f"<!-- attrlint-disable -->\n{FIGURE}\n<!-- attrlint-enable ATR001 -->\n\n{FIGURE}\n\n{VAGUE}\n"
    assert found(text) == [("ATR001", 5)]


def test_disable_without_enable_runs_to_the_end():
    assert found(f"{VAGUE}\n\n<!-- attrlint-disable ATR002 -->\n\n{VAGUE}\n\n{VAGUE}\n") == [("ATR002", 1)]


def test_codes_are_prefixes_and_comma_separated():
    text = f"<!-- attrlint-disable-file ATR00 -->\n{FIGURE}\n\n{VAGUE}\n"
    assert found(text) == []
    text = f"<!-- attrlint-disable-next-line atr001, ATR002 -->\n{FIGURE} {VAGUE}\n"
    assert found(text) == []


def test_disable_next_line_skips_blank_lines_and_covers_one_line():
    text = f"<!-- attrlint-disable-next-line ATR001 -->\n\n{FIGURE}\n\n{FIGURE}\n"
    assert found(text) == [("ATR001", 5)]


def test_disable_next_line_only_named_codes():
    text = f"<!-- attrlint-disable-next-line ATR002 -->\n{FIGURE} {VAGUE}\n"
    assert found(text) == [("ATR001", 2)]


def test_disable_file_without_codes():
    assert found(f"{FIGURE}\n\n<!-- attrlint-disable-file -->\n\n{VAGUE}\n") == []


def test_disable_file_with_code():
    assert found(f"{FIGURE}\n\n{VAGUE}\n\n<!-- attrlint-disable-file ATR002 -->\n") == [("ATR001", 1)]


def test_disable_line_in_a_comment_on_the_same_line():
    doc = marked_up(f"{FIGURE} <!-- attrlint-disable-line -->\n\n{FIGURE}\n")
    assert lint_doc(doc) == [("ATR001", 3)]


def test_disable_line_alone_in_plain_text_suppresses_nothing():
    assert found(f"<!-- attrlint-disable-line -->\n{FIGURE}\n") == [("ATR901", 1), ("ATR001", 2)]


def test_reader_comments_are_used_inline():
    doc = marked_up(f"Intro. <!-- attrlint-disable-next-line ATR001 -->\n{FIGURE}\n\n{FIGURE}\n")
    assert lint_doc(doc) == [("ATR001", 4)]


def test_plain_text_directive_must_stand_alone_on_its_line():
    text = f"{FIGURE} <!-- attrlint-disable-line -->\n"
    assert found(text) == [("ATR001", 1)]


def test_vale_off_on_covers_every_rule():
    text = f"<!-- vale off -->\n{FIGURE}\n\n{VAGUE}\n<!-- vale on -->\n\n{FIGURE}\n"
    assert found(text) == [("ATR001", 7)]
    assert found(f"<!-- vale off -->\n{FIGURE}\n") == []


def test_unused_vale_comments_are_not_reported():
    assert found("<!-- vale off -->\nThe ministry said the weather was fine.\n<!-- vale on -->\n") == []


def test_unused_directive_is_reported_as_info():
    findings = lint_text("<!-- attrlint-disable-next-line ATR001 -->\nThe ministry said 12 people died.\n")
    (finding,) = findings
    assert (finding.rule, finding.name, finding.severity, finding.category) == (
        "ATR901", "unused-suppression", "info", "other")
    assert finding.start == 0 and finding.end == len("<!-- attrlint-disable-next-line ATR001 -->")
    assert "ATR001" in finding.message


def test_partly_used_directive_reports_the_idle_code():
    text = f"<!-- attrlint-disable-next-line ATR001 ATR002 -->\n{FIGURE}\n"
    findings = lint_text(text)
    assert [(f.rule, f.evidence.get("unused_codes")) for f in findings] == [("ATR901", ["ATR002"])]


def test_unused_disable_without_codes_and_unused_file_directive():
    assert found("<!-- attrlint-disable -->\nThe ministry said the weather was fine.\n") == [("ATR901", 1)]
    assert found("<!-- attrlint-disable-file -->\nThe ministry said the weather was fine.\n") == [("ATR901", 1)]


def test_unknown_code_in_directive_is_reported():
    (finding,) = [f for f in lint_text(f"<!-- attrlint-disable-next-line ATR999 -->\n{VAGUE}\n") if f.rule == "ATR901"]
    assert finding.evidence["unknown_codes"] == ["ATR999"]
    assert "unknown rule code ATR999" in finding.message


def test_codes_of_rules_not_running_are_not_reported():
    doc = marked_up(f"<!-- attrlint-disable-next-line ATR002 -->\n{FIGURE}\n")
    assert lint_doc(doc, codes={"ATR001", "ATR901"}) == [("ATR001", 2)]
    assert lint_doc(doc, codes={"ATR001", "ATR002", "ATR901"}) == [("ATR901", 1), ("ATR001", 2)]


def test_suppressed_findings_do_not_fail_the_run(tmp_path, attrlint):  # noqa: F811
    story = tmp_path / "s.txt"
    story.write_text(f"<!-- attrlint-disable-next-line -->\n{FIGURE}\n")
    assert attrlint("--isolated", story).returncode == 0
    story.write_text(f"<!-- attrlint-disable-next-line -->\n{FIGURE}\n\n<!-- attrlint-disable ATR002 -->\n")
    run = attrlint("--isolated", story)
    assert run.returncode == 0 and "ATR901 info" in run.stdout  # info is below the default fail-on
    assert attrlint("--isolated", "--fail-on", "info", story).returncode == 1
    assert "ATR901" not in attrlint("--isolated", "--ignore", "ATR901", story).stdout


def test_reason_after_codes_is_allowed():
    assert found(f"<!-- attrlint-disable-next-line ATR001 -- figure from the wire copy -->\n{FIGURE}\n") == []


def test_misspelt_directive_is_reported_not_ignored():
    findings = lint_text(f"<!-- attrlint-disabel-next-line ATR001 -->\n{FIGURE}\n")
    assert [f.rule for f in findings] == ["ATR901", "ATR001"]
    assert findings[0].evidence["invalid"] is True and "Not a suppression directive" in findings[0].message


def test_unused_suppression_findings_can_themselves_be_suppressed():
    text = "<!-- attrlint-disable-file ATR901 -->\n<!-- attrlint-disable -->\nThe ministry said the weather was fine.\n"
    assert found(text) == []


def test_plain_text_reader_lists_standalone_comments_and_blanks_them():
    from attrlint.readers.plaintext import PlainTextReader

    text = f"<!-- attrlint-disable-next-line -->\n{FIGURE} <!-- not alone -->\n"
    doc = PlainTextReader().read("a.txt", text)
    assert [text[c.start : c.end] for c in doc.comments] == ["<!-- attrlint-disable-next-line -->"]
    assert doc.prose.startswith(" " * 35 + "\nNorth Korea") and len(doc.prose) == len(text)
    assert doc.sentence_text(doc.sentences[0]).startswith("North Korea")


FRAGMENTS = [FIGURE, VAGUE, "\n", "\n\n", "\r\n", " ", "<!-- attrlint-disable -->", "<!-- attrlint-enable -->",
             "<!-- attrlint-disable ATR001 -->", "<!-- attrlint-enable ATR002, ATR001 -->",
             "<!-- attrlint-disable-line -->", "<!-- attrlint-disable-next-line ATR00 -->",
             "<!-- attrlint-disable-file ATR002 -->", "<!-- vale off -->", "<!-- vale on -->",
             "<!-- attrlint-disabel -->", "<!-- attrlint-disable ZZZ9 -- why -->"]


def test_directives_in_any_arrangement_only_ever_remove_findings():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from attrlint.readers.plaintext import PlainTextReader

    rules = list(RULES.values())

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
    def check(parts):
        text = "".join(parts)
        document = PlainTextReader().read("a.txt", text)
        with_directives = lint_document(document, rules, default_lexicons()).findings
        for f in with_directives:
            assert 0 <= f.start < f.end <= len(text)
        no_comments = Document(document.path, document.text, document.prose, document.blocks, document.citations,
                               [], document.decoded)
        without = lint_document(no_comments, rules, default_lexicons()).findings
        assert not [f for f in without if f.rule == "ATR901"]
        kept = {(f.rule, f.start) for f in with_directives if f.rule != "ATR901"}
        assert kept <= {(f.rule, f.start) for f in without}

    check()
