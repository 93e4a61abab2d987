"""Index the written site with Pagefind once every page is written.

Pagefind reads the pages' ``data-pagefind-*`` attributes (set in the theme) and writes its index and
its search library: its program from the ``pagefind[bin]`` wheel indexes, and gives the library's
files once from a scratch page; no download, no Node. On ``finalized`` the pages are indexed, two
Pagefind indexes at a time: a large archive's meeting pages, with the decision register's pages of
their years, in parts of whole years (parts.py), and every other page as the main index. An index
whose pages are the same as in an earlier build, apart from navigation marked for Pagefind to
ignore, is taken from the build's content cache.

Everything is written into a folder of the build's own beside the site and moved into the site as
``pagefind/`` only when every file is checked whole (integrity.py). A build that fails or is stopped
removes that folder; one that is killed leaves it to the next build (plugins/kb/storage/scratch.py).
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatch
from pathlib import Path
from typing import NamedTuple

from pagefind.service import get_executable
from pelican import signals
from pelican.generators import Generator

from plugins.kb.build import BuildSuperseded, setting
from plugins.kb.outputs.registers import YEAR_PAGES
from plugins.kb.outputs.searchsites import origins, search_sites
from plugins.kb.outputs.searchterms import search_terms
from plugins.kb.storage.cache import ContentCache, digest, fingerprint
from plugins.kb.storage.scratch import new_folder, remove_left_over

from .integrity import ENTRY, indexed_pages, unwritten
from .manifest import write_manifest
from .parts import MAIN_PART, UNUSED, UNUSED_IN_PARTS, Part, glob_of, plan_parts
from .sections import searchable
from .stable import stabilise

log = logging.getLogger(__name__)

INDEX_DIR = "pagefind"
# The index's folder while it is written, beside the site (plugins/kb/storage/scratch.py).
WORK_PREFIX = f".{INDEX_DIR}-ny-"
# How often Pagefind indexes the same pages before the build gives up on a whole index.
ATTEMPTS = 3
# How many indexes Pagefind makes at once: one uses about 1.3 of this machine's two cores.
INDEXES_AT_ONCE = 2


def _pagefind_versions() -> list[str]:
    """Pagefind's wheels and the program that runs: its own wheel's, or one named by the environment."""
    found = [f"PAGEFIND_BINARY_PATH={os.environ.get('PAGEFIND_BINARY_PATH', '')}"]
    for name in ("pagefind", "pagefind_bin", "pagefind_extended_bin"):
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return found


# What an index is made of besides its pages: this plugin's code and the Pagefind that runs.
INDEXER_VERSION = fingerprint(
    {path.name: path for path in Path(__file__).parent.glob("*.py")}, *_pagefind_versions()
)


class IndexNotWritten(Exception):
    """Pagefind did not write a whole index ATTEMPTS times in a row."""


class LibraryNotWritten(Exception):
    """Pagefind's program could not write its library's files (what it said)."""


def add_filters(generator) -> None:
    """Give the templates their search filters and the other sites the search page searches too.

    ``soegeord``: the extra terms a text is found by; ``soegbar``: sections.py; ``SEARCH_SITES``:
    the sites of KB_SEARCH_SITES (the search page reads them), ``SEARCH_ORIGINS`` their origins (its
    Content-Security-Policy).
    """
    generator.env.filters["soegeord"] = search_terms
    generator.env.filters["soegbar"] = searchable
    sites = search_sites(setting(generator.settings, "KB_SEARCH_SITES"))[0]
    generator.env.globals["SEARCH_SITES"] = sites
    generator.env.globals["SEARCH_ORIGINS"] = origins(sites)


def write_index(site: Path, parts: list[Part], rest: list[str], build) -> int:
    """Index ``parts`` and then the pages ``rest`` of ``site``, and move the index into the site.

    Returns the number of pages indexed. Raises BuildSuperseded when the live preview has a newer
    change (checked before each index) and IndexNotWritten; either leaves the site as it was.
    """
    remove_left_over(site.parent, WORK_PREFIX)  # the folders of builds that were killed
    folder = new_folder(site.parent, WORK_PREFIX)
    try:
        own = _pagefind_library(build.cache)
        in_parts = _kept(own, UNUSED_IN_PARTS)
        indexes = [(folder / "dele" / part.name, part.pages, in_parts) for part in parts]
        indexes.append((folder / MAIN_PART, rest, _kept(own, UNUSED)))
        # A few at a time, each in a thread that waits for its own Pagefind process (RESULTS.md);
        # leaving the block waits for every one, and the first failure is raised.
        with ThreadPoolExecutor(max_workers=INDEXES_AT_ONCE) as pool:
            pages = sum(pool.map(lambda index: _index(site, *index, build), indexes))
        index = site / INDEX_DIR
        shutil.rmtree(index, ignore_errors=True)
        os.replace(folder / MAIN_PART, index)
        for part in parts:
            os.replace(folder / "dele" / part.name, index / part.name)
        write_manifest(index, [part.name for part in reversed(parts)])
        return pages
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _index(site: Path, target: Path, pages: list[str] | tuple[str, ...], kept: Library, build) -> int:
    """Index ``pages`` into ``target``, or take the index of the same pages from the cache; count them.

    ``kept``: the files of Pagefind's library this index keeps, and the patterns of those it does not.
    """
    if build.should_stop():
        raise BuildSuperseded(INDEX_DIR)
    cache: ContentCache | None = build.cache
    key = None
    if cache is not None:
        contents = (part for page in pages for part in (page, searched_bytes((site / page).read_bytes())))
        key = digest("soegeindeks", INDEXER_VERSION, *contents)
        found = cache.get(key)
        if _cached_index(found):
            # Kept only once checked whole (_run_pagefind), under this code and Pagefind's versions
            # (INDEXER_VERSION), in an entry whose digest the cache checks: not checked again.
            count, files = found
            _write_files(target, files)
            _write_files(target, kept.files)
            return count
    count = _run_pagefind(site, target, pages, kept)
    stabilise(target)
    if key is not None:
        # Not the library's files: they are written from Pagefind's own copy every time.
        paths = {path.relative_to(target).as_posix(): path for path in target.rglob("*") if path.is_file()}
        cache.put(
            key, (count, {name: path.read_bytes() for name, path in paths.items() if name not in kept.files})
        )
    return count


def _run_pagefind(site: Path, target: Path, pages, kept: Library) -> int:
    """Index ``pages`` with Pagefind into ``target`` until every file is whole (integrity.py)."""
    for _attempt in range(ATTEMPTS):
        # Never into a folder written before: Pagefind keeps a hashed file it finds, whole or not.
        shutil.rmtree(target, ignore_errors=True)
        failed = _pagefind(site, target, glob_of(pages))
        if failed:
            log.warning(
                "Pagefind kunne ikke skrive søgeindekset (%s: %s); det bygges igen.", target.name, failed
            )
            continue
        for pattern in kept.unused:
            for path in target.glob(pattern):
                path.unlink()
        _write_files(target, kept.files)  # Pagefind's own copy, not what reached the disk
        cut = unwritten(target, kept.unused)
        if not cut:
            return indexed_pages(target)
        log.warning("Søgeindekset blev ikke skrevet helt (%s: %s); det bygges igen.", target.name, cut[0])
    raise IndexNotWritten(target.name)


def _pagefind(site: Path, target: Path, glob: str) -> str:
    """Index the pages of ``site`` that ``glob`` matches into ``target``; what Pagefind said if it failed."""
    return _program({"site": str(site), "glob": glob, "output_path": str(target)})


def _program(settings: dict[str, str]) -> str:
    """Run Pagefind's program with ``settings``; what it said if it failed, else "".

    The program the Python API runs (``pagefind.service``), but on its own: the API waits up to a
    tenth of a second for each answer and stops the program as soon as it answers (integrity.py),
    and its one process costs 0.2 to 0.4 s more per index (RESULTS.md). Its settings are read from
    ``pagefind.json`` in the folder it runs in: a glob of many pages is too long for one argument.
    """
    program = get_executable()
    if program is None:
        return "programmet findes ikke (pagefind[bin] er ikke installeret)"
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        (Path(work) / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        command = [str(program), "--quiet"]
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return ""
    return (done.stderr or done.stdout).strip()[-500:] or f"slutkode {done.returncode}"


# The page Pagefind indexes once to write its library's files (library): no language, so that the
# WebAssembly it writes is the one for languages it has none of its own for.
_SCRATCH_PAGE = "<!DOCTYPE html><html><head><title>Bibliotek</title></head><body><p>Ord</p></body></html>"


@functools.cache
def library() -> dict[str, bytes]:
    """The files Pagefind writes the same for every index, by name (made once per process).

    Its program indexes a page of one word in a scratch folder; the library is what it writes beside
    that index's own files (the entry file, the metadata, the folders of fragments, words and filters).

    Raises:
        LibraryNotWritten: the program is missing or failed; what it said.

    """
    with tempfile.TemporaryDirectory(prefix="pagefind-bibliotek-") as scratch:
        site, target = Path(scratch) / "side", Path(scratch) / "indeks"
        site.mkdir()
        (site / "index.html").write_text(_SCRATCH_PAGE, encoding="utf-8")
        failed = _program({"site": str(site), "glob": "index.html", "output_path": str(target)})
        if failed:
            raise LibraryNotWritten(failed)
        return {
            path.name: path.read_bytes()
            for path in sorted(target.iterdir())
            if path.is_file() and path.name != ENTRY and path.suffix != ".pf_meta"
        }


# What Pagefind's library holds at least, whatever else its version writes: its script, its worker
# and the WebAssembly of languages it has no own for (integrity.py checks an index's own language).
LIBRARY_NEEDS = {"pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"}


class Library(NamedTuple):
    """The files of Pagefind's library an index keeps, by name, and the patterns of those it does not."""

    files: dict[str, bytes]
    unused: tuple[str, ...]


