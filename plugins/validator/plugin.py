"""Collect every problem found while reading content, committees, themes and data; stop the build."""

from __future__ import annotations

from pelican import signals

from plugins.kb.problems import ContentError

# Settings that hold a registry with a ``problems`` list, filled on ``initialized``.
REGISTRIES = ("KB_COMMITTEES", "KB_THEMES", "KB_DATASETS")
_CONTENT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")


def stop_on_problems(generators) -> None:
    """Raise one ContentError listing all problems, sorted by file and line.

    all_generators_finalized runs after every file is read and before anything is written, so a
    failing build publishes nothing and the editor sees every problem at once.
    """
    settings = generators[0].settings
    problems = [p for key in REGISTRIES if key in settings for p in settings[key].problems]
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, []):
                problems += getattr(content, "kb_problems", [])
    if problems:
        raise ContentError(problems)


def register() -> None:
    """Connect the receivers."""
    signals.all_generators_finalized.connect(stop_on_problems)
