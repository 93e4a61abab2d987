"""The text of a new, empty minutes file for one committee and day (``praktikviden new referat``)."""

from __future__ import annotations

import datetime as dt

from plugins.kb.model import Committee
from plugins.kb.outputs.formatting import format_time


def minutes_file_name(committee: Committee, date: dt.date) -> str:
    """Return the file name minutes of this meeting have, e.g. ``2024-09-16-luu-pa-amu.md``."""
    return f"{date.isoformat()}-{committee.slug}.md"


def minutes_template(committee: Committee, date: dt.date) -> str:
    """Return a minutes file with front matter and the committee's standing agenda items.

    Time and place come from the committee's planned meeting that day, if there is one. Fields the
    editor must fill in are left empty, so that ``check`` lists exactly what is still missing and
    an unfinished file can never be published.
    """
    planned = next((meeting for meeting in committee.planned if meeting.date == date), None)
    time = ""
    if planned and planned.time:
        time = f"{format_time(planned.time.start)}–{format_time(planned.time.end)}"
    place = planned.place if planned and planned.place else ""
    lines = [
        "---",
        f"udvalg: {committee.slug}",
        f"dato: {date.isoformat()}",
        f"tid: {time}".rstrip(),
        f"sted: {place}".rstrip(),
        "moedeleder:",
        "  navn:",
        "  organisation:",
        "referent:",
        "  navn:",
        "  organisation:",
        "deltagere:",
        "  - navn:",
        "    organisation:",
        "---",
        "",
    ]
    items = committee.standing_items or ("Godkendelse af dagsorden", "Eventuelt")
    for number, title in enumerate(items, start=1):
        lines += [f"## {number}. {title}", "", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
