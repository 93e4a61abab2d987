"""The search index in parts: Pagefind's answer for large sites, indexes merged in the browser.

The meeting pages are indexed in parts of whole years: the newest year alone, the years before it
packed oldest first, each of at most ``KB_SEARCH_PART_PAGES`` pages (a year with more is a part
alone), together with the register pages of those years that the search indexes (the decision
register's pages by year), so that the main index, every other page, does not grow with the
archive. Each part is a Pagefind index of its own, so Pagefind holds one part in memory at a time,
and a part whose pages have not changed is taken from the build's cache instead of being indexed
again. The search page merges the newest part with the main index and an older one only when a
search needs it (``mergeIndex``, with a filter naming each part: theme/static/js/search.js),
knowing the parts from their manifest (manifest.py). An archive that fits in one part is not
split: Pagefind's scores of two indexes are not quite comparable (each ranks against its own
pages), so a small site keeps one ranking for meetings and pages alike. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The manifest of the parts, newest first, that the search page reads (inside the main index's folder).
PARTS_FILE = "dele.json"
# The filter the search page gives each part when it merges it, and the main index's value.
PART_FILTER = "indeksdel"
MAIN_PART = "sider"
# Pagefind's files a merged part does not need: the search page loads the main index's library,
# WebAssembly and worker once, and a page opened from a result its highlighter
# (theme/static/js/highlight.js). Its ready-made interfaces are not used at all.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*")
UNUSED_IN_PARTS = (*UNUSED, "pagefind-highlight.js", "pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")


@dataclass(frozen=True, slots=True)
class Part:
    """The pages of some whole years: its folder's name and the pages' paths in the site."""

    name: str
    pages: tuple[str, ...]


def plan_parts(pages: list[tuple[int, str]], most: int) -> list[Part]:
    """Whole years of (year, path) pages in parts of at most ``most`` pages, oldest first.

    Pages that fit in one part are one part. Otherwise the newest year is a part of its own, where
    new minutes come and most edits are made, so that they index one year again; the years before it
    are packed oldest first, so that a part once full keeps its pages. A year is never split, so that
    a part's pages sort as one run of dates; a new meeting changes only the part of its year.
    """
    by_year: dict[int, list[str]] = {}
    for year, path in pages:
        by_year.setdefault(year, []).append(path)
    packed = sorted(by_year)
    alone = [packed.pop()] if len(pages) > most else []
    parts: list[Part] = []
    years: list[int] = []
    paths: list[str] = []
    for year in packed:
        if paths and len(paths) + len(by_year[year]) > most:
            parts.append(_part(years, paths))
            years, paths = [], []
        years.append(year)
        paths += sorted(by_year[year])
    if paths:
        parts.append(_part(years, paths))
    return parts + [_part(alone, sorted(by_year[year])) for year in alone]


def _part(years: list[int], paths: list[str]) -> Part:
    name = f"referater-{years[0]}" if len(years) == 1 else f"referater-{years[0]}-{years[-1]}"
    return Part(name, tuple(paths))


def glob_of(names: list[str] | tuple[str, ...]) -> str:
    """A Pagefind (Wax) glob matching exactly these paths, or "" for none."""
    escaped = (re.sub(r"([\\{}\[\]*?<>:,!])", r"\\\1", name) for name in names)
    return "{" + ",".join(escaped) + "}" if names else ""
