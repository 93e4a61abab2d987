"""Index the written site with Pagefind as the last step of every build.

Pagefind reads the pages' ``data-pagefind-*`` attributes (set in the theme) and writes its index and
its search library to ``output/pagefind/``. It runs from the ``pagefind[bin]`` wheel through its
Python API: no download, no Node.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import queue
import shutil
import weakref
from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatch
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex
from pelican import signals
from pelican.generators import Generator

from plugins.kb.build import BuildSuperseded, setting
from plugins.kb.outputs.searchterms import search_terms
from plugins.kb.storage.cache import ContentCache, digest
from plugins.kb.storage.scratch import new_folder, remove_left_over
from plugins.minutes.fingerprint import CODE_VERSION

from .integrity import library, unwritten
from .parts import MAIN_PART, PARTS_FILE, UNUSED, UNUSED_IN_PARTS, Part, glob_of, plan_parts
from .stable import stabilise

log = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# The indexer's own folders, beside the site (plugins/kb/storage/scratch.py).
WORK_PREFIX = f".{INDEX_DIR}-ny-"
# How often Pagefind indexes the same pages before the build gives up on a whole index.
ATTEMPTS = 3

Pages = list[str] | tuple[str, ...]


def add_filters(generator) -> None:
    """Give the templates ``soegeord``: the extra terms a piece of text should be found by."""
    generator.env.filters["soegeord"] = search_terms


class _Indexer:
    """Pagefind indexing the written site part by part (parts.py), in a thread of its own.

    The meeting pages are written first; their parts are indexed as soon as they are, on the other
    core, while Pelican writes the registers, themes and datasets. :meth:`finish` then indexes every
    other page as the main index. A part whose pages are the same as in an earlier build is taken
    from the build's cache instead.

    Pagefind writes into a folder of the indexer's own beside the site, moved into the site when
    every file of the index is checked whole (integrity.py); a build that stops leaves the site
    alone, and the indexer removes its folder; one that is killed leaves it to the next indexer.
    """

    def __init__(self, site: Path, parts: list[Part], cache: ContentCache | None):
        self.parts = parts
        self.indexed = {page for part in parts for page in part.pages}
        self._site = site
        self._cache = cache
        remove_left_over(site.parent, WORK_PREFIX)  # the folders of indexers whose build was killed
        self._folder = new_folder(site.parent, WORK_PREFIX)
        self._rest: queue.Queue[list[str] | None] = queue.Queue()
        self._abandoned = False
        thread = ThreadPoolExecutor(max_workers=1)
        # A thread with its own event loop: the build may be started from code that runs one already.
        self._pages = thread.submit(asyncio.run, self._index_all())
        thread.shutdown(wait=False)

    async def _index_all(self) -> int:
        try:
            pages = 0
            for part in self.parts:
                if self._abandoned:
                    raise _Abandoned
                pages += await self._index(self._folder / "dele" / part.name, part.pages, UNUSED_IN_PARTS)
            rest = await asyncio.to_thread(self._rest.get)
            if rest is None:
                raise _Abandoned
            return pages + await self._index(self._folder / MAIN_PART, rest, UNUSED)
        except BaseException:
            shutil.rmtree(self._folder, ignore_errors=True)
            raise

    async def _index(self, target: Path, pages: Pages, unused: tuple[str, ...]) -> int:
        """Index ``pages`` into ``target``, or take the index of the same pages from the cache; count them."""
        key = None
        if self._cache is not None:
            key = digest("soegeindeks", CODE_VERSION, *(part for page in pages for part in self._page(page)))
            found = self._cache.get(key)
            if _cached_index(found):
                count, files = found
                _write_files(target, files)
                _write_files(target, await _library_of(unused))
                if not unwritten(target, unused):
                    return count
                log.warning("Søgeindekset i mellemlageret var ikke helt (%s); det bygges igen.", target.name)
        count = await self._run_pagefind(target, pages, unused)
        stabilise(target)
        if key is not None:
            files = target.rglob("*")
            self._cache.put(
                key, (count, {f.relative_to(target).as_posix(): f.read_bytes() for f in files if f.is_file()})
            )
        return count

    async def _run_pagefind(self, target: Path, pages: Pages, unused: tuple[str, ...]) -> int:
        """Index ``pages`` with Pagefind into ``target`` until every file is whole (integrity.py)."""
        for _attempt in range(ATTEMPTS):
            # Never into a folder written before: Pagefind keeps a hashed file it finds, whole or not.
            shutil.rmtree(target, ignore_errors=True)
            async with PagefindIndex(config=IndexConfig(output_path=str(target))) as index:
                count = (await index.add_directory(str(self._site), glob=glob_of(pages)))["page_count"]
            for pattern in unused:
                for path in target.glob(pattern):
                    path.unlink()
            _write_files(target, await _library_of(unused))  # Pagefind's own copy, not what reached the disk
            cut = unwritten(target, unused)
            if not cut:
                return count
            log.warning("Søgeindekset blev ikke skrevet helt (%s: %s); det bygges igen.", target.name, cut[0])
        raise _Unwritten(target.name)

    def _page(self, page: str) -> tuple[str, bytes]:
        return page, (self._site / page).read_bytes()

    def finish(self, rest: list[str], settings: dict) -> int:
        """Index the pages ``rest`` as the main index, move the whole index into the site; count the pages.

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
                    self._abandoned = True
                    self._pages.add_done_callback(lambda _: shutil.rmtree(self._folder, ignore_errors=True))
                    raise BuildSuperseded(INDEX_DIR) from None
        index = self._site / INDEX_DIR
        shutil.rmtree(index, ignore_errors=True)
        os.replace(self._folder / MAIN_PART, index)
        for part in self.parts:
            os.replace(self._folder / "dele" / part.name, index / part.name)
        newest_first = [part.name for part in reversed(self.parts)]
        (index / PARTS_FILE).write_text(json.dumps(newest_first) + "\n", encoding="utf-8")
        shutil.rmtree(self._folder)
        return pages

    def abandon(self) -> None:
        """Stop without writing: the build this index was for did not finish.

        Pagefind finishes the step it is on in the background, and its service then closes.
        """
        self._abandoned = True
        self._rest.put(None)