def _kept(own: dict[str, bytes], unused: tuple[str, ...]) -> Library:
    """The files of ``own`` (Pagefind's library) an index keeps: those no pattern of ``unused`` names."""
    return Library(
        {name: data for name, data in own.items() if not any(fnmatch(name, p) for p in unused)}, unused
    )


def _pagefind_library(cache: ContentCache | None) -> dict[str, bytes]:
    """Pagefind's own copy of its library files (:func:`library`), kept in the build's cache.

    Making them runs Pagefind once more; they change only with Pagefind (and this plugin's code),
    which the key names.
    """
    if cache is None:
        return library()
    key = digest("pagefind-bibliotek", INDEXER_VERSION)
    return cache.remembered(key, library, lambda found: _named_files(found) and set(found) >= LIBRARY_NEEDS)


def _cached_index(found) -> bool:
    """Whether a cache entry is an index as :func:`_index` keeps one: (count, {name: bytes})."""
    return (
        isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], int) and _named_files(found[1])
    )


def _named_files(found) -> bool:
    """Whether a cache entry is files by name: {name: bytes}."""
    return isinstance(found, dict) and all(
        isinstance(name, str) and isinstance(data, bytes) for name, data in found.items()
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
    """One build's search index: planned from the meetings read, written when every page is.

    Pelican gives a plugin the articles it read only through a generator's context, and the other
    generators write their pages after this one: so this generator plans the parts and writes the
    index on ``finalized``, connected to this instance (a weak reference, gone with the build).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._meetings: list[tuple[int, str]] | None = None
        signals.finalized.connect(self.finish)

    def generate_output(self, writer) -> None:
        """Note the meeting pages and their years, if this build writes the index."""
        if not setting(self.settings, "KB_BUILD").indexes:
            return
        articles = self.context.get("articles", [])
        self._meetings = [(article.date.year, article.save_as) for article in articles]

    def finish(self, pelican) -> None:
        """Index ``output/`` and move the index into it (finalized: every page is written)."""
        if pelican.settings is not self.settings or self._meetings is None:
            return  # another build's signal, or a build that writes no index
        meetings, self._meetings = self._meetings, None
        site = Path(self.output_path)
        meeting_pages = {page for _, page in meetings}
        names = (path.relative_to(site).as_posix() for path in site.rglob("*.html"))
        # The editor at admin/ is no page for readers: never in the search.
        others = sorted(name for name in names if name not in meeting_pages and not name.startswith("admin/"))
        others = marked_for_search(site, others)
        most = setting(self.settings, "KB_SEARCH_PART_PAGES")
        parts = []
        # Minutes that fit in one part stay in one index with the pages: one ranking for all.
        if len(plan_parts(meetings, most)) > 1:
            # The register pages of one year that the search indexes go with that year's minutes.
            of_year = self.context.get(YEAR_PAGES, {})
            parts = plan_parts(meetings + [(of_year[name], name) for name in others if name in of_year], most)
        in_parts = {page for part in parts for page in part.pages}
        rest = sorted(name for name in [*others, *meeting_pages] if name not in in_parts)
        try:
            pages = write_index(site, parts, rest, setting(self.settings, "KB_BUILD"))
        except IndexNotWritten as error:
            log.error("Søgeindekset blev ikke skrevet helt (%s); byg igen.", error)
            return
        except LibraryNotWritten as error:
            log.error(
                "Pagefind kunne ikke skrive søgningens egne filer (%s). Ret: installér projektet igen "
                "(slet mappen .venv og kør './run build' igen).",
                error,
            )
            return
        log.info("Søgeindeks: %d sider indekseret i %s/ (%d dele)", pages, INDEX_DIR, len(parts) + 1)


# A start tag with the attribute that marks what Pagefind indexes of a page.
_MARKED_BODY = re.compile(rb"<[a-zA-Z][^>]*\sdata-pagefind-body[\s=/>]")
# A navigation element marked for Pagefind to ignore (the theme never puts one inside another, nor
# writes one inside a comment or script), and what in one would still reach the index: Pagefind
# drops a nav's text, but not a page's first h1 (its title), an image, an id (a sub-result's
# anchor) or any other data-pagefind- attribute of it or inside it.
_IGNORED_NAV = re.compile(rb"<nav\b[^>]*\sdata-pagefind-ignore\b[^>]*>.*?</nav\s*>", re.DOTALL)
_RECORDED = re.compile(rb"data-pagefind-(?!ignore\b)|\sid\s*=|<(?:h1|img)\b", re.IGNORECASE)


def searched_bytes(page: bytes) -> bytes:
    """A page as far as its search index can differ: without the navigation Pagefind ignores.

    Each year page of the decision register lists every year with its count of decisions, so a new
    decision changes the bytes of all of them; their index, and the cache key of each part, stay.
    """
    return _IGNORED_NAV.sub(lambda nav: nav[0] if _RECORDED.search(nav[0]) else b"", page)


def marked_for_search(site: Path, names: list[str]) -> list[str]:
    """The pages of ``names`` that Pagefind indexes: those with ``data-pagefind-body``, if any has it.

    Pagefind leaves out every page without the attribute once one has it, but only after reading
    it; handing it the marked pages alone gives the same index without reading the others (the
    registers' pages by committee and by theme, most of the HTML that is not minutes).
    """
    marked = []
    for name in names:
        data = (site / name).read_bytes()
        if b"data-pagefind-body" in data and _MARKED_BODY.search(data):
            marked.append(name)
    return marked or names


def get_generators(pelican):
    """Add the search index generator."""
    return SearchIndexGenerator


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
