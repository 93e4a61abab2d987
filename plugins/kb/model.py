"""Domain objects: committees, meetings, agenda items, labelled blocks, decisions, attachments, pages."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from zoneinfo import ZoneInfo

from plugins.kb.records import quick_pickle

UNKNOWN_ORGANISATION = "ikke angivet"
# The time every date and time of the content is in: the committees meet in Denmark.
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


class BlockKind(Enum):
    """The labels an agenda item's blocks may carry; values are the labels editors write."""

    SAGSFREMSTILLING = "Sagsfremstilling"
    INDSTILLING = "Indstilling"
    RESUME = "Resumé"
    DROEFTELSE = "Drøftelse"
    ORIENTERING = "Orientering"
    BESLUTNING = "Beslutning"
    BILAG = "Bilag"
    KOMMENTARER = "Kommentarer"


@quick_pickle
@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A meeting's start and end time of day."""

    start: dt.time
    end: dt.time


@quick_pickle
@dataclass(frozen=True, slots=True)
class Person:
    """A named person at a meeting; ``organisation`` is None where the minutes give none."""

    name: str
    organisation: str | None = None
    role: str | None = None

    @property
    def is_chair(self) -> bool:
        """Whether the minutes name this person the committee's chair ("Formand", "formand for LUU")."""
        return bool(self.role) and re.match(r"formand\b", self.role, re.IGNORECASE) is not None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment (bilag) of an agenda item, e.g. 'Bilag 3.1 Ansøgertal januar 2024'.

    ``path`` is the file the minutes link, relative to ``content/``
    (``bilag/2023-11-27-luu-sosu-amu/ansoegertal.pdf``), or None when they only name it. ``number`` is
    None for a linked file the minutes list without a number.
    """

    number: str | None
    title: str
    path: str | None = None

    @property
    def label(self) -> str:
        """Return the attachment's name as a list shows it: 'Bilag 3.1 Ansøgertal januar 2024'."""
        return f"Bilag {self.number} {self.title}" if self.number else self.title


@quick_pickle
@dataclass(frozen=True, slots=True)
class AttachmentFile:
    """What a build finds in an attachment's file: its type, its size, and its text for the search.

    ``text`` is None when the type has no text to index (Excel, images) or the file cannot be read
    (encrypted, scanned).
    """

    kind: str  # as the meeting page names it: 'PDF', 'Word', 'Excel' …
    size: int  # bytes
    text: str | None = None


# Fixed ids of the meeting page (theme/templates/meeting.html and base.html).
PAGE_ANCHORS = ("indhold", "deltagere", "dagsorden", "beslutninger")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Block:
    """A labelled block of an agenda item; ``labels`` is empty for unlabelled text."""

    labels: tuple[BlockKind, ...]
    qualifier: str
    anchor: str
    html: str
    # A Bilag block that links files, as the page shows it in the order written: rendered text, and
    # runs of linked attachments, listed with their type and size. Empty for every other block.
    parts: tuple[str | tuple[Attachment, ...], ...] = ()

    @property
    def heading(self) -> str:
        """Return the label as the minutes write it, e.g. 'Resumé, oplæg v/ Anne-Mette'."""
        text = "/".join(kind.value for kind in self.labels)
        return f"{text}, {self.qualifier}" if self.qualifier else text

    @property
    def is_decision(self) -> bool:
        """Whether this block records a decision."""
        return BlockKind.BESLUTNING in self.labels


