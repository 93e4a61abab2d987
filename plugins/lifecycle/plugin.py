"""Every build goes through Pelican's own run; the build's description (``KB_BUILD``) says what it writes.

A full build writes everything. The live preview's quick build reads and checks everything but
writes only the pages of the minutes that changed; a check stops once everything is read and
checked (plugins/validator). Pelican's writer is given the description's answer for each page and
feed; the plugins that write files of their own (registers, datasets, search) ask it too.
"""

from __future__ import annotations

from pelican import signals
from pelican.writers import Writer

from plugins.kb.build import BuildSuperseded, setting, settings_problems
from plugins.kb.problems import ContentError


class BuildWriter(Writer):
    """Pelican's writer, writing what this build writes (see the module docstring)."""

    def write_file(self, name, template, context, *args, **kwargs):
        """Write the file ``name``, if this build writes it."""
        build = setting(self.settings, "KB_BUILD")
        content = kwargs.get("article") or kwargs.get("page")
        writes = build.writes_everything or (
            content is not None and build.writes_page_of(getattr(content, "source_path", None))
        )
        if writes:
            super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        """Write a feed, if this build writes everything (feeds list many meetings)."""
        if setting(self.settings, "KB_BUILD").writes_everything:
            return super().write_feed(*args, **kwargs)
        return None


def check_settings(pelican) -> None:
    """Stop on an unknown or mistyped KB_ setting (initialized: before anything reads them)."""
    problems = settings_problems(pelican.settings)
    if problems:
        raise ContentError(problems)


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
    signals.content_written.connect(stop_if_superseded)
