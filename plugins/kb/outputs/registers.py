"""Registers drawn from the parsed minutes: follow-ups and organisations. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from plugins.kb.metadata.values import heading_id
from plugins.kb.model import AgendaItem, Meeting, OrganisationNames
from plugins.kb.records import quick_pickle

# An agenda item that lists what the next meeting should take up.
NEXT_MEETING_ITEM = re.compile(r"^punkter til næste møde\b", re.IGNORECASE)
# A sentence that sends an item on to a later meeting: "Punktet skal med igen i 2022.",
# "Punktet skal på igen …", "… – udskydes til næste møde."
RETURNS = re.compile(r"\bskal (?:med|på) igen\b|\budskydes til (?:næste|et senere) møde\b", re.IGNORECASE)
# A word every such sentence has: a block without one is not split into passages at all.
_MAY_RETURN = re.compile(r"igen|udskydes", re.IGNORECASE)
# Where a paragraph, list item or line of the rendered Markdown ends.
PASSAGE_END = re.compile(r"</p>|</li>|<br\s*/?>|<[uo]l>", re.IGNORECASE)


@quick_pickle
@dataclass(frozen=True, slots=True)
class FollowUp:
    """Something the minutes say a later meeting should take up.

    ``html`` is the whole item for a "Punkter til næste møde" item; ``sentence`` is the quoted
    passage for an item marked to return.
    """

    item: AgendaItem
    html: Markup | None = None
    passage: str | None = None


def passages(html: str) -> list[str]:
    """The paragraphs, list items and lines of rendered Markdown as plain text."""
    parts = (Markup(part).striptags() for part in PASSAGE_END.split(html))
    return [part for part in parts if part]


def returning_passages(item: AgendaItem) -> list[str]:
    """The passages of an item that send it on to a later meeting, verbatim.

    A whole paragraph or list item is quoted rather than a sentence: abbreviations such as "ift."
    and "bl.a." make sentence ends in minutes unreliable.
    """
    return [
        text
        for block in item.blocks
        if _MAY_RETURN.search(block.html)
        for text in passages(block.html)
        if RETURNS.search(text)
    ]


def follow_ups(meeting: Meeting) -> list[FollowUp]:
    """The meeting's follow-ups in agenda order."""
    found = []
    for item in meeting.agenda:
        if NEXT_MEETING_ITEM.match(item.title):
            found.append(FollowUp(item, html=Markup("").join(Markup(block.html) for block in item.blocks)))
            continue
        found += [FollowUp(item, passage=text) for text in returning_passages(item)]
    return found


@dataclass(slots=True)
class Organisation:
    """An organisation named in the participant lists, with the meetings it attended or missed.

    ``written``: every name the minutes write it with (more than its name when an organisation file,
    content/organisationer/, gathers several). ``from_file``: it has such a file, named by its slug.
    """

    name: str
    attended: list = field(default_factory=list)
    absent: list = field(default_factory=list)
    # The folder of its own pages, "ringkoebing-skjern-kommune"; unique among the organisations.
    slug: str = ""
    written: set[str] = field(default_factory=set)
    from_file: bool = False

    @property
    def also_written(self) -> list[str]:
        """The other names the minutes write it with, in Danish order."""
        return sorted(self.written - {self.name}, key=danish_sort_key)

    @property
    def anchor(self) -> str:
        """An id for the organisation's entry on the index page."""
        return "org-" + re.sub(r"[^a-z0-9æøå]+", "-", self.name.lower()).strip("-")


def organisations(
    meetings: list, key=lambda meeting: meeting, names: Mapping[str, OrganisationNames] | None = None
) -> list[Organisation]:
    """Every organisation of the meetings' participants, advisers, chairs, referents and absentees.

    ``meetings`` may be any objects; ``key`` returns each one's :class:`Meeting`. ``names``: the
    organisation each name the minutes write stands for (content/organisationer/); a name not in it
    is an organisation of its own. An organisation is listed once per meeting, as attending if
    anyone from it was present. People whose organisation the minutes do not name are left out.
    Sorted by name in Danish order.
    """
    names = names or {}
    found: dict[str, Organisation] = {}

    def named(written: str) -> str:
        """The name of the organisation the minutes mean by ``written``, gathered with its names."""
        known = names.get(written)
        name = known.name if known else written
        if name not in found:
            found[name] = Organisation(name, slug=known.slug if known else "", from_file=known is not None)
        found[name].written.add(written)
        return name

    for entry in meetings:
        meeting = key(entry)
        people = (*meeting.participants, *meeting.advisers, meeting.chair, meeting.secretary)
        present = {named(person.organisation) for person in people if person.organisation}
        away = {named(person.organisation) for person in meeting.absentees if person.organisation} - present
        for name in present:
            found[name].attended.append(entry)
        for name in away:
            found[name].absent.append(entry)
    for organisation in found.values():
        organisation.attended.sort(key=lambda entry: key(entry).date, reverse=True)
        organisation.absent.sort(key=lambda entry: key(entry).date, reverse=True)
    listed = sorted(found.values(), key=lambda organisation: danish_sort_key(organisation.name))
    # An organisation file's name is its folder; the others take theirs from their name.
    taken: set[str] = {organisation.slug for organisation in listed if organisation.slug}
    for organisation in listed:
        if organisation.slug:
            continue
        slug = base = heading_id(organisation.name) or "organisation"
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        organisation.slug = slug
    return listed


_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def danish_sort_key(text: str) -> str:
    """Sort æ, ø and å after z, as Danish does, ignoring case."""
    return text.lower().translate(_DANISH_ORDER)


# A register's first page shows this many of the newest entries; each year has its own pages of at
# most PER_PAGE entries, so that no page grows with the archive.
NEWEST = 50
PER_PAGE = 100
# The key of the build context's {file: year} of every register page of one year, which the search
# indexes with the minutes of that year when it indexes the page at all (plugins/search/parts.py).
YEAR_PAGES = "register_year_pages"


@dataclass(frozen=True, slots=True)
class RegisterPage:
    """One page of a register split by year.

    ``folder`` is relative to the register's own folder: "" for its first page (the newest entries),
    "2024/" for a year, "2024/side-2/" for the second page of a year.
    """

    folder: str
    year: int | None
    number: int
    pages_in_year: int
    entries: tuple


def year_pages(entries: list, year_of, newest: int = NEWEST, per_page: int = PER_PAGE) -> list[RegisterPage]:
    """Split ``entries`` (newest first) into the register's first page and pages per year."""
    pages = [RegisterPage("", None, 1, 1, tuple(entries[:newest]))]
    by_year: dict[int, list] = {}
    for entry in entries:
        by_year.setdefault(year_of(entry), []).append(entry)
    for year, in_year in by_year.items():
        chunks = [in_year[start : start + per_page] for start in range(0, len(in_year), per_page)]
        for number, chunk in enumerate(chunks, 1):
            folder = f"{year}/" if number == 1 else f"{year}/side-{number}/"
            pages.append(RegisterPage(folder, year, number, len(chunks), tuple(chunk)))
    return pages


def year_counts(entries: list, year_of) -> list[tuple[int, int]]:
    """Each year of ``entries`` (newest first) with how many entries it has."""
    counts: dict[int, int] = {}
    for entry in entries:
        counts[year_of(entry)] = counts.get(year_of(entry), 0) + 1
    return list(counts.items())
