"""Index the written site with Pagefind as the last step of every build.

Pagefind reads the pages' ``data-pagefind-*`` attributes (set in the theme) and writes its index and
its search library to ``output/pagefind/``. It runs from the ``pagefind[bin]`` wheel through its
Python API: no download, no Node.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import os
import queue
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from pagefind.index import IndexConfig, PagefindIndex
from pelican import signals

from plugins.kb.build import BuildSuperseded, setting
from plugins.kb.searchterms import search_terms

from .stable import stabilise

log = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# Pagefind's ready-made interfaces; the theme has its own search page (theme/static/js/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def add_filters(generator) -> None:
    """Give the templates ``soegeord``: the extra terms a piece of text should be found by."""
    generator.env.filters["soegeord"] = search_terms


class _Indexer:
    """Pagefind indexing the written site in a thread of its own, while Pelican goes on writing.

    Indexing the meetings is most of Pagefind's work. It starts as soon as Pelican has written them
    (they are written first, then the few pages) and runs on the other core while Pelican writes the
    registers, themes and datasets; :meth:`finish` then adds every other page and writes the index.

    Pagefind writes into a folder of the indexer's own beside the site, moved into the site when the
    index is whole; a build that stops leaves the site alone, and the indexer removes its folder.
    """

    def __init__(self, site: Path, first: str = ""):
        self.first = first  # the glob of the pages indexed before the build is done, or ""
        self._site = site
        self._folder = Path(tempfile.mkdtemp(prefix=f".{INDEX_DIR}-ny-", dir=site.parent))
        self._rest: queue.Queue[str | None] = queue.Queue()
        thread = ThreadPoolExecutor(max_workers=1)
        # A thread with its own event loop: the build may be started from code that runs one already.
        self._pages = thread.submit(asyncio.run, self._index(first))
        thread.shutdown(wait=False)

    async def _index(self, first: str) -> int:
        config = IndexConfig(output_path=str(self._folder / INDEX_DIR))
        try:
            async with PagefindIndex(config=config) as index:
                pages = (await index.add_directory(str(self._site), glob=first))["page_count"] if first else 0
                rest = await asyncio.to_thread(self._rest.get)
                if rest is None:
                    raise _Abandoned  # leaves the context without writing an index
                if rest:
                    pages += (await index.add_directory(str(self._site), glob=rest))["page_count"]
        except BaseException:
            shutil.rmtree(self._folder, ignore_errors=True)
            raise
        return pages

    def finish(self, rest: str, settings: dict) -> int:
        """Add the files matching ``rest`` (a Pagefind glob; "" for none), write the index, return pages.

        Raises BuildSuperseded if the live preview has a newer change meanwhile (plugins/kb/build.py):
        the index being written is then left to the indexer, which removes it when Pagefind is done.
        """
        self._rest.put(rest)
        while True:
            try:
                pages = self._pages.result(timeout=0.1)
                break
            except TimeoutError:
                if setting(settings, "KB_BUILD").should_stop():
                    self._pages.add_done_callback(lambda _: shutil.rmtree(self._folder, ignore_errors=True))
                    raise BuildSuperseded(INDEX_DIR) from None
        shutil.rmtree(self._site / INDEX_DIR, ignore_errors=True)
        os.replace(self._folder / INDEX_DIR, self._site / INDEX_DIR)
        shutil.rmtree(self._folder)
        return pages

    def abandon(self) -> None:
        """Stop without writing: the build this index was for did not finish.

        Pagefind finishes the step it is on in the background, and its service then closes.
        """
        self._rest.put(None)


class _Abandoned(Exception):
    pass


# The indexer of the build under way (one build at a time per process).
_running: _Indexer | None = None


def _pattern(save_as: str) -> str:
    """A SAVE_AS setting as a Pagefind glob: "referater/{category}/{slug}/index.html" → "referater/*/*/…"."""
    return re.sub(r"\{[^}]*\}", "*", save_as)


def _glob_of(names: list[str]) -> str:
    """A Pagefind (Wax) glob matching exactly these paths, or "" for none."""
    escaped = (re.sub(r"([\\{}\[\]*?<>:,!])", r"\\\1", name) for name in names)
    return "{" + ",".join(escaped) + "}" if names else ""


def _matches(name: str, pattern: str) -> bool:
    """Whether the path ``name`` matches the glob ``pattern`` from the site's root, as Pagefind matches it."""
    return name.count("/") == pattern.count("/") and PurePosixPath(name).match(pattern)


def _written_whole(index_dir: Path) -> bool:
    """Whether every index file Pagefind wrote is complete: the entry file and the gzip files parse."""
    try:
        json.loads((index_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
        for path in index_dir.rglob("*"):
            if path.suffix.startswith(".pf_") or path.suffix == ".pagefind":
                gzip.decompress(path.read_bytes())
    except (OSError, ValueError, EOFError):
        return False
    return True


def start_index(generator, writer) -> None:
    """Start indexing the meeting pages.

    page_writer_finalized: the pages generator writes right after the articles generator, whose
    meeting pages are then all written.
    """
    global _running
    if setting(generator.settings, "KB_BUILD").indexes and generator.settings["ARTICLE_SAVE_AS"]:
        _running = _Indexer(Path(generator.output_path), _pattern(generator.settings["ARTICLE_SAVE_AS"]))


def abandon_index(pelican) -> None:
    """Stop an index left by a build that failed (initialized: a new build begins)."""
    global _running
    if _running is not None:
        _running.abandon()
        _running = None


def build_index(pelican) -> None:
    """Index the rest of ``output/`` and write the index (finalized), if this build writes it."""
    global _running
    if not setting(pelican.settings, "KB_BUILD").indexes:
        return
    site = Path(pelican.output_path)
    indexer, _running = _running or _Indexer(site), None
    names = (path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    rest = sorted(name for name in names if not (indexer.first and _matches(name, indexer.first)))
    pages = indexer.finish(_glob_of(rest), pelican.settings)
    if not _written_whole(site / INDEX_DIR):
        # Pagefind's service can be stopped before its last writes reach the disk; index again.
        log.warning("Søgeindekset blev ikke skrevet helt; det bygges igen.")
        shutil.rmtree(site / INDEX_DIR)
        pages = _Indexer(site, "**/*.html").finish("", pelican.settings)
        if not _written_whole(site / INDEX_DIR):
            log.error("Søgeindekset blev ikke skrevet helt (%s/); byg igen.", INDEX_DIR)
            return
    for pattern in UNUSED:
        for path in (site / INDEX_DIR).glob(pattern):
            path.unlink()
    stabilise(site / INDEX_DIR)
    log.info("Søgeindeks: %d sider indekseret i %s/", pages, INDEX_DIR)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.initialized.connect(abandon_index)
    signals.page_writer_finalized.connect(start_index)
    signals.finalized.connect(build_index)
