"""Measure the search: index size, and the bytes a browser downloads for a first query.

Builds the repository's own site and a generated corpus of N minutes (benchmarks/generate.py) with
the project's publish settings, serves each over HTTP, opens /soeg/?q=<query> in Debian's Chromium
and counts every byte the page loads (HTML, CSS, JS, Pagefind's WebAssembly, index and fragments).
Usage:

    .venv/bin/python benchmarks/search.py --minutes 1000
"""

from __future__ import annotations

import argparse
import functools
import gzip
import tempfile
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import sync_playwright

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("praktikvejleder", "spiremedarbejdere", "frafald")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        """Say nothing."""


def build(content: Path, output: Path) -> float:
    """Build ``content`` into ``output`` with publishconf.py; return the wall time in seconds."""
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "KB_DATA_PATH": str(ROOT / "data")},
    )
    started = time.perf_counter()
    Pelican(settings).run()
    return time.perf_counter() - started


PAGEFIND_PARTS = {"/fragment/": "fragment", "/index/": "index", "/filter/": "filter", ".pf_meta": "meta"}
COLUMNS = ("wasm", "pagefind.js", "meta", "index", "filter", "fragment", "html", "css", "js")


def kind(url: str) -> str:
    """What a loaded file is: a part of Pagefind's index or library, or the page's HTML, CSS or JS."""
    if "/pagefind/" in url:
        part = next((name for marker, name in PAGEFIND_PARTS.items() if marker in url), None)
        return part or ("wasm" if url.endswith(".pagefind") else "pagefind.js")
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name else "html"


def query_bytes(browser, base: str, query: str) -> dict[str, int]:
    """Bytes per kind of file loaded by the search page until the first results are shown."""
    sizes: dict[str, int] = defaultdict(int)
    wire = 0
    context = browser.new_context()
    page = context.new_page()

    def count(response) -> None:
        nonlocal wire
        body = response.body()
        sizes[kind(response.url)] += len(body)
        # What a host that compresses responses (as GitHub Pages does) sends for this file.
        wire += min(len(body), len(gzip.compress(body, compresslevel=6)))

    page.on("response", count)
    page.goto(f"{base}/soeg/?q={quote(query)}")
    page.wait_for_selector("#soeg-status:not(:empty)")
    page.wait_for_load_state("networkidle")
    context.close()
    return {**sizes, "gzip": wire}


def measure(name: str, content: Path, workdir: Path, browser) -> None:
    """Build one site, then report its index size and the bytes of a first query per search word."""
    output = workdir / "output"
    seconds = build(content, output)
    index = output / "pagefind"
    index_bytes = sum(path.stat().st_size for path in index.rglob("*") if path.is_file())
    pages = len(list(output.rglob("*.html")))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        print(f"\n## {name}: {pages} HTML pages, built in {seconds:.1f} s")
        files = sum(1 for _ in index.rglob("*"))
        print(f"Search index (output/pagefind/): {index_bytes / 1024:.0f} KB in {files} files")
        sizes = sorted(
            (path.stat().st_size, path.relative_to(output).as_posix()) for path in output.rglob("*.html")
        )
        over = sum(1 for size, _ in sizes if size > 200 * 1024)
        print(f"Largest HTML page: {sizes[-1][1]}, {sizes[-1][0] / 1024:.0f} KB; pages over 200 KB: {over}")
        print("KB loaded by the browser from opening /soeg/?q=… until the first results show:\n")
        print("| query | total | gzip | " + " | ".join(COLUMNS) + " |")
        print("|---|" + "---:|" * (len(COLUMNS) + 2))
        for query in QUERIES:
            sizes = query_bytes(browser, f"http://127.0.0.1:{server.server_port}", query)
            cells = [f"{sizes.get(column, 0) / 1024:.1f}" for column in COLUMNS]
            wire = sizes.pop("gzip")
            total = f"| {query} | {sum(sizes.values()) / 1024:.0f} | {wire / 1024:.0f} | "
            print(total + " | ".join(cells) + " |")
    finally:
        server.shutdown()


def main() -> None:
    """Command line: search.py [--minutes N]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=1000, help="size of the generated corpus")
    args = parser.parse_args()
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        measure("The site's own content", ROOT / "content", Path(tmp) / "site", browser)
        corpus = generate(args.minutes, Path(tmp) / "corpus")
        measure(f"Generated corpus of {args.minutes} minutes", corpus, Path(tmp) / "corpus", browser)
        browser.close()


if __name__ == "__main__":
    main()
