#!/usr/bin/env python3
"""Screenshot graph.html in headless Chromium: `make screenshot` -> build/graph.png.

A person judges the page by looking at it; this is the picture to look at
(and to attach to a review). It drives Debian's /usr/bin/chromium through
the Python playwright package with `executable_path`, because playwright's
own browser download cannot run here or in CI (no network but registries).
`launch` and `open_graph` are shared with scripts/bench_html.py.
"""

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's binary (its /usr/bin/chromium shell wrapper only adds noise)."""
    for p in (os.environ.get("CHROMIUM"), "/usr/lib/chromium/chromium", shutil.which("chromium")):
        if p and os.path.exists(p):
            return p
    return None


def launch(pw):
    """Headless Chromium; playwright gives every launch a fresh temporary profile."""
    exe = chromium_path()
    if not exe:
        sys.exit("no chromium found: run scripts/install_browser.sh (or set $CHROMIUM)")
    return pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)


def open_graph(browser, html: Path, width=1600, height=1000, timeout_s=60):
    """Open the page from file:// and wait until its layout is done; returns (page, seconds)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    t0 = time.monotonic()
    page.goto(Path(html).resolve().as_uri())
    wait_ready(page, timeout_s)
    return page, time.monotonic() - t0


def wait_ready(page, timeout_s=60, step_s=0.05):
    """Poll `govkg.ready`. (page.wait_for_function evals a string, which the page's CSP forbids.)"""
    end = time.monotonic() + timeout_s
    while not page.evaluate("() => !!(window.govkg && window.govkg.ready)"):
        if time.monotonic() > end:
            raise TimeoutError(f"graph page not ready after {timeout_s} s")
        time.sleep(step_s)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", default="build/graph.html")
    ap.add_argument("-o", "--output", default="build/graph.png")
    ap.add_argument("--width", type=int, default=1600)
    ap.add_argument("--height", type=int, default=1000)
    ap.add_argument("--search", help="search this name first (the picture then shows its panel)")
    ap.add_argument("--colors", type=int, help="save with a palette of this many colours (a smaller PNG; needs Pillow)")
    args = ap.parse_args(argv)
    if not Path(args.html).is_file():
        sys.exit(f"screenshot: {args.html}: no such file (run `make build` first)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = launch(pw)
        page, secs = open_graph(browser, Path(args.html), args.width, args.height)
        if args.search:
            page.fill("#q", args.search)
            page.press("#q", "Enter")
        page.wait_for_timeout(500)
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.output)
        browser.close()
    if args.colors:
        from PIL import Image
        with Image.open(args.output) as im:
            im.convert("RGB").quantize(colors=args.colors, method=Image.Quantize.MEDIANCUT).save(args.output, optimize=True)
    print(f"screenshot: {args.html} -> {args.output} (ready in {secs:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
