"""Pelican glue for minutes: the reader, committees and meeting neighbours."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals

from plugins.kb.content.links import static_targets
from plugins.kb.content.parse import parse_committee, parse_theme
from plugins.kb.content.reports import parse_report
from plugins.kb.metadata.textfile import read_text
from plugins.kb.model import Committee, Report, Theme
from plugins.kb.problems import Problem

from .intrasite import intrasite
from .reader import MINUTES_DIR, REPORTS_DIR, ContentReader

COMMITTEES_DIR = "udvalg"
THEMES_DIR = "temaer"


@dataclass(slots=True)
class Registry:
    """Committees, themes or reports (``content/udvalg/*.yml`` …) and their problems."""

    by_slug: dict[str, Committee | Theme | Report] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files with problems: content naming them is not reported a second time.
    broken: set[str] = field(default_factory=set)

    @property
    def known(self) -> set[str]:
        """Return every slug that has a file, valid or not."""
        return set(self.by_slug) | self.broken


def _load(content_root: Path, pattern: str, parse, slug_of=lambda path: path.stem) -> Registry:
    registry = Registry()
    for path in sorted(content_root.glob(pattern)):
        source = path.relative_to(content_root.parent).as_posix()
        text, problems = read_text(path, source)
        entry, problems = parse(text, slug_of(path), source) if text is not None else (None, problems)
        registry.problems += problems
        if entry:
            registry.by_slug[entry.slug] = entry
        else:
            registry.broken.add(slug_of(path))
    return registry


def read_committees(content_root: Path) -> Registry:
    """Read ``content/udvalg/*.yml``."""
    return _load(content_root, f"{COMMITTEES_DIR}/*.yml", parse_committee)


def load_committees(pelican) -> None:
    """Read committee, theme and report files once per build (initialized: before any reader needs them)."""
    content_root = Path(pelican.settings["PATH"])
    pelican.settings["KB_COMMITTEES"] = read_committees(content_root)
    themes = pelican.settings["KB_THEMES"] = _load(content_root, f"{THEMES_DIR}/*.yml", parse_theme)

    def parse(text: str, slug: str, source: str):
        return parse_report(text, slug, source, themes.known)

    pelican.settings["KB_REPORTS"] = _load(
        content_root, f"{REPORTS_DIR}/*/rapport.yml", parse, slug_of=lambda path: path.parent.name
    )


def add_reader(readers) -> None:
    """Use our front-matter reader for .md files (readers_init: the reader table exists)."""
    readers.reader_classes["md"] = ContentReader


def prefetch_minutes(generator) -> None:
    """Start parsing the minutes on every core (article_generator_init: before any is read)."""
    reader = generator.readers.readers.get("md")
    if isinstance(reader, ContentReader):
        settings = generator.settings
        files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
        reader.prefetch(
            sorted(
                os.path.join(generator.path, name)
                for name in files
                if name.endswith(".md") and Path(name).parts[0] == MINUTES_DIR
            )
        )


def close_pool(generator) -> None:
    """Close the reader's worker processes (article_generator_finalized: every minutes file is read)."""
    reader = generator.readers.readers.get("md")
    if isinstance(reader, ContentReader):
        reader.finish()


def link_meetings(generators) -> None:
    """Expose committees to templates and link each meeting to its neighbours in the committee.

    all_generators_finalized: every meeting has been read, nothing has been written yet.
    """
    context = generators[0].context
    context["committees"] = context["KB_COMMITTEES"].by_slug
    context["themes"] = context["KB_THEMES"].by_slug
    context["reports"] = context["KB_REPORTS"].by_slug
    by_committee: dict[str, list] = {}
    for article in sorted(context.get("articles", []), key=lambda a: a.date):
        by_committee.setdefault(article.category.slug, []).append(article)
    for meetings in by_committee.values():
        for before, after in zip(meetings, meetings[1:], strict=False):
            before.next_meeting, after.previous_meeting = after, before


def add_filters(generator) -> None:
    """Add the ``intrasite`` filter (generator_init: the Jinja environment exists)."""
    generator.env.filters["intrasite"] = intrasite


def add_static_links(generator) -> None:
    """Publish the images and files that minutes link with ``{static}``.

    Pelican finds these in a page's body; a meeting's body is its blocks, so they are added here
    (article_generator_finalized: before the static generator collects its files).
    """
    content_root = Path(generator.settings["PATH"])
    for article in generator.articles + generator.drafts:
        if getattr(article, "meeting", None) is not None:
            folder = Path(article.source_path).parent.relative_to(content_root).as_posix()
            generator.context["static_links"] |= static_targets(article.kb_links, folder)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(add_static_links)
    signals.article_generator_finalized.connect(close_pool)
    signals.initialized.connect(load_committees)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch_minutes)
    signals.all_generators_finalized.connect(link_meetings)
