"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

Checks what an editor sees: one highlight per JSON finding at the same offsets, the rule
and message on hover and on keyboard focus, the cue toggle, jumping from the panel, a
table of contents for several articles, nothing fetched from the network, and no script
from an article ever running.  Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from attrlint.engine.findings import Finding
from attrlint.engine.linter import FileResult, Report
from attrlint.formats.html_report import render_page
from attrlint.readers.plaintext import PlainTextReader
from tests.conftest import ROOT, run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))

# Every highlight of the page, grouped per finding (pieces of a split highlight joined), in
# the JSON's order.
COLLECT_FINDINGS = """() => {
  const out = new Map();
  for (const el of document.querySelectorAll('.text mark.finding')) {
    const id = el.dataset.finding;
    if (!out.has(id)) {
      out.set(id, {id, rule: el.dataset.rule, start: +el.dataset.start, end: +el.dataset.end, text: '',
                   focusable: document.getElementById(id).tabIndex === 0});
    }
    out.get(id).text += el.textContent;
  }
  return [...out.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
}"""


def _missing(reason: str):
    """Skip on a developer's machine; in CI (which installs both) a missing browser is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, but CI must install it (.ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright's Python package is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _missing(f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Open an HTML file; records dialogs, page errors and every request made."""
    contexts = []

    def go(path: Path, **context_options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.dialogs, page.errors, page.requests = [], [], []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path.as_uri())
        return page

    yield go
    for context in contexts:
        context.close()


