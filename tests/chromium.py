"""Debian's Chromium, as the browser tests launch it through Playwright.

The benchmarks launch it the same way (benchmarks/admin.py, preview.py and search.py import this);
tests do not import benchmarks/.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless, without a sandbox (CI runs as root) and without any request of Chromium's own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
