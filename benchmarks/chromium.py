"""Debian's Chromium, as the benchmarks launch it through Playwright (tests/chromium.py: the tests' copy)."""

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