class _Abandoned(Exception):
    pass


class _Unwritten(Exception):
    """Pagefind did not write a whole index ATTEMPTS times in a row."""


async def _library_of(unused: tuple[str, ...]) -> dict[str, bytes]:
    """The library files an index keeps, from Pagefind's own copy (integrity.py)."""
    own = await asyncio.to_thread(library)
    return {name: data for name, data in own.items() if not any(fnmatch(name, pattern) for pattern in unused)}


def _cached_index(found) -> bool:
    """Whether a cache entry is an index as :meth:`_Indexer._index` keeps one: (count, {name: bytes})."""
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], int)
        and isinstance(found[1], dict)
        and all(isinstance(name, str) and isinstance(data, bytes) for name, data in found[1].items())
    )


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (by path inside ``folder``), each under a new name first, then renamed over."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        pending = path.with_name(f".{path.name}.ny")
        pending.write_bytes(data)
        os.replace(pending, path)


class SearchIndexGenerator(Generator):
    """Index the written site with Pagefind: the owner of one build's indexer.

    Pelican runs the articles and pages generators first, so when this one's turn comes the meeting
    pages are written and their parts are started; the index is finished on ``finalized``, when
    every page is written. A build that fails before then drops this generator, and with it the
    indexer (``weakref.finalize``), which then stops without writing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._indexer: _Indexer | None = None
        # A weak reference to the bound method: the receiver goes with this build's generator.
        signals.finalized.connect(self.finish)

    def generate_output(self, writer) -> None:
        """Start indexing the meeting pages, part by part, if this build writes the index."""
        described = setting(self.settings, "KB_BUILD")
        if not described.indexes:
            return
        pages = [(article.date.year, article.save_as) for article in self.context.get("articles", [])]
        parts = plan_parts(pages, setting(self.settings, "KB_SEARCH_PART_PAGES"))
        # An archive that fits in one part stays in one index with the pages: one ranking for all.
        self._indexer = _Indexer(Path(self.output_path), parts if len(parts) > 1 else [], described.cache)
        weakref.finalize(self, self._indexer.abandon)

    def finish(self, pelican) -> None:
        """Index the rest of ``output/`` and write the index (finalized: every page is written)."""
        if pelican.settings is not self.settings or self._indexer is None:
            return  # another build's signal, or a build that writes no index
        indexer, self._indexer = self._indexer, None
        site = Path(self.output_path)
        names = (path.relative_to(site).as_posix() for path in site.rglob("*.html"))
        # The editor at admin/ is no page for readers: never in the search.
        rest = sorted(name for name in names if name not in indexer.indexed and not name.startswith("admin/"))
        try:
            pages = indexer.finish(rest, self.settings)
        except _Unwritten as error:
            log.error("Søgeindekset blev ikke skrevet helt (%s); byg igen.", error)
            return
        log.info("Søgeindeks: %d sider indekseret i %s/ (%d dele)", pages, INDEX_DIR, len(indexer.parts) + 1)


def get_generators(pelican):
    """Add the search index generator."""
    return SearchIndexGenerator


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
