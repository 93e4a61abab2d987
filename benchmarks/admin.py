"""The browser editor at /admin/: its size, and the time from opening it to the first form.

Builds a copy of the repository's content with the editor pointed at decap-server (as
``praktikviden serve`` does), then opens /admin/ in Debian's Chromium in a fresh profile each time,
signs in to the local server, opens a minutes entry and stops the clock when its first field shows.
Everything is served from this machine, so the time is the editor's own start-up, not the network.
Usage:

    .venv/bin/python -m benchmarks.admin [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import shutil
import socket
import statistics
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import sync_playwright

from praktikviden.editor_server import editor_server
from tests.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
ENTRY = "#/collections/referater-luu-pa-amu/entries/2024-09-16-luu-pa-amu"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without logging every request."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        """Log nothing."""


@contextlib.contextmanager
def served(folder: Path):
    """Serve ``folder`` on a free local port while the block runs; yield its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def size(folder: Path) -> tuple[int, int, int]:
    """Files, raw bytes and gzip-compressed bytes (as a host sends them) of everything in ``folder``."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    data = [path.read_bytes() for path in files]
    return len(files), sum(map(len, data)), sum(len(gzip.compress(d, compresslevel=6)) for d in data)


def first_form(address: str, runs: int) -> list[float]:
    """Seconds from opening /admin/ to the first field of a minutes entry, once per fresh browser profile."""
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(f"{address}/admin/{ENTRY}")
            tab.get_by_role("button", name="Log ind").click()
            tab.locator("[aria-label$=' field'] input").first.wait_for()
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return times


def main() -> None:
    """Build, measure and print a table for benchmarks/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shutil.copytree(ROOT / "content", root / "content")
        shutil.copytree(ROOT / "data", root / "data")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings = read_settings(
            str(ROOT / "pelicanconf.py"),
            override={
                "PATH": str(root / "content"),
                "OUTPUT_PATH": str(root / "output"),
                "KB_CMS_LOCAL_PORT": port,
            },
        )
        Pelican(settings).run()
        output = root / "output"
        files, raw, packed = size(output / "admin")
        _, site_raw, site_packed = size(output)
        with editor_server(root, port), served(output) as address:
            times = first_form(address, args.runs)
    print("| what | figure |")
    print("|---|---:|")
    print(f"| /admin/: files | {files} |")
    print(f"| /admin/: size | {raw / 1024 / 1024:.1f} MB ({packed / 1024 / 1024:.1f} MB gzip) |")
    print(f"| the whole site | {site_raw / 1024 / 1024:.1f} MB ({site_packed / 1024 / 1024:.1f} MB gzip) |")
    print(
        f"| open /admin/ → first form, median of {len(times)} | {statistics.median(times):.2f} s "
        f"(min {min(times):.2f} s, max {max(times):.2f} s) |"
    )


if __name__ == "__main__":
    main()
