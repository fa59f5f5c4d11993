"""``--format html``: one self-contained web page an editor can open, print or attach.

Each article's text is shown as written, with findings highlighted in place (a colour and
an underline style per kind, so a grey-scale print still tells them apart), the rule and
message on hover and on keyboard focus, and, on request, the attribution cues that made
sentences pass.  A side panel has the summary (see :mod:`attrlint.formats.report_summary`)
and the findings in order, each a link to its highlight; several articles get a table of
contents.

The page loads nothing: its stylesheet and script are inline, and a Content-Security-Policy
allows only those two (by hash), so even a mistake in escaping could not run a script from
an article.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

from attrlint import __version__
from attrlint.formats.html_markup import Highlight, escape_attr, escape_text, mark_up
from attrlint.formats.report_summary import (
    KINDS,
    SOURCE_KINDS,
    ArticleSummary,
    combine,
    finding_kind,
    pass_cues,
    summarise,
)


def _asset(name: str) -> str:
    return (resources.files("attrlint.formats") / "report_assets" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


class HtmlFormatter:
    """Writes the report page.  Options: ``lexicons`` and ``analysis`` (AnalysisOptions),
    so the pass cues and the summary come from the same analysis as the findings."""

    def __init__(self, stream, options: dict | None = None):
        options = options or {}
        self.stream = stream
        self.lexicons = options.get("lexicons")
        self.analysis_options = options.get("analysis")

    def write(self, report) -> None:
        self.stream.write(render_page(report, self.lexicons, self.analysis_options))


def render_page(report, lexicons=None, analysis_options=None) -> str:
    from attrlint.analysis.article import analyse

    articles = []
    for number, result in enumerate(report.files, 1):
        analysis = analyse(result.document, lexicons, analysis_options) if result.document is not None else None
        articles.append((number, result, analysis, summarise(result.findings, analysis)))
    overall = combine([a[3] for a in articles])
    several = len(articles) > 1

    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    title = "attrlint report: " + (f"{len(articles)} articles" if several else
                                   articles[0][1].path if articles else "no articles")
    problems = [*report.input_errors, *report.internal_errors]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape_attr(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="attrlint {escape_attr(__version__)}">',
        f"<title>{escape_text(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<div class="layout">',
        '<header class="top">',
        f"<h1>{escape_text(title)}</h1>",
        _controls(),
        "</header>",
        '<main id="articles">',
        *(_problems(problems) if problems else []),
        *(_article(number, result, analysis, summary, several) for number, result, analysis, summary in articles),
        "</main>",
        '<aside class="panel" aria-label="Summary and findings">',
        *(_contents(articles) if several else []),
        '<section class="summary" aria-labelledby="summary-h">',
        f'<h2 id="summary-h">Summary{" of all articles" if several else ""}</h2>',
        _summary(overall),
        "</section>",
        _findings_list(articles, several),
        "</aside>",
        "</div>",
        '<div id="tip" role="tooltip" hidden></div>',
        f"<script>{js}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _controls() -> str:
    legend = "".join(
        f'<li><span class="swatch k-{kind}" aria-hidden="true"></span>{label}</li>'
        for kind, label in KINDS.items() if kind != "other"
    )
    return (
        '<div class="controls">'
        '<label class="toggle"><input type="checkbox" id="show-cues"> Show the attribution cues that made '
        "sentences pass</label>"
        f'<ul class="legend" aria-label="Colour key">{legend}'
        '<li class="cue-key"><span class="swatch k-cue" aria-hidden="true"></span>Attribution cue</li></ul>'
        "</div>"
    )


def _problems(problems: list[str]) -> list[str]:
    items = "".join(f"<li>{escape_text(p)}</li>" for p in problems)
    return [f'<section class="problems" role="alert"><h2>Problems</h2><ul>{items}</ul></section>']


def _finding_id(number: int, index: int) -> str:
    return f"f{number}-{index}"


def _tip(finding) -> str:
    """Hover and focus text: what kind of finding, which rule, then the message."""
    return (f"{KINDS[finding_kind(finding)]} \u00b7 {finding.rule} \u00b7 {finding.severity}\n"
            f"{finding.message} [{finding.name}]")


def _article(number: int, result, analysis, summary: ArticleSummary, several: bool) -> str:
    head = [f'<section class="article" id="a{number}" aria-labelledby="a{number}-h">',
            f'<h2 id="a{number}-h">{escape_text(result.path)}</h2>']
    if several:
        head.append(f'<details class="article-summary"><summary>{_summary_line(summary)}</summary>'
                    f"{_summary(summary)}</details>")
    if result.document is None:
        return "\n".join([*head, "<p>The article could not be read.</p>", "</section>"])
    highlights = []
    descriptions = []
    for index, f in enumerate(result.findings, 1):
        fid = _finding_id(number, index)
        kind = finding_kind(f)
        highlights.append(Highlight(
            f.start, f.end, "mark",
            attrs=(("class", f"finding k-{kind} sev-{f.severity}"), ("data-finding", fid),
                   ("data-rule", f.rule), ("data-start", str(f.start)), ("data-end", str(f.end)),
                   ("title", _tip(f))),
            first_only=(("id", fid), ("tabindex", "0"), ("aria-describedby", f"{fid}-d")),
            after=f'<sup class="ref" data-n="{index}" aria-hidden="true"></sup>',
            order=0,
        ))
        descriptions.append(f'<span id="{fid}-d">{escape_text(_tip(f))}</span>')
    for cue in pass_cues(analysis) if analysis is not None else []:
        reach = f" \u00b7 covers {cue.sentences} sentences" if cue.sentences > 1 else ""
        highlights.append(Highlight(
            cue.start, cue.end, "span",
            attrs=(("class", "cue"), ("data-start", str(cue.start)), ("data-end", str(cue.end)),
                   ("title", f"{cue.description}{reach}")),
            order=1,
        ))
    body = mark_up(result.document.text, highlights)
    return "\n".join([
        *head,
        f'<div class="text" data-article="{number}">{body}</div>',
        f'<div class="descriptions" hidden>{"".join(descriptions)}</div>',
        "</section>",
    ])


def _summary(summary: ArticleSummary) -> str:
    counts = "".join(
        f'<li><span class="swatch k-{kind}" aria-hidden="true"></span>{escape_text(label)}'
        f'<span class="count">{summary.counts.get(kind, 0)}</span></li>'
        for kind, label in KINDS.items() if kind != "other" or summary.counts.get(kind)
    )
    share = summary.figure_share
    if share is None:
        figures = '<p class="share">No sentences with figures.</p>'
    else:
        figures = (f'<p class="share">Figures attributed: <strong>{round(share * 100)}%</strong> '
                   f"({summary.figures_attributed} of {summary.figure_sentences} "
                   f"sentence{'s' if summary.figure_sentences != 1 else ''} with figures) "
                   f'<meter min="0" max="1" value="{share:.3f}"></meter></p>')
    groups = []
    for kind, label in SOURCE_KINDS.items():
        cited = summary.sources_of(kind)
        if cited:
            items = "".join(f"<li>{escape_text(s.text)}" + (f' <span class="times">×{s.count}</span>'
                                                             if s.count > 1 else "") + "</li>" for s in cited)
        else:
            items = '<li class="none">none</li>'
        groups.append(f'<div class="sources src-{kind}"><h4>{label} <span class="count">{len(cited)}</span></h4>'
                      f"<ul>{items}</ul></div>")
    return (f'<ul class="counts">{counts}</ul>{figures}'
            f'<h3 class="sources-h">Sources cited</h3>{"".join(groups)}')


def _summary_line(summary: ArticleSummary) -> str:
    share = summary.figure_share
    parts = [f"{summary.findings} finding{'s' if summary.findings != 1 else ''}",
             "no figures" if share is None else f"{round(share * 100)}% of figures attributed",
             f"{len(summary.sources)} source{'s' if len(summary.sources) != 1 else ''} cited"]
    return " · ".join(parts)


def _contents(articles) -> list[str]:
    items = "".join(
        f'<li><a href="#a{number}">{escape_text(result.path)}</a> '
        f'<span class="count">{len(result.findings)}</span></li>'
        for number, result, _, _ in articles
    )
    return ['<nav class="contents" aria-labelledby="contents-h">',
            f'<h2 id="contents-h">Contents</h2><ol>{items}</ol></nav>']


def _findings_list(articles, several: bool) -> str:
    out = ['<section class="findings" aria-labelledby="findings-h">', '<h2 id="findings-h">Findings</h2>']
    for number, result, _, _ in articles:
        if several:
            out.append(f"<h3>{escape_text(result.path)}</h3>")
        if not result.findings:
            out.append('<p class="none">No findings.</p>')
            continue
        out.append("<ol>")
        lines = result.document.lines
        for index, f in enumerate(result.findings, 1):
            line, column = lines.position(f.start)
            out.append(
                f'<li><a href="#{_finding_id(number, index)}" class="k-{finding_kind(f)}">'
                f'<span class="swatch k-{finding_kind(f)}" aria-hidden="true"></span>'
                f'<span class="where">{line}:{column}</span> <span class="rule">{escape_text(f.rule)}</span> '
                f"{escape_text(f.message)}</a></li>"
            )
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)
