"""Pages stay light: one small stylesheet everywhere, little JavaScript, and most of it for search.

The search page runs the search; a page in the search index carries the small module that marks the
searched words when it is opened from a result (and loads nothing more otherwise). Every page has
two small scripts of its own: the phone's folding menu and the "/" key for search. The budget is
counted as a host sends the files, gzip-compressed, since that is what a phone pays for; the theme's
own files are published without their comments (plugins/assets/).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from plugins.assets.plugin import minify
from tests.conftest import page

CSS_AND_JS_BUDGET = 16 * 1024  # bytes, each file gzip-compressed, for any one page
# One page of each type of the real site (benchmarks/page_weight.py measures these).
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


def test_css_and_js_stay_within_budget_and_only_the_search_page_runs_search(real_site):
    for name, address in PAGE_TYPES.items():
        css = assets(real_site, address, "link[rel=stylesheet]", "href")
        js = assets(real_site, address, "script[src]", "src")
        assert css, name
        assert all(path.exists() for path in css + js), name
        sent = sum(len(gzip.compress(path.read_bytes(), mtime=0)) for path in css + js)
        assert sent <= CSS_AND_JS_BUDGET, f"{name}: {sent} bytes of CSS and JS, gzip-compressed"
        scripts = [path.name for path in js]
        assert ("search.js" in scripts) == (name == "søgning"), name
        # A page in the search index marks the searched words when opened from a result.
        indexed = bool(page(real_site, address).select("[data-pagefind-body]"))
        assert ("highlight.js" in scripts) == indexed, name


def test_the_themes_scripts_and_stylesheet_are_published_minified_with_every_literal_kept(real_site):
    theme = Path(__file__).resolve().parents[2] / "theme" / "static"
    sources = sorted(path for path in theme.rglob("*") if path.suffix in (".js", ".css"))
    assert {path.name for path in sources} >= {"search.js", "menu.js", "site.css"}
    for source in sources:
        written = real_site / "theme" / source.relative_to(theme)
        text, published = source.read_text(encoding="utf-8"), written.read_text(encoding="utf-8")
        assert published == minify(text, source.suffix), source.name
        # Smaller as a phone receives it, and no comment of the source is left.
        assert len(gzip.compress(published.encode(), mtime=0)) < len(gzip.compress(text.encode(), mtime=0))
        for comment in re.findall(r"^\s*//\s*(\S.{20,})$|/\*\s*(\S[^*\n]{20,})", text, re.MULTILINE):
            assert (comment[0] or comment[1]) not in published, (source.name, comment)
    search = (real_site / "theme" / "js" / "search.js").read_text(encoding="utf-8")
    # Strings and template literals are kept to the space.
    assert '`Viser ${shown.toLocaleString("da-DK")} af ${plural(' in search
    assert '"Søgningen kunne ikke indlæses. Prøv igen senere, eller find vej herunder."' in search
