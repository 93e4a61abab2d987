"""Index the site with Pagefind while Pelican writes it.

Pagefind reads the pages' ``data-pagefind-*`` attributes (set in the theme) and writes its index and
its search library to ``output/pagefind/``. It runs from the ``pagefind[bin]`` wheel through its
Python API: no download, no Node. Each page is handed to Pagefind as soon as Pelican has written it
(``content_written``), so Pagefind's own process indexes on the second core while Pelican renders
the rest; ``finalized`` waits for it and writes the index.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex
from pelican import signals

from plugins.kb.searchterms import search_terms

log = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# Pagefind's ready-made interfaces; the theme has its own search page (theme/static/js/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def add_filters(generator) -> None:
    """Give the templates ``soegeord``: the extra terms a piece of text should be found by."""
    generator.env.filters["soegeord"] = search_terms


class StreamingIndex:
    """A Pagefind index fed page by page, driven from an event loop in a thread of its own.

    The thread also keeps the index independent of the caller's event loop, if it has one (a build
    started from Playwright's tests does).
    """

    def __init__(self, site: Path):
        self.site = site
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="pagefind", daemon=True)
        self.thread.start()
        config = IndexConfig(output_path=str(site / INDEX_DIR))
        self.index = self._wait(PagefindIndex(config=config).__aenter__())
        self.sent = []

    def _wait(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def add(self, path: Path) -> None:
        """Hand one written page to Pagefind without waiting for it."""
        url = "/" + path.relative_to(self.site).as_posix().removesuffix("index.html")
        html = path.read_text(encoding="utf-8")
        self.sent.append(
            asyncio.run_coroutine_threadsafe(self.index.add_html_file(content=html, url=url), self.loop)
        )

    def finish(self) -> int:
        """Wait for every page, write the index, stop the thread; return the number of pages indexed."""
        try:
            indexed = sum(1 for future in self.sent if future.result().get("page_word_count", 0) > 0)
            self._wait(self.index.__aexit__(None, None, None))
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
        for pattern in UNUSED:
            for path in (self.site / INDEX_DIR).glob(pattern):
                path.unlink()
        return indexed


# The index of each build in progress, by output folder (a process may run several builds, as the
# tests do).
_BUILDS: dict[Path, StreamingIndex] = {}


def add_page(path: str, context: dict) -> None:
    """Send each written HTML page to the build's index (content_written)."""
    if not path.endswith(".html") or not context.get("SEARCH_INDEX", True):
        return
    site = Path(context["OUTPUT_PATH"]).resolve()
    if site not in _BUILDS:
        _BUILDS[site] = StreamingIndex(site)
    _BUILDS[site].add(Path(path).resolve())


def write_index(pelican) -> None:
    """Wait for Pagefind and write ``output/pagefind/`` (finalized: every page is written)."""
    build = _BUILDS.pop(Path(pelican.output_path).resolve(), None)
    if build is not None:
        pages = build.finish()
        log.info("Søgeindeks: %d sider indekseret i %s/", pages, INDEX_DIR)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.content_written.connect(add_page)
    signals.finalized.connect(write_index)
