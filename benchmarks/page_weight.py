"""Report the weight of each page type: bytes of HTML, CSS and JavaScript a first visit loads.

Reads a built site (default output/, build it first with ./run build) and follows each page's own
<link rel=stylesheet> and <script src>. The search page also loads Pagefind on demand; that is
measured by benchmarks/search.py. Usage:

    .venv/bin/python -m benchmarks.page_weight [output]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

# The pages the page-weight test keeps within its budget, one of each type.
from tests.site.test_page_weight import PAGE_TYPES


def assets(site: Path, page: str) -> dict[str, list[Path]]:
    """The stylesheet and script files a page refers to, as paths in ``site``."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = {"css": [link["href"] for link in soup.select("link[rel=stylesheet]")]}
    found["js"] = [script["src"] for script in soup.select("script[src]")]
    return {
        kind: [site / urlsplit(urljoin(f"http://x/{page}", href)).path.lstrip("/") for href in hrefs]
        for kind, hrefs in found.items()
    }


def weight(paths: list[Path]) -> tuple[int, int]:
    """Raw and gzip-compressed bytes of some files."""
    data = [path.read_bytes() for path in paths]
    return sum(map(len, data)), sum(len(gzip.compress(d, compresslevel=6)) for d in data)


def main() -> None:
    """Print one row per page type."""
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    print("| page type | HTML | CSS | JS | all (gzip) |")
    print("|---|---:|---:|---:|---:|")
    for name, page in PAGE_TYPES.items():
        files = assets(site, page)
        html, css, js = weight([site / page]), weight(files["css"]), weight(files["js"])
        total = html[1] + css[1] + js[1]
        cells = [f"{size / 1024:.1f} KB" for size in (html[0], css[0], js[0], total)]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
