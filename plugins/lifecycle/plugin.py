"""Every build goes through Pelican's own run; the build's description (``KB_BUILD``) says what it writes.

A full build writes everything. The live preview's quick build reads and checks everything but
writes only the pages of the minutes that changed; a check stops once everything is read and
checked (plugins/validator). Pelican's writer is given the description's answer for each page and
feed; the plugins that write files of their own (registers, datasets, search) ask it too.

With a content cache, a page of the templates in CACHED_TEMPLATES is kept in it under the digest of
what it was made from (plugins/kb/storage/pageinputs.py), and written from it while that is unchanged
and what it asked while rendered (when its file last changed: plugins/kb/storage/asked.py) has the
same answers, without being rendered: an edited and committed minutes file renders its own page, its
neighbours' and the register pages that list it, not the whole archive.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import replace

from pelican import signals
from pelican.writers import FileOverwriteFailedError, Writer

from plugins.kb.build import BuildSuperseded, setting, settings_problems
from plugins.kb.problems import ContentError
from plugins.kb.storage.asked import recording, same_answers, storable
from plugins.kb.storage.cache import digest
from plugins.kb.storage.fingerprint import content_fingerprint
from plugins.kb.storage.pageinputs import PageInputs, Undescribed, content_digest
from plugins.kb.storage.paths import FileTree
from plugins.kb.storage.templates import CompiledTemplates

# The templates that read nothing but what they are handed, the settings, the registries (committees,
# themes, reports, datasets) and what they ask through plugins/kb/storage/asked.py (the history, the
# day): their pages are made from what pageinputs describes and those answers.
CACHED_TEMPLATES = frozenset({"meeting.html", "decisions.html", "organisation.html", "followups.html"})
# What the plugins link a minutes file or page to, which its page and the registers may show.
LINKED = (
    "previous_meeting",
    "next_meeting",
    "previous_chapter",
    "next_chapter",
    "related_items",
    "related_pages",
    "attachment_files",
)


class BuildWriter(Writer):
    """Pelican's writer, writing what this build writes (see the module docstring)."""

    def write_file(self, name, template, context, *args, **kwargs):
        """Write the file ``name``, if this build writes it."""
        build = setting(self.settings, "KB_BUILD")
        content = kwargs.get("article") or kwargs.get("page")
        writes = build.writes_everything or (
            content is not None and build.writes_page_of(getattr(content, "source_path", None))
        )
        if not writes:
            return
        key = self._page_key(name, template, args, kwargs)
        if key is None:
            super().write_file(name, template, context, *args, **kwargs)
            return
        if self._written_from_cache(name, key, template, context):
            return
        with recording() as questions:
            super().write_file(name, template, context, *args, **kwargs)
        if storable(questions):
            with open(os.path.join(self.output_path, name), "rb") as file:
                build.cache.put(key, (tuple(questions), zlib.compress(file.read(), 1)))

    def _page_key(self, name: str, template, args: tuple, kwargs: dict) -> str | None:
        """The cache's key for this page, or None if it is not kept (no cache, a template not cached)."""
        build = setting(self.settings, "KB_BUILD")
        if build.cache is None or args or template.name not in CACHED_TEMPLATES:
            return None
        if not hasattr(self, "_inputs"):
            self._inputs = _build_inputs(self.settings)
            self._contents: dict[int, str] = {}
            self._pages = PageInputs(self._content)
        try:
            return digest("side", self._inputs, name, template.name, self._pages.digest(kwargs))
        except Undescribed:
            return None

    def _content(self, content) -> str:
        """A content file's digest with what it is linked to, once per build.

        Raises:
            Undescribed: the file links with ``{attach}``, which only rendering it publishes.

        """
        if getattr(content, "kb_attaches", False):
            raise Undescribed("{attach}")
        found = self._contents.get(id(content))
        if found is None:
            found = self._contents[id(content)] = content_digest(content, LINKED)
        return found

    def _written_from_cache(self, name: str, key: str, template, context: dict) -> bool:
        """Write the page's bytes kept under ``key``, if the cache has them.

        Only while what the page asked as it was rendered (its files' history, the day: asked.py) has
        the same answers.
        """
        kept = setting(self.settings, "KB_BUILD").cache.get(key)
        if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], bytes)):
            return False
        questions, compressed = kept
        if not same_answers(questions, template.environment.globals):
            return False
        try:
            page = zlib.decompress(compressed)
        except zlib.error:
            return False
        path = os.path.join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(page)
        signals.content_written.send(path, context=context)
        return True

    def written(self) -> frozenset[str]:
        """The files this writer has written with Pelican's writer (not the pages written from the cache)."""
        return frozenset(self._written_files)

    def add_written(self, paths) -> None:
        """Count files a forked copy of this build wrote (plugins/lifecycle/fork.py) as written here.

        Raises:
            FileOverwriteFailedError: one was written here too, as Pelican's writer raises.

        """
        twice = self._written_files & set(paths)
        if twice:
            raise FileOverwriteFailedError(f'Failed to overwrite "{min(twice)}": written twice')
        self._written_files.update(paths)

    def write_feed(self, *args, **kwargs):
        """Write a feed, if this build writes everything (feeds list many meetings)."""
        if setting(self.settings, "KB_BUILD").writes_everything:
            return super().write_feed(*args, **kwargs)
        return None


