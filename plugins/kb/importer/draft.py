"""What the importer reads from minutes, before it is written as a minutes file (pure data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Doubt:
    """Something the reading is unsure of: what, and how the editor settles it."""

    message: str
    hint: str


@dataclass(slots=True)
class Person:
    """A person as the minutes name them."""

    name: str
    organisation: str | None = None
    role: str | None = None
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A labelled block of an item (``label`` None for text before the first label) as Markdown lines."""

    label: str | None
    lines: list[str] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A numbered agenda item."""

    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    """Everything read from the minutes, before it is written as a minutes file."""

    title: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_has_year: bool = True
    time: tuple[str, str] | None = None
    place: str | None = None
    theme: str | None = None
    chair: Person | None = None
    secretary: Person | None = None
    groups: dict[str, list[Person]] = field(default_factory=dict)
    intro: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    doubts: dict[str, list[Doubt]] = field(default_factory=dict)  # by front-matter key
    unplaced_attachments: list[tuple[str, str]] = field(default_factory=list)  # (file name, link)
    source_doubts: list[Doubt] = field(default_factory=list)  # about the file read as a whole

    def doubt(self, key: str, message: str, hint: str) -> None:
        """Record a doubt about a front-matter field."""
        self.doubts.setdefault(key, []).append(Doubt(message, hint))
