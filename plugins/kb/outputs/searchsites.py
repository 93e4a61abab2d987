"""Other schools' sites that the search page searches too (the setting ``KB_SEARCH_SITES``).

A site names each other site's search index by the name its results are labelled with and the
index's address: ``{"SOSU Nord": "https://sosunord.github.io/praktikviden/pagefind/"}``. The search
page merges those indexes in the browser (theme/static/js/search.js), and the pages'
Content-Security-Policy lets them fetch from exactly these sites' origins (theme/templates/base.html).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from plugins.kb.problems import Problem

KEY = "KB_SEARCH_SITES"
EXAMPLE = '{"SOSU Nord": "https://sosunord.github.io/praktikviden/pagefind/"}'


@dataclass(frozen=True, slots=True)
class SearchSite:
    """Another site's search index: its name, the index's address, the site's root and origin."""

    name: str
    index: str
    root: str
    origin: str


def search_sites(value: dict, source: str = "pelicanconf.py") -> tuple[tuple[SearchSite, ...], list[Problem]]:
    """The sites of ``KB_SEARCH_SITES``, and a problem for each name or address that is not one."""
    sites, problems = [], []
    for name, address in value.items():
        parts = urlsplit(address) if isinstance(address, str) else None
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(source, 0, f"'{KEY}' har et tomt navn.", f"skriv fx {EXAMPLE}."))
        elif (
            parts is None
            or parts.scheme not in ("https", "http")
            or not parts.hostname
            or parts.query
            or parts.fragment
            or not parts.path.rstrip("/").endswith("/pagefind")
        ):
            problems.append(
                Problem(
                    source,
                    0,
                    f"'{KEY}': adressen for '{name}' er ikke adressen på et søgeindeks, fik {address!r}.",
                    f"skriv den fulde adresse på sitets mappe pagefind/, fx {EXAMPLE}.",
                )
            )
        else:
            index = address.rstrip("/") + "/"
            origin = f"{parts.scheme}://{parts.netloc}"
            sites.append(SearchSite(name.strip(), index, index.removesuffix("pagefind/"), origin))
    return tuple(sites), problems


def origins(sites: tuple[SearchSite, ...]) -> tuple[str, ...]:
    """The origins the search page fetches other sites' indexes from, each once, in order."""
    return tuple(dict.fromkeys(site.origin for site in sites))