def _screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def _json_findings(path: Path) -> list[dict]:
    proc = run_cli("--format", "json", str(path))
    return json.loads(proc.stdout)["files"][0]["findings"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_highlights_match_json_findings(example, open_page, tmp_path):
    out = tmp_path / "report.html"
    assert run_cli("report", str(example), "-o", str(out)).returncode in (0, 1)
    page = open_page(out)
    text = example.read_text(encoding="utf-8")
    expected = [{"rule": f["rule"], "start": f["start"], "end": f["end"], "text": text[f["start"] : f["end"]]}
                for f in _json_findings(example)]
    shown = page.evaluate(COLLECT_FINDINGS)
    assert [{k: s[k] for k in ("rule", "start", "end", "text")} for s in shown] == expected
    assert all(s["focusable"] for s in shown)
    # The article is shown whole and exactly: every character, in order.
    assert page.inner_text(".text").replace("\n", "") == text.replace("\n", "")
    assert page.locator(".findings li").count() == len(expected)
    assert page.errors == [] and all(url.startswith("file://") for url in page.requests)
    assert _screenshot(page, f"html-report-{example.stem}.png").stat().st_size > 10_000


def test_hover_and_focus_show_rule_and_message(open_page, tmp_path):
    out = tmp_path / "report.html"
    run_cli("report", str(EXAMPLES[0]), "-o", str(out))
    page = open_page(out)
    findings = _json_findings(EXAMPLES[0])
    tip = page.locator("#tip")
    assert tip.is_hidden()
    page.hover("#f1-1")
    assert tip.is_visible()
    assert findings[0]["rule"] in tip.inner_text() and findings[0]["message"] in tip.inner_text()
    _screenshot(page, "html-report-hover.png")
    page.mouse.move(1, 1)
    page.focus("#f1-2")  # keyboard focus shows the same tooltip
    assert tip.is_visible() and findings[1]["message"] in tip.inner_text()
    described = page.get_attribute("#f1-2", "aria-describedby")
    assert findings[1]["message"] in page.locator(f"[id='{described}']").text_content()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # Tab goes from the cue toggle straight to the first highlight (hidden cues are no stops).
    page.focus("#show-cues")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f1-1" and tip.is_visible()


def test_panel_link_jumps_to_the_finding_and_toggle_shows_cues(open_page, tmp_path):
    out = tmp_path / "report.html"
    run_cli("report", str(ROOT / "examples" / "indonesia-airlines.txt"), "-o", str(out))
    page = open_page(out)
    page.click(".findings li:nth-child(3) a")
    assert page.evaluate("document.activeElement.id") == "f1-3"
    cue = page.locator(".cue").first
    hidden_bg = cue.evaluate("el => getComputedStyle(el).backgroundColor")
    assert cue.get_attribute("tabindex") is None
    page.check("#show-cues")
    shown_bg = cue.evaluate("el => getComputedStyle(el).backgroundColor")
    assert hidden_bg == "rgba(0, 0, 0, 0)" and shown_bg != hidden_bg
    assert cue.get_attribute("tabindex") == "0"
    cue.hover()
    assert page.locator("#tip").inner_text().startswith("Source")
    _screenshot(page, "html-report-cues.png")


def test_article_script_never_runs(open_page, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text("Police arrested <script>alert(1)</script> 40 people.\n\n"
                       '<img src=x onerror="alert(2)"> Thousands marched. </div></mark><script>alert(3)</script>\n')
    out = tmp_path / "report.html"
    assert run_cli("report", str(article), "-o", str(out)).returncode == 1
    # Once as written, and once with the page's Content-Security-Policy switched off, so
    # that escaping alone is shown to be enough.
    for options in ({}, {"bypass_csp": True}):
        page = open_page(out, **options)
        page.hover("#f1-1")
        page.wait_for_timeout(200)
        assert page.dialogs == [] and page.errors == []
        assert page.locator("script").count() == 1  # the report's own
        assert page.locator(".text img").count() == 0
        assert "<script>alert(1)</script>" in page.inner_text(".text")
        assert page.locator("#tip").is_visible()  # the report's own script did run
        assert all(url.startswith("file://") for url in page.requests)


def _finding(rule, category, claim_kind, start, end, message):
    return Finding(rule=rule, name=rule.lower(), category=category, severity="warning", message=message,
                   start=start, end=end, sentence_start=0, sentence_end=end, claim_kind=claim_kind)


def test_every_kind_has_its_colour_and_overlaps_stay_whole(open_page, tmp_path):
    text = ('Experts say the mayor resigned.\r\n\r\n"We will win," he added. '
            "Turnout was 80% in the north.\n")
    document = PlainTextReader().read("kinds.txt", text)
    findings = [
        _finding("ATR002", "vague-attribution", None, 0, 11, "Vague attribution"),
        _finding("ATR003", "unattributed", "factual", 0, 30, "Unattributed fact"),  # contains ATR002's
        _finding("ATR004", "unattributed", "quote", 35, 49, "Unattributed quote"),
        _finding("ATR001", "unattributed", "numeric", 72, 75, "Unattributed figure"),
        _finding("ATR001", "unattributed", "numeric", 45, 55, "Crosses the quote"),
    ]
    findings.sort(key=Finding.sort_key)
    out = tmp_path / "kinds.html"
    out.write_text(render_page(Report(files=[FileResult("kinds.txt", document, findings)])), encoding="utf-8")
    page = open_page(out)
    shown = page.evaluate(COLLECT_FINDINGS)
    assert [(s["rule"], s["start"], s["end"], s["text"]) for s in shown] == [
        (f.rule, f.start, f.end, text[f.start : f.end]) for f in findings
    ]
    colours = {kind: page.locator(f"mark.k-{kind}").first.evaluate("el => getComputedStyle(el).backgroundColor")
               for kind in ("figure", "fact", "quote", "vague")}
    assert len(set(colours.values())) == 4, colours
    _screenshot(page, "html-report-kinds.png")


def test_several_articles_have_a_table_of_contents(open_page, tmp_path):
    out = tmp_path / "report.html"
    run_cli("report", *map(str, EXAMPLES), "-o", str(out))
    page = open_page(out)
    links = page.locator(".contents a")
    assert links.count() == len(EXAMPLES) == page.locator("section.article").count()
    for i, example in enumerate(EXAMPLES):
        assert links.nth(i).inner_text() == str(example)
        target = links.nth(i).get_attribute("href")
        assert page.locator(target).locator("h2").first.inner_text() == str(example)
    # Finding ids are unique across articles, so every panel link has one target.
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))


def test_print_layout_shows_notes_and_hides_controls(open_page, tmp_path):
    out = tmp_path / "report.html"
    run_cli("report", str(EXAMPLES[0]), "-o", str(out))
    page = open_page(out)
    assert page.locator("sup.ref").first.is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".toggle").is_hidden()
    assert page.locator("sup.ref").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.layout')).display") == "block"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
