"""``--format html`` and ``attrlint report`` without a browser: the page, the file, errors."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "ford-cutting-jobs.txt"


def _inline(page: str, tag: str) -> str:
    (body,) = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
    return body


def test_report_writes_a_self_contained_page(tmp_path):
    out = tmp_path / "report.html"
    proc = run_cli("report", str(EXAMPLE), "-o", str(out))
    assert proc.returncode == 1, proc.stderr  # findings: the same exit code as attrlint check
    assert proc.stdout.strip() == f"Wrote {out}"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # Nothing is loaded from anywhere: no src/href to another document, no @import or url().
    assert not re.search(r"""\s(?:src|href)=["'](?!#)""", page)
    assert "@import" not in page and "url(" not in page
    # The Content-Security-Policy allows exactly the inline style and script, by hash.
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    for tag in ("style", "script"):
        digest = base64.b64encode(hashlib.sha256(_inline(page, tag).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_check_format_html_prints_the_same_page(tmp_path):
    out = tmp_path / "report.html"
    run_cli("report", str(EXAMPLE), "-o", str(out))
    proc = run_cli("--format", "html", str(EXAMPLE))
    assert proc.returncode == 1
    assert proc.stdout == out.read_text(encoding="utf-8")


def test_article_markup_is_escaped(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Police said <script>alert(1)</script> 40 people & <b>more</b> were hurt.\n")
    proc = run_cli("--format", "html", str(article))
    assert "<script>alert(1)" not in proc.stdout and "<b>more" not in proc.stdout
    # Escaped, wherever a finding's highlight falls inside it ("1" is a quantity).
    assert "&lt;script&gt;alert(" in proc.stdout and "&lt;/script&gt; 40 people &amp; &lt;b&gt;more" in proc.stdout
    assert proc.stdout.count("<script>") == 1  # the report's own


def test_unwritable_output_is_one_line_error(tmp_path):
    target = tmp_path / "missing-folder" / "report.html"
    proc = run_cli("report", str(EXAMPLE), "-o", str(target))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"attrlint: cannot write {target}:") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_usage_errors_write_nothing(tmp_path):
    out = tmp_path / "report.html"
    proc = run_cli("report", "-o", str(out))
    assert proc.returncode == 2 and proc.stderr.startswith("attrlint: no paths given")
    proc = run_cli("report", "--format", "json", str(EXAMPLE), "-o", str(out))
    assert proc.returncode == 2 and proc.stderr.startswith("attrlint: report writes HTML only")
    assert not out.exists()


def test_input_problems_are_shown_in_the_page(tmp_path):
    out = tmp_path / "report.html"
    proc = run_cli("report", str(EXAMPLE), str(tmp_path / "nope.txt"), "-o", str(out))
    assert proc.returncode == 2
    assert "nope.txt: no such file or directory" in proc.stderr
    page = out.read_text(encoding="utf-8")
    assert 'class="problems"' in page and "nope.txt: no such file or directory" in page
