"""Planned meetings as iCalendar (RFC 5545) feeds, built with the icalendar library."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from plugins.kb.model import DANISH_TIME, Committee, PlannedMeeting

PRODUCT = "-//Praktikviden//Mødekalender//DA"
UID_DOMAIN = "praktikviden"


def event(committee: Committee, planned: PlannedMeeting, stamp: dt.datetime) -> Event:
    """One planned meeting; a meeting without a time is an all-day event."""
    entry = Event()
    entry.add("uid", f"{committee.slug}-{planned.date.isoformat()}@{UID_DOMAIN}")
    entry.add("dtstamp", stamp)
    entry.add("summary", f"Møde i {committee.name}")
    if planned.time:
        entry.add("dtstart", dt.datetime.combine(planned.date, planned.time.start, DANISH_TIME))
        entry.add("dtend", dt.datetime.combine(planned.date, planned.time.end, DANISH_TIME))
    else:
        entry.add("dtstart", planned.date)
        entry.add("dtend", planned.date + dt.timedelta(days=1))
    if planned.place:
        entry.add("location", planned.place)
    return entry


def calendar(name: str, committees: list[Committee], stamp: dt.datetime) -> bytes:
    """An iCalendar file of the committees' planned meetings, oldest first.

    ``stamp`` is every event's DTSTAMP: pass a fixed time (the commit's) for reproducible files.
    """
    feed = Calendar()
    feed.add("prodid", PRODUCT)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", DANISH_TIME.key)
    planned = sorted(
        (
            (meeting.date, committee.slug, committee, meeting)
            for committee in committees
            for meeting in committee.planned
        ),
        key=lambda entry: entry[:2],
    )
    for _, _, committee, meeting in planned:
        feed.add_component(event(committee, meeting, stamp))
    if planned:
        # The time zone's rules only for the years the meetings fall in, not 1970–2038.
        first, last = planned[0][0], planned[-1][0]
        feed.add_missing_timezones(dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1))
    return feed.to_ical()
