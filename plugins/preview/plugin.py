"""Quick rebuilds for the live preview: when only minutes changed, write only their pages.

The preview sets ``KB_WRITE_ONLY`` to the minutes files that changed. Such a build reads everything
as usual (the reader keeps the minutes it parsed before, ``KB_KEEP_PARSED``) and checks everything,
but writes only the changed meetings' pages: no listings, registers, feeds or search index. Once the
editor pauses, the preview follows with a full build that brings those up to date.
"""

from __future__ import annotations

import os

from pelican import signals


class BuildSuperseded(Exception):
    """A file changed while the preview was building: the build stops for a newer one.

    The preview sets ``KB_STOP`` to an event that its file watcher sets. A full build writes into a
    folder of its own, so stopping leaves the site being shown as it was.
    """


def superseded(settings: dict) -> bool:
    """Whether a newer change waits for this build to stop (always False outside the preview)."""
    stop = settings.get("KB_STOP")
    return stop is not None and stop.is_set()


def stop_if_superseded(path, context) -> None:
    """Stop between two written pages if a newer change waits (content_written)."""
    if superseded(context):
        raise BuildSuperseded(path)


def writes_only_some(settings: dict) -> bool:
    """Whether this build writes only the pages of changed minutes (a quick preview build)."""
    return settings.get("KB_WRITE_ONLY") is not None


def select_output(generators) -> None:
    """Select the pages of the changed minutes (all_generators_finalized: every page is known)."""
    settings = generators[0].settings
    if writes_only_some(settings):
        changed = {os.path.realpath(path) for path in settings["KB_WRITE_ONLY"]}
        articles = generators[0].context.get("articles", [])
        settings["KB_SELECTED_OUTPUT"] = {
            article.save_as for article in articles if os.path.realpath(article.source_path) in changed
        }


def register() -> None:
    """Connect the receivers."""
    signals.all_generators_finalized.connect(select_output)
    signals.content_written.connect(stop_if_superseded)
