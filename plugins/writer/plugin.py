"""Pelican's writer, writing the meeting pages on every core.

In a quick preview build it writes only the pages that build selected (plugins/preview).

Rendering a meeting page (Jinja) is the larger half of writing a site with many minutes, and Pelican
does it on one core. Here the meeting pages are set aside as Pelican hands them over and, once all
are known (article_writer_finalized), written by this process and a forked copy of it, every other
page each. Below ``KB_PARALLEL_MIN`` pages, with one core, or when the process runs other threads (the
live preview serves pages while it builds; forking a process with threads is unsafe), they are
written one by one as before.
"""

from __future__ import annotations

import os
import threading
import traceback

from pelican import signals
from pelican.writers import Writer

from plugins.minutes.parallel import worth_splitting
from plugins.preview.plugin import writes_only_some


class KbWriter(Writer):
    """See the module docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._meeting_pages: list[tuple] = []

    def write_file(self, name, template, context, *args, **kwargs):
        """Write ``name`` now, later with the other meeting pages, or (quick build) not at all."""
        if writes_only_some(self.settings) and name not in self.settings["KB_SELECTED_OUTPUT"]:
            return
        if "article" in kwargs and not writes_only_some(self.settings):
            self._meeting_pages.append((name, template, context, args, kwargs))
            return
        super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        """Write a feed, except in a quick build: feeds list many meetings and wait for the full one."""
        if not writes_only_some(self.settings):
            super().write_feed(*args, **kwargs)

    def write_meeting_pages(self) -> None:
        """Write the meeting pages set aside, on two cores when that pays (see the module docstring)."""
        pages, self._meeting_pages = self._meeting_pages, []
        if not worth_splitting(self.settings, len(pages)) or threading.active_count() > 1:
            self._write_all(pages)
            return
        child = os.fork()
        if child == 0:  # the copy: write every other page, then leave without cleaning up
            code = 1
            try:
                self._write_all(pages[0::2])
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        self._write_all(pages[1::2])
        _, status = os.waitpid(child, 0)
        if status != 0:
            raise RuntimeError("Mødesiderne kunne ikke skrives (se fejlen ovenfor).")

    def _write_all(self, pages: list[tuple]) -> None:
        for name, template, context, args, kwargs in pages:
            super().write_file(name, template, context, *args, **kwargs)


def get_writer(pelican):
    """Use this writer for every build."""
    return KbWriter


def write_meeting_pages(generator, writer) -> None:
    """Write the meeting pages (article_writer_finalized: Pelican has handed them all over)."""
    if isinstance(writer, KbWriter):
        writer.write_meeting_pages()


def register() -> None:
    """Connect the receivers."""
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(write_meeting_pages)
