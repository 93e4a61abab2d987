"""Pelican glue for minutes: the reader, committees and meeting neighbours."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals

from plugins.kb.model import Committee
from plugins.kb.parse import parse_committee
from plugins.kb.problems import Problem

from .reader import ContentReader

COMMITTEES_DIR = "udvalg"


@dataclass(slots=True)
class Committees:
    """The committees read from ``content/udvalg/*.yml`` and the problems found in them."""

    by_slug: dict[str, Committee] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Committees whose file has problems: minutes naming them are not reported a second time.
    broken: set[str] = field(default_factory=set)

    @property
    def known(self) -> set[str]:
        """Return every committee slug that has a file, valid or not."""
        return set(self.by_slug) | self.broken


def load_committees(pelican) -> None:
    """Read committee files once per build (initialized: before any reader needs them)."""
    content_root = Path(pelican.settings["PATH"])
    committees = Committees()
    for path in sorted((content_root / COMMITTEES_DIR).glob("*.yml")):
        source = path.relative_to(content_root.parent).as_posix()
        committee, problems = parse_committee(path.read_text(encoding="utf-8"), path.stem, source)
        committees.problems += problems
        if committee:
            committees.by_slug[committee.slug] = committee
        else:
            committees.broken.add(path.stem)
    pelican.settings["KB_COMMITTEES"] = committees


def add_reader(readers) -> None:
    """Use our front-matter reader for .md files (readers_init: the reader table exists)."""
    readers.reader_classes["md"] = ContentReader


def link_meetings(generators) -> None:
    """Expose committees to templates and link each meeting to its neighbours in the committee.

    all_generators_finalized: every meeting has been read, nothing has been written yet.
    """
    context = generators[0].context
    context["committees"] = context["KB_COMMITTEES"].by_slug
    by_committee: dict[str, list] = {}
    for article in sorted(context.get("articles", []), key=lambda a: a.date):
        by_committee.setdefault(article.category.slug, []).append(article)
    for meetings in by_committee.values():
        for before, after in zip(meetings, meetings[1:], strict=False):
            before.next_meeting, after.previous_meeting = after, before


def register() -> None:
    """Connect the receivers."""
    signals.initialized.connect(load_committees)
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(link_meetings)
