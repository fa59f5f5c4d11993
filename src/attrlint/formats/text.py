"""``--format text`` (default): rich terminal output for people.

Article text is always printed as :class:`rich.text.Text`, never parsed as markup, so a
literal "[citation needed]" survives.  Colour follows the terminal and ``NO_COLOR``.
Under ``--jobs`` each worker renders the files it lints (``render_file``) with a console
set up like this one, and :meth:`TextFormatter.write` prints the parts in order.
"""

from __future__ import annotations

import io
import os
import re

from rich.console import Console
from rich.text import Text

from attrlint.formats.per_file import RenderedPart

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTEXT = 160  # characters of sentence shown around a long claim


class TextFormatter:
    def __init__(self, stream, options: dict | None = None):
        options = options or {}
        no_color = bool(os.environ.get("NO_COLOR")) or options.get("color") is False
        self.console = Console(file=stream, highlight=False, markup=False, emoji=False,
                               no_color=no_color, soft_wrap=True,
                               force_terminal=True if options.get("color") is True else None)
        self.show_summary = options.get("show_summary", True)
        self.show_evidence = options.get("show_evidence", False)
        if self.console.legacy_windows:  # rendered through the Windows console API, not as text
            self.render_file = None

    def render_file(self, result) -> RenderedPart:
        """``result``'s findings as this console prints them (run in a ``--jobs`` worker)."""
        buffer = io.StringIO()
        console = self.console
        self._write_file(Console(file=buffer, highlight=False, markup=False, emoji=False, no_color=console.no_color,
                                 soft_wrap=True, force_terminal=console.is_terminal,
                                 color_system=console.color_system, width=console.width), result)
        return RenderedPart(buffer.getvalue())

    def write(self, report) -> None:
        console = self.console
        for result in report.files:
            if isinstance(result.rendered, RenderedPart):
                console.file.write(result.rendered)
            else:
                self._write_file(console, result)
        for line in [*report.input_errors, *report.internal_errors]:
            console.print(Text(line, style="red"))
        if self.show_summary:
            console.print(self._summary(report))

    def _write_file(self, console: Console, result) -> None:
        for f in result.findings:
            line, col = result.document.lines.position(f.start)
            head = Text()
            head.append(f"{result.path}:{line}:{col}", style="bold")
            head.append(": ")
            head.append(f.rule, style="bold magenta")
            head.append(" ")
            head.append(f.severity, style=_SEVERITY_STYLE.get(f.severity, ""))
            head.append(" ")
            head.append(f.message)
            head.append(f" [{f.name}]", style="dim")
            console.print(head)
            console.print(self._sentence(result.document.text, f))
            if self.show_evidence:
                for key, value in f.evidence.items():
                    console.print(Text(f"    {key}: {value}", style="dim"))
                console.print(Text(f"    confidence: {f.confidence:.3f}", style="dim"))
        if self.show_evidence and result.passes:
            for p in result.passes:
                line, col = result.document.lines.position(p["sentence"]["start"])
                cue = p["attribution"]
                console.print(Text(
                    f"{result.path}:{line}:{col}: pass ({p['claim_kind']}) sourced by \u201c{cue['cue']}\u201d "
                    f"[{cue['kind']}, {cue['quality']}, from {cue['from']}]", style="dim green"))

    def _sentence(self, text: str, f) -> Text:
        s, e = f.sentence_start, f.sentence_end
        if e - s > 2 * _CONTEXT:
            s = max(s, f.start - _CONTEXT)
            e = min(e, f.end + _CONTEXT)
        out = Text("    ")
        out.append(_one_line(text[s : f.start]))
        out.append(_one_line(text[f.start : f.end]), style="bold underline")
        out.append(_one_line(text[f.end : e]))
        return out

    def _summary(self, report) -> Text:
        summary = self._counts(report)
        diff = getattr(report, "diff", None)
        if diff is not None and diff["hidden"]:
            n = diff["hidden"]
            option = "--diff" if diff["base"] == "staged" else f"--diff {diff['base']}"
            summary.append(f" {n} finding{'s' if n != 1 else ''} on unchanged lines not shown ({option}).",
                           style="dim")
        return summary

    def _counts(self, report) -> Text:
        counts = report.counts()
        total = sum(counts.values())
        files = len(report.files)
        if not total:
            return Text(f"No findings in {files} file{'s' if files != 1 else ''}.", style="green")
        parts = [f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in
                 (("error", counts["error"]), ("warning", counts["warning"]), ("info", counts["info"])) if n]
        return Text(f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) "
                    f"in {files} file{'s' if files != 1 else ''}.", style="bold")


def _one_line(s: str) -> str:
    """Line breaks inside a sentence shown as spaces (keeping the spaces around a claim)."""
    return _LINE_BREAKS.sub(" ", s)


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
