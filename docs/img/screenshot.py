"""Retake docs/img/report.png: a real report of a Wikinews example, in headless Chromium.

    attrlint report examples/indonesia-airlines.txt -o /tmp/report.html
    python docs/img/screenshot.py /tmp/report.html docs/img/report.png

Needs Debian's chromium and Playwright's Python package (both in the test set-up).
"""

import sys

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main(page_path: str, png_path: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1240, "height": 860})
        page.goto("file://" + page_path)
        page.check("#show-cues")  # show the cues that made sentences pass, too
        page.hover(".text mark.finding >> nth=1")  # and one finding's tooltip
        page.screenshot(path=png_path)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
