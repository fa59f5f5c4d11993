"""One article in three formats gives the same findings; readers come through the plugin hook."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from attrlint.engine.hookspecs import hookimpl
from attrlint.engine.plugins import load_plugins
from attrlint.engine.registry import build_registry
from attrlint.readers.choose import choose_reader
from attrlint.readers.html import HtmlReader
from attrlint.readers.markdown import MarkdownReader
from attrlint.readers.plaintext import PlainTextReader
from tests.conftest import run_cli
from tests.readers_helpers import claims, prose_claims
from tests.test_plugins import _build_wheel

TXT = """\
Floods hit the north

Floods have displaced 14,000 people in the north of the country.

Rice prices rose by 70% in May, the trade ministry said. Experts say the harvest fell by a third.

Rebuilding will cost $2 billion, according to a report by the World Bank & the IMF.

The army sent 40 trucks and 12 boats to the region.
"""

MD = """\
---
title: Floods hit the north
tags: [flood, 2024]
---
# Floods hit the north

Floods have displaced **14,000** people in the _north_ of the
country.

Rice prices rose by 70% in May, [the trade ministry](https://example.org/m) said.
Experts say the harvest fell by a third.

```
rows = 5000
```

Rebuilding will cost $2 billion, according to a report by the World Bank &amp; the IMF.

<!-- checked by the desk -->
The army sent 40 trucks and 12 boats to the region.
"""

HTML = """\
<!DOCTYPE html>
<html><head><title>Floods hit the north</title></head>
<body><nav>Home, 3 sections</nav>
<article>
<h1>Floods hit the north</h1>
<p>Floods have displaced <strong>14,000</strong> people in the <em>north</em> of the country.</p>
<p>Rice prices rose by 70% in May, the trade ministry said.
Experts say the harvest fell by a third.</p>
<pre>rows = 5000</pre>
<p>Rebuilding will cost $2&nbsp;billion, according to a report by the World Bank &amp; the IMF.</p>
<p><!-- checked by the desk -->The army sent 40 trucks and 12 boats to the region.</p>
</article>
</body></html>
"""


def test_same_article_same_findings_in_every_format():
    expected = prose_claims(TXT, ".txt")
    # The unsourced claims are found (and nothing from code, comments, front matter or nav) ...
    assert {("ATR001", "14,000 people"), ("ATR002", "Experts say"), ("ATR001", "40 trucks")} <= set(expected)
    assert not any(claim.startswith(("5000", "2024", "3 sections")) for _, claim in expected)
    # ... and every format gives the same findings, in the same order.
    assert prose_claims(MD, ".md") == expected
    assert prose_claims(HTML, ".html") == expected


def test_comments_carry_suppression_directives():
    directive = "<!-- attrlint-disable-next-line ATR001 -->"
    md = f"Profits rose 40% in May.\n\n{directive}\nExports fell 20% in June.\n"
    html = f"<p>Profits rose 40% in May.</p>\n{directive}\n<p>Exports fell 20% in June.</p>\n"
    assert claims(md, ".md") == [("ATR001", "40%")]
    assert claims(html, ".html") == [("ATR001", "40%")]


def test_builtin_readers_are_chosen_by_extension():
    readers = build_registry(load_plugins(third_party=False)).readers
    assert isinstance(choose_reader(readers, "a/story.MD"), MarkdownReader)
    assert isinstance(choose_reader(readers, "story.markdown"), MarkdownReader)
    assert isinstance(choose_reader(readers, "story.htm"), HtmlReader)
    assert isinstance(choose_reader(readers, "story.txt"), PlainTextReader)
    assert isinstance(choose_reader(readers, "NOTES"), PlainTextReader)


class _ShoutingMarkdown:
    """A plugin reader that claims .md: it must win over the built-in one."""

    name = "shout"
    extensions = (".md",)

    def read(self, path, text):
        return PlainTextReader().read(path, text)


class _Plugin:
    @hookimpl
    def attrlint_readers(self):
        return [_ShoutingMarkdown()]


def test_plugin_reader_comes_before_builtin():
    plugins = load_plugins(third_party=False)
    plugins.manager.register(_Plugin(), name="shout")
    readers = build_registry(plugins).readers
    assert isinstance(choose_reader(readers, "story.md"), _ShoutingMarkdown)
    assert isinstance(choose_reader(readers, "story.html"), HtmlReader)


ADOC_PLUGIN = '''
"""An AsciiDoc reader: '//' comment lines and '----' listing blocks are not prose."""
from attrlint.engine.hookspecs import hookimpl
from attrlint.document.model import Block, Document, Span


class AsciiDocReader:
    name = "asciidoc"
    extensions = (".adoc",)

    def read(self, path, text):
        prose, blocks, comments, offset, listing = [], [], [], 0, False
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\\n")
            if body == "----":
                listing = not listing
            skip = listing or body == "----" or body.startswith("//")
            if body.startswith("//"):
                comments.append(Span(offset, offset + len(body)))
            prose.append(" " * len(body) + line[len(body):] if skip else line)
            if not skip and body.strip():
                blocks.append(Block(offset, offset + len(body), "heading" if body.startswith("=") else "paragraph"))
            offset += len(line)
        return Document(path, text, "".join(prose), blocks, comments=comments)


class BrokenReader:
    name = "broken"
    extensions = (".brk",)

    def read(self, path, text):
        raise ValueError("cannot parse")


@hookimpl
def attrlint_readers():
    return [AsciiDocReader(), BrokenReader()]
'''


def test_plugin_reader_installed_through_entry_point(tmp_path):
    wheel = _build_wheel(tmp_path, "attrlint_asciidoc", {"attrlint_asciidoc.py": textwrap.dedent(ADOC_PLUGIN)},
                         "[attrlint]\nasciidoc = attrlint_asciidoc\n")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True)
    article = tmp_path / "story.adoc"
    text = "= Floods\n\n// 9 notes for the desk\n----\nrows = 5000\n----\nFloods displaced 14,000 people.\n"
    article.write_text(text)
    proc = run_cli("--format", "json", str(article), env={"PYTHONPATH": str(site)})
    assert proc.stderr == ""
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [text[f["start"] : f["end"]] for f in findings] == ["14,000 people"]
    # A reader that raises costs its file only: one line, exit 2, the other files linted.
    broken = tmp_path / "x.brk"
    broken.write_text("anything\n")
    proc = run_cli("--format", "json", str(article), str(broken), env={"PYTHONPATH": str(site)})
    assert proc.returncode == 2
    assert proc.stderr == f"attrlint: {broken}: reader 'broken' failed: ValueError: cannot parse\n"
    assert len(json.loads(proc.stdout)["files"][0]["findings"]) == 1
    # Without plugins, .adoc falls back to plain text, which lints the comment line too.
    proc = run_cli("--format", "json", "--no-plugins", str(article), env={"PYTHONPATH": str(site)})
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert "9 notes" in [text[f["start"] : f["end"]] for f in findings]


def test_plain_text_with_no_blank_line_has_a_paragraph_per_line():
    """Text exported one paragraph per line: each line is a block, so a heading line is a
    heading and attribution stays in its paragraph."""
    text = "Ford cuts jobs, the union said.\nWar as a testing ground.\nThe plant sent 40 trucks.\n"
    doc = PlainTextReader().read("a.txt", text)
    assert [text[b.start : b.end] for b in doc.blocks] == [line for line in text.splitlines()]
    wrapped = "Ford cuts jobs,\nthe union said.\n\nThe plant sent 40 trucks.\n"
    assert [wrapped[b.start : b.end] for b in PlainTextReader().read("a.txt", wrapped).blocks] == [
        "Ford cuts jobs,\nthe union said.", "The plant sent 40 trucks."]  # blank lines rule when there are any
    hard_wrapped = "The union said that Ford\nwill cut 30,000 jobs by 2012.\nThe plant\nsent 40 trucks.\n"
    assert [hard_wrapped[b.start : b.end] for b in PlainTextReader().read("a.txt", hard_wrapped).blocks] == [
        "The union said that Ford\nwill cut 30,000 jobs by 2012.", "The plant\nsent 40 trucks."]