# Not what every page is made from: where the build reads and writes, which its pages do not show (a
# build writes into a new folder); the history of content/ and the build's time, which change with
# every commit and day and which a page has only by asking (plugins/kb/storage/asked.py).
_NOT_INPUTS = {"OUTPUT_PATH", "CACHE_PATH", "KB_HISTORY", "SOURCE_DATE_EPOCH"}


def _build_inputs(settings: dict) -> str:
    """What every page of this build is made from: code, templates, registries, settings.

    Every setting that can be written out counts (the site's address, the editor's repository …). The
    history (a page's "Senest ændret") and the day (the calendar's "ahead" and "held") count for the
    pages that asked for them, with the answers they got: see ``BuildWriter._written_from_cache``.
    """
    described = []
    for name in sorted(set(settings) - _NOT_INPUTS):
        try:
            described.append(f"{name}={PageInputs(_no_content).digest({name: _as_input(settings[name])})}")
        except Undescribed:
            continue  # objects of the build itself (its cache, the stop event), functions
    return digest(content_fingerprint(settings), *described)


def _as_input(value):
    """A setting as far as every page is made from it.

    The tree of files counts for the files pages link and show (attachments, images, tables); the
    Markdown texts themselves count page by page (their ``kb_digest`` and what they are linked to),
    so that a new minutes file does not make every page of the site anew.
    """
    if isinstance(value, FileTree):
        return replace(value, files={name: disk for name, disk in value.files.items() if name[-3:] != ".md"})
    return value


def _no_content(content) -> str:
    raise Undescribed(type(content).__qualname__)


def check_settings(pelican) -> None:
    """Stop on an unknown or mistyped KB_ setting (initialized: before anything reads them)."""
    problems = settings_problems(pelican.settings)
    if problems:
        raise ContentError(problems)


def keep_compiled_templates(generator) -> None:
    """Keep the templates as Jinja compiled them in the content cache (generator_init: templates.py)."""
    cache = setting(generator.settings, "KB_BUILD").cache
    if cache is not None:
        generator.env.bytecode_cache = CompiledTemplates(cache, generator.settings["JINJA_ENVIRONMENT"])


def get_writer(pelican):
    """Use the build's writer (get_writer: Pelican's documented way to replace its writer)."""
    return BuildWriter


def stop_if_superseded(path, context) -> None:
    """Stop between two written files if the live preview has a newer change (content_written)."""
    if setting(context, "KB_BUILD").should_stop():
        raise BuildSuperseded(path)


def register() -> None:
    """Connect the receivers."""
    signals.initialized.connect(check_settings)
    signals.get_writer.connect(get_writer)
    signals.generator_init.connect(keep_compiled_templates)
    signals.content_written.connect(stop_if_superseded)
