"""Index the written site with Pagefind as the last step of every build.

Pagefind reads the pages' ``data-pagefind-*`` attributes (set in the theme) and writes its index and
its search library to ``output/pagefind/``. It runs from the ``pagefind[bin]`` wheel through its
Python API: no download, no Node.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex
from pelican import signals

from plugins.kb.searchterms import search_terms

from .stable import stabilise

log = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# Pagefind's ready-made interfaces; the theme has its own search page (theme/static/js/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def add_filters(generator) -> None:
    """Give the templates ``soegeord``: the extra terms a piece of text should be found by."""
    generator.env.filters["soegeord"] = search_terms


async def _index(site: Path) -> int:
    config = IndexConfig(output_path=str(site / INDEX_DIR))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site))
    for pattern in UNUSED:
        for path in (site / INDEX_DIR).glob(pattern):
            path.unlink()
    stabilise(site / INDEX_DIR)
    return result["page_count"]


def build_index(pelican) -> None:
    """Index ``output/`` after Pelican has written it (finalized), unless SEARCH_INDEX is False."""
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    # A thread of its own: the build may be started from code that already runs an event loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        pages = thread.submit(lambda: asyncio.run(_index(Path(pelican.output_path)))).result()
    log.info("Søgeindeks: %d sider indekseret i %s/", pages, INDEX_DIR)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(build_index)
