"""Measure the search: index size, and the bytes a browser downloads for a first query.

Builds the repository's own site and a generated corpus of N minutes (benchmarks/generate.py) with
the project's publish settings, serves each over HTTP, opens /soeg/?q=<query> in Debian's Chromium
and counts every byte the page loads (HTML, CSS, JS, Pagefind's WebAssembly, index and fragments).
Each query is opened twice on the same build, side by side: with the search page as it is (older
parts of the index merged only when needed) and with the search page of ``--before`` (a commit),
served in its place, which merges every part before the first result. Usage:

    .venv/bin/python -m benchmarks.search --minutes 1000 10000

``--site DIR`` measures an output folder built before instead of building the corpus.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import subprocess
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

from benchmarks.generate import generate
from tests.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("praktikvejleder", "spiremedarbejdere", "frafald")
# The search page that merged every part of the index before the first result.
BEFORE = "3c0345f^"


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


def serve_before(page, script: bytes) -> None:
    """Serve the search page's script of before, and the list of parts it read, in place of today's."""
    page.route(
        "**/theme/js/search.js", lambda route: route.fulfill(body=script, content_type="text/javascript")
    )

    def parts_list(route) -> None:
        manifest = json.loads(route.fetch().body())
        names = [part["name"] for part in manifest["parts"]] if isinstance(manifest, dict) else manifest
        route.fulfill(body=json.dumps(names), content_type="application/json")

    page.route("**/pagefind/dele.json", parts_list)


def query_bytes(browser, base: str, query: str, before: bytes | None = None) -> dict[str, int]:
    """Bytes per kind of file loaded by the search page until the first results are shown."""
    sizes: dict[str, int] = defaultdict(int)
    wire = 0
    context = browser.new_context()
    page = context.new_page()
    if before is not None:
        serve_before(page, before)
    entries = set()

    def count(response) -> None:
        nonlocal wire
        body = response.body()
        sizes[kind(response.url)] += len(body)
        if "pagefind-entry.json" in response.url:
            entries.add(response.url.split("?")[0])
        # What a host that compresses responses (as GitHub Pages does) sends for this file.
        wire += min(len(body), len(gzip.compress(body, compresslevel=6)))

    page.on("response", count)
    page.goto(f"{base}/soeg/?q={quote(query)}")
    page.wait_for_selector("#soeg-status:not(:empty)")
    page.wait_for_load_state("networkidle")
    context.close()
    return {**sizes, "gzip": wire, "indexes": len(entries)}


def measure(name: str, content: Path | None, workdir: Path, browser, before: bytes) -> None:
    """Build one site (or take ``workdir/output``), then report its index and a first query's bytes."""
    output = workdir / "output"
    seconds = build(content, output) if content is not None else None
    index = output / "pagefind"
    index_bytes = sum(path.stat().st_size for path in index.rglob("*") if path.is_file())
    pages = len(list(output.rglob("*.html")))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        built = f", built in {seconds:.1f} s" if seconds is not None else ""
        print(f"\n## {name}: {pages} HTML pages{built}")
        files = sum(1 for _ in index.rglob("*"))
        print(f"Search index (output/pagefind/): {index_bytes / 1024:.0f} KB in {files} files")
        sizes = sorted(
            (path.stat().st_size, path.relative_to(output).as_posix()) for path in output.rglob("*.html")
        )
        over = sum(1 for size, _ in sizes if size > 200 * 1024)
        print(f"Largest HTML page: {sizes[-1][1]}, {sizes[-1][0] / 1024:.0f} KB; pages over 200 KB: {over}")
        print("KB loaded by the browser from opening /soeg/?q=… until the first results show:\n")
        print("| search page | query | indexes | total | gzip | " + " | ".join(COLUMNS) + " |")
        print("|---|---|---:|" + "---:|" * (len(COLUMNS) + 2))
        medians = {}
        for label, script in ((f"every part ({BEFORE})", before), ("parts when needed", None)):
            wires = []
            for query in QUERIES:
                sizes = query_bytes(browser, f"http://127.0.0.1:{server.server_port}", query, script)
                cells = [f"{sizes.get(column, 0) / 1024:.1f}" for column in COLUMNS]
                wire, indexes = sizes.pop("gzip"), sizes.pop("indexes")
                wires.append(wire)
                total = f"{sum(sizes.values()) / 1024:.0f} | {wire / 1024:.0f}"
                print(f"| {label} | {query} | {indexes} | {total} | " + " | ".join(cells) + " |")
            medians[label] = statistics.median(wires) / 1024
        print("\nMedian gzip: " + "; ".join(f"{label} {kb:.0f} KB" for label, kb in medians.items()))
    finally:
        server.shutdown()


def main() -> None:
    """Command line: search.py [--minutes N …] [--site DIR …] [--before COMMIT]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, nargs="*", default=[1000], help="sizes of generated corpora")
    parser.add_argument("--site", type=Path, action="append", default=[], help="a built output folder")
    parser.add_argument("--before", default=BEFORE, help="the commit whose search page merged every part")
    args = parser.parse_args()
    show = ["git", "-C", str(ROOT), "show", f"{args.before}:theme/static/js/search.js"]
    before = subprocess.run(show, check=True, capture_output=True).stdout
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for site in args.site:  # built sites, or else the site's own content and generated corpora
            workdir = site.parent if site.name == "output" else site
            measure(f"Output folder {site}", None, workdir, browser, before)
        if not args.site:
            measure("The site's own content", ROOT / "content", Path(tmp) / "site", browser, before)
            for minutes in args.minutes:
                corpus = generate(minutes, Path(tmp) / f"corpus-{minutes}")
                workdir = Path(tmp) / f"corpus-{minutes}"
                measure(f"Generated corpus of {minutes} minutes", corpus, workdir, browser, before)
        browser.close()


if __name__ == "__main__":
    main()
