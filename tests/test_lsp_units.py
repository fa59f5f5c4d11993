"""The language server's pure parts: quick-fix insertions and position conversion."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install -e '.[lsp]')")

from lsprotocol import types  # noqa: E402
from pygls.workspace.position_codec import PositionCodec  # noqa: E402

from attrlint.document.model import Document  # noqa: E402
from attrlint.lsp.actions import attribution_insertion, disable_next_line_insertion, quick_fixes  # noqa: E402
from attrlint.lsp.positions import PositionMap  # noqa: E402
from tests.conftest import lint_text, run_cli  # noqa: E402


def _apply(text: str, insertion) -> str:
    return text[: insertion.offset] + insertion.text + text[insertion.offset :]


def _only_finding(text: str, suffix: str = ".txt"):
    (finding,) = lint_text(text, suffix)
    return finding


@pytest.mark.parametrize(("text", "fixed"), [
    ("The army sent 14,000 troops.", "The army sent 14,000 troops, according to [SOURCE]."),
    ("The army sent 14,000 troops!\n", "The army sent 14,000 troops, according to [SOURCE]!\n"),
    ("\u201cWe sent 14,000 troops.\u201d", "\u201cWe sent 14,000 troops, according to [SOURCE].\u201d"),
    ("The army sent 14,000 troops", "The army sent 14,000 troops, according to [SOURCE]"),
])
def test_placeholder_goes_before_the_final_punctuation(text, fixed):
    finding = _only_finding(text)
    document = Document("a.txt", text, text, [])
    assert _apply(text, attribution_insertion(document, finding)) == fixed


def test_placeholder_steps_over_blanked_markup_after_the_stop():
    text = "**The army sent 14,000 troops.**"
    prose = "  The army sent 14,000 troops.  "
    finding = _only_finding(prose)
    document = Document("a.md", text, prose, [])
    fixed = _apply(text, attribution_insertion(document, finding))
    assert fixed == "**The army sent 14,000 troops, according to [SOURCE].**"


def test_disable_comment_keeps_indentation_and_crlf():
    text = "Intro.\r\n\r\n\tThe army sent 14,000 troops.\r\n"
    finding = _only_finding(text)
    document = Document("a.txt", text, text, [])
    fixed = _apply(text, disable_next_line_insertion(document, finding))
    assert fixed == "Intro.\r\n\r\n\t<!-- attrlint-disable-next-line ATR001 -->\r\n\tThe army sent 14,000 troops.\r\n"


def test_vague_attribution_gets_no_placeholder():
    text = "Experts say the plan will fail."
    findings = lint_text(text)
    assert [f.rule for f in findings] == ["ATR002"]
    document = Document("a.txt", text, text, [])
    assert [fix.title.split()[0] for fix in quick_fixes(document, findings[0])] == ["Disable"]


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", 4), ("utf-32", 3), ("utf-8", 6)])
def test_positions_round_trip_in_each_encoding(encoding, expected):
    text = "one\r\n\U0001fa96x claim\rnext\n"
    positions = PositionMap(text, PositionCodec(encoding))
    offset = text.index("claim")
    assert positions.position(offset) == types.Position(1, expected)
    assert positions.offset(positions.position(offset)) == offset
    assert positions.position(text.index("next")) == types.Position(2, 0)
    assert positions.position(len(text)) == types.Position(3, 0)


def test_only_lsp_line_ends_split_lines():
    text = "a\u2028b\x0cc 14\n"  # U+2028 and form feed are not line ends in LSP
    positions = PositionMap(text, PositionCodec("utf-16"))
    assert positions.position(text.index("14")) == types.Position(0, 6)


def test_lsp_without_pygls_says_how_to_install_it(tmp_path):
    fake = tmp_path / "pygls"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('pygls hidden by the test')\n")
    proc = run_cli("lsp", env={"PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 2
    assert proc.stderr.startswith("attrlint: the language server needs pygls")
    assert "pip install 'attrlint[lsp]'" in proc.stderr and proc.stderr.count("\n") == 1


def test_document_uris_map_to_paths_that_choose_the_reader():
    from attrlint.lsp.workspace import uri_to_path

    assert uri_to_path("file:///news%20room/story.md") == ("/news room/story.md", "/news room/story.md")
    assert uri_to_path("untitled:Untitled-1") == ("Untitled-1", None)
