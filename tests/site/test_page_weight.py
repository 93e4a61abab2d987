"""Pages stay light: one small stylesheet everywhere, JavaScript only for search.

The search page runs the search; a page in the search index carries the small module that marks the
searched words when it is opened from a result (and loads nothing more otherwise).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.conftest import page

CSS_AND_JS_BUDGET = 32 * 1024  # bytes, uncompressed, for any one page
# One page of each type of the real site (benchmarks/page_weight.py measures the same ones).
PAGE_TYPES = {
    "forside": "index.html",
    "referat": "referater/luu-pa-amu/2024-09-16/index.html",
    "referater": "referater/index.html",
    "udvalg": "udvalg/luu-pa-amu/index.html",
    "beslutninger": "beslutninger/index.html",
    "kalender": "kalender/index.html",
    "tema": "temaer/frafald-og-gennemfoersel/index.html",
    "rapport": "rapporter/oplaeringsvejleder-amu/index.html",
    "rapportkapitel": "rapporter/oplaeringsvejleder-amu/hovedpointer/index.html",
    "rapport til udskrift": "rapporter/oplaeringsvejleder-amu/print/index.html",
    "datasæt": "data/amu-deltagere-pr-modul-2017-2022/index.html",
    "søgning": "soeg/index.html",
}


def assets(site: Path, address: str, selector: str, attribute: str) -> list[Path]:
    """The files a page refers to with ``selector``'s ``attribute``, as paths in ``site``."""
    hrefs = [tag[attribute] for tag in page(site, address).select(selector)]
    return [site / urlsplit(urljoin(f"http://x/{address}", href)).path.lstrip("/") for href in hrefs]


def test_css_and_js_stay_within_budget_and_only_search_has_script(real_site):
    for name, address in PAGE_TYPES.items():
        css = assets(real_site, address, "link[rel=stylesheet]", "href")
        js = assets(real_site, address, "script[src]", "src")
        assert css, name
        assert all(path.exists() for path in css + js), name
        raw = sum(path.stat().st_size for path in css + js)
        assert raw <= CSS_AND_JS_BUDGET, f"{name}: {raw} bytes of CSS and JS"
        scripts = [path.name for path in js]
        assert ("search.js" in scripts) == (name == "søgning"), name
        # A page in the search index marks the searched words when opened from a result.
        indexed = bool(page(real_site, address).select("[data-pagefind-body]"))
        assert ("highlight.js" in scripts) == indexed, name