@quick_pickle
@dataclass(frozen=True, slots=True)
class Decision:
    """A labelled decision (Beslutning) of one agenda item."""

    item_number: int
    item_title: str
    anchor: str
    html: str
    themes: tuple[str, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One numbered agenda item, addressable as ``#punkt-N``."""

    number: int
    title: str
    blocks: tuple[Block, ...]
    attachments: tuple[Attachment, ...]
    themes: tuple[str, ...] = ()  # slugs of the site's themes, from the front matter's 'temaer'
    # Compound parts and abbreviations of its title, labels and text, indexed beside them (searchterms.py).
    search_terms: tuple[str, ...] = ()
    # The item's labelled decisions, made once: the registers and the pages read them many times,
    # and the same objects let a page's inputs be described once each (pageinputs.py).
    decisions: tuple[Decision, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        decisions = tuple(
            Decision(self.number, self.title, block.anchor, block.html, self.themes)
            for block in self.blocks
            if block.is_decision
        )
        object.__setattr__(self, "decisions", decisions)

    @property
    def anchor(self) -> str:
        """Return the item's fragment id."""
        return f"punkt-{self.number}"

    @property
    def attachment_paths(self) -> tuple[str, ...]:
        """Return the files the item's attachments link, each once, in order."""
        return tuple(dict.fromkeys(a.path for a in self.attachments if a.path))

    @property
    def has_attachment_block(self) -> bool:
        """Whether the item has a block labelled 'Bilag' that lists its attachments itself."""
        return any(BlockKind.BILAG in block.labels for block in self.blocks)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Section:
    """An unnumbered section after the agenda, e.g. 'Mødedatoer 2019'."""

    title: str
    anchor: str
    html: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class Meeting:
    """The minutes of one meeting, parsed from front matter and body."""

    committee: str
    date: dt.date
    time: TimeSpan
    place: str
    chair: Person
    secretary: Person
    participants: tuple[Person, ...]
    advisers: tuple[Person, ...]
    absentees: tuple[Person, ...]
    intro_html: str
    agenda: tuple[AgendaItem, ...]
    appendix: tuple[Section, ...] = ()
    title: str | None = None
    date_note: str | None = None
    theme: str | None = None
    tags: tuple[str, ...] = ()
    approved: str | None = None
    # Every labelled decision, in agenda order (made once, as AgendaItem.decisions).
    decisions: tuple[Decision, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "decisions", tuple(d for item in self.agenda for d in item.decisions))

    @property
    def attachments(self) -> tuple[Attachment, ...]:
        """Return every attachment named in the agenda, in agenda order."""
        return tuple(attachment for item in self.agenda for attachment in item.attachments)

    @property
    def attachment_paths(self) -> tuple[str, ...]:
        """Return the files the agenda's attachments link, each once, in agenda order."""
        return tuple(dict.fromkeys(path for item in self.agenda for path in item.attachment_paths))

    @property
    def anchors(self) -> set[str]:
        """Return every fragment a link to the meeting page can name (``punkt-3``, ``deltagere`` …)."""
        found = set(PAGE_ANCHORS)
        for item in self.agenda:
            found.add(item.anchor)
            found.update(block.anchor for block in item.blocks if block.anchor)
        found.update(section.anchor for section in self.appendix)
        return found


@quick_pickle
@dataclass(frozen=True, slots=True)
class PlannedMeeting:
    """A planned meeting date of a committee."""

    date: dt.date
    time: TimeSpan | None
    place: str | None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Theme:
    """One theme of the site's small, curated taxonomy (``content/temaer/<slug>.yml``)."""

    slug: str
    name: str
    description: str


@quick_pickle
@dataclass(frozen=True, slots=True)
class OrganisationNames:
    """One organisation and every name the minutes write it with (``content/organisationer/<slug>.yml``).

    ``lines``: the line of each of ``names`` in the file, for messages (empty when not read from one).
    """

    slug: str
    name: str
    also_written: tuple[str, ...] = ()
    lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the minutes may write it with, its own first."""
        return (self.name, *self.also_written)

    def line_of(self, name: str) -> int:
        """The line of ``name`` in the organisation's file, or 0 if it is not known."""
        return dict(zip(self.names, self.lines, strict=False)).get(name, 0)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Report:
    """A report carried whole, in chapters (``content/rapporter/<slug>/rapport.yml``)."""

    slug: str
    title: str
    publisher: str
    year: str
    source_document: str
    source_note: str | None = None
    summary: str | None = None
    themes: tuple[str, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Committee:
    """A committee (udvalg) whose minutes the site holds."""

    slug: str
    name: str
    description: str
    planned: tuple[PlannedMeeting, ...] = ()
    standing_items: tuple[str, ...] = ()  # agenda items every meeting has ('faste_punkter')

    def ahead(self, day: dt.date) -> list[PlannedMeeting]:
        """The planned meetings on ``day`` or later, first first."""
        return sorted((meeting for meeting in self.planned if meeting.date >= day), key=lambda m: m.date)

    def passed(self, day: dt.date) -> list[PlannedMeeting]:
        """The planned meetings before ``day``, newest first."""
        return sorted(
            (meeting for meeting in self.planned if meeting.date < day), key=lambda m: m.date, reverse=True
        )

    def is_standing(self, title: str) -> bool:
        """Whether an agenda item is one of the standing ones ("Punkter til næste møde (9. december …)").

        The title is one of them, or starts with one followed by a character that is not a letter.
        """
        return bool(self.standing_items) and bool(_standing(self.standing_items).match(title.casefold()))


@functools.cache
def _standing(items: tuple[str, ...]) -> re.Pattern:
    """A pattern for titles that are one of ``items`` (is_standing): made once, asked of every item."""
    return re.compile("(?:" + "|".join(re.escape(item.casefold()) for item in items) + r")(?:\W|\Z)")


@quick_pickle
@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A page of text (``content/sider/``): its metadata and its Markdown body, not yet rendered.

    slug: its address in its section (a guide or report chapter's file name without its number).
    kind: the Danish name of its type ("Side", "Pilotprojekt" …). body_line: the line of the file
    the body starts on, for messages about the body.
    """

    title: str
    slug: str
    kind: str
    body: str
    body_line: int
    themes: tuple[str, ...] = ()
    summary: str | None = None


@quick_pickle
@dataclass(frozen=True, slots=True, kw_only=True)
class GuideChapter(Page):
    """A chapter of the guide "Veje til den gode praktik" (``content/guide/``)."""

    number: int
    roles: tuple[str, ...]


@quick_pickle
@dataclass(frozen=True, slots=True, kw_only=True)
class ReportChapter(Page):
    """A chapter of a report carried whole (``content/rapporter/<report>/``).

    folder: the report folder the file lies in, when it does (then its address is inside the
    report's); number_line: the line of its ``kapitel``, for the check that numbers are unique.
    """

    report: str
    number: int
    folder: str | None
    number_line: int | None


def by_organisation(people: tuple[Person, ...]) -> list[tuple[str | None, list[Person]]]:
    """Group people by organisation in order of first appearance; people without one come last."""
    groups: dict[str | None, list[Person]] = {}
    for person in people:
        groups.setdefault(person.organisation, []).append(person)
    known = [(org, members) for org, members in groups.items() if org is not None]
    return known + ([(None, groups[None])] if None in groups else [])
