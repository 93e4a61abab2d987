"""The open-data export of the minutes: plain JSON records, named after OParl where it has a term.

OParl (oparl.org) is the open standard for council information systems; its ``Meeting`` has a
``name``, ``start``, ``end``, ``location``, ``organization`` and ``agendaItem``s with a ``number``,
``name``, ``resolutionText`` and ``auxiliaryFile``s. People are not exported, only organisations.
The schema is ``schemas/moeder.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from markupsafe import Markup

from plugins.kb.model import DANISH_TIME, AgendaItem, Committee, Meeting, TimeSpan

SCHEMA_VERSION = "1.0"


def _moment(date: dt.date, time: dt.time) -> str:
    return dt.datetime.combine(date, time, DANISH_TIME).isoformat()


def _times(date: dt.date, span: TimeSpan | None) -> dict:
    if span is None:
        return {}
    return {"start": _moment(date, span.start), "end": _moment(date, span.end)}


def _text(html: str) -> str:
    return Markup(html).striptags()


def agenda_item(item: AgendaItem, url: str) -> dict:
    """One agenda item with its labelled blocks, decisions and attachments."""
    return {
        "id": f"{url}#{item.anchor}",
        "number": str(item.number),
        "name": item.title,
        "blocks": [
            {
                "labels": [label.value for label in block.labels],
                "qualifier": block.qualifier or None,
                "text": _text(block.html),
            }
            for block in item.blocks
        ],
        "resolutionText": [_text(decision.html) for decision in item.decisions],
        "auxiliaryFile": [
            {"number": attachment.number, "name": attachment.title} for attachment in item.attachments
        ],
    }


def meeting_record(meeting: Meeting, committee: Committee, url: str) -> dict:
    """One meeting; ``url`` is its page's path from the site root."""
    present = [person.organisation for person in (*meeting.participants, *meeting.advisers)]
    absent = [person.organisation for person in meeting.absentees]
    return {
        "id": url,
        "name": f"{committee.name}, {meeting.date.isoformat()}",
        "date": meeting.date.isoformat(),
        "dateNote": meeting.date_note,
        **_times(meeting.date, meeting.time),
        "location": {"description": meeting.place},
        "organization": {"id": committee.slug, "name": committee.name},
        "participantOrganizations": sorted({name for name in present if name}),
        "absentOrganizations": sorted({name for name in absent if name}),
        "agendaItem": [agenda_item(item, url) for item in meeting.agenda],
    }


def meeting_order(meeting: Meeting, committee: Committee) -> tuple[str, str]:
    """Where a meeting's record stands in the export, oldest first: its ``date``, its ``organization``."""
    return meeting.date.isoformat(), committee.slug


def export_text(records: Iterable[str]) -> Iterator[str]:
    """The export of ``records``, each as its JSON text (record_text), given in meeting_order, in pieces.

    One meeting at a time, so a large archive's records need not all be in memory at once.
    """
    yield f'{{"schemaVersion":{record_text(SCHEMA_VERSION)},"meetings":['
    for index, record in enumerate(records):
        yield ("," if index else "") + record
    yield "]}\n"


def record_text(value) -> str:
    """A record (or any value) as compact JSON: the C encoder is many times faster than indented output."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
