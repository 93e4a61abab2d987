"""Dates and clock times as Danish minutes write them: "27. nov. 2023", "27/11-2023", "kl. 12-15"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plugins.kb.outputs.formatting import MONTH_ABBREVIATIONS
from plugins.kb.outputs.formatting import MONTHS as DANISH_MONTHS

# The month names the site writes are the ones minutes write: "27. november 2023" → 11.
MONTHS = {name: number for number, name in enumerate(DANISH_MONTHS, 1)}
# "27. november 2023", "27. nov. 2023", "27. november" (no year): the day has its full stop.
DATE = re.compile(
    r"(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join([*MONTHS, *MONTH_ABBREVIATIONS]) + r")\b\.?"
    r"(?:\s*(?P<year>\d{4}))?",
    re.I,
)
# "27-11-2023", "27.11.2023", "27/11 2023", "27/11-2023", "27.11.23".
_NUMERIC_DATE = re.compile(
    r"\b(?P<day>0?[1-9]|[12]\d|3[01])[./-](?P<month>0?[1-9]|1[0-2])(?:[./-]|\s+)"
    r"(?P<year>\d{4}|\d{2}(?![.:]?\d))\b"
)
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_SPAN = rf"(?P<start>{_CLOCK})\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?(?P<end>{_CLOCK})\b"
# In running text a time needs "kl." ("kl. 12 – 15", "fra kl. 9 til kl. 12"); in a "Tid:" field not.
_TIME = re.compile(rf"\b(?:fra\s+)?kl\.?\s*{_SPAN}", re.I)
_FIELD_TIME = re.compile(rf"(?:\b(?:fra\s+)?kl\.?\s*)?{_SPAN}", re.I)

# Any date or clock time a line may hold, to see what else it holds.
DATE_OR_TIME = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", "|".join(p.pattern for p in (DATE, _NUMERIC_DATE, _FIELD_TIME))), re.I
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a line: the date (year 1 when the text gives none) and the text it was read from."""

    date: dt.date | None
    text: str
    has_year: bool = True


def find_date(line: str) -> FoundDate | None:
    """The first date in ``line``, or None; a date that cannot be (31. februar) has ``date`` None."""
    words, numeric = DATE.search(line), _NUMERIC_DATE.search(line)
    if words and (not numeric or words.start() <= numeric.start()):
        month = _month(words["month"])
        if words["year"]:
            return FoundDate(_safe_date(int(words["year"]), month, int(words["day"])), words[0].strip())
        return FoundDate(_safe_date(1, month, int(words["day"])), words[0].strip(), has_year=False)
    if numeric:
        year = int(numeric["year"])
        year += 2000 if year < 100 else 0
        return FoundDate(_safe_date(year, int(numeric["month"]), int(numeric["day"])), numeric[0])
    return None


def find_time(line: str, field: bool = False) -> tuple[str, str, int] | None:
    """Start and end of the first time span in ``line`` ("9.00", "12.30") and where it ends.

    ``field``: the line is the value of a "Tid:" field, where "kl." may be left out ("12:00 - 15:00").
    A span that cannot be a meeting's (25.00, start after end) is not one.
    """
    for match in (_FIELD_TIME if field else _TIME).finditer(line):
        start, end = _clock(match["start"]), _clock(match["end"])
        if start and end and _minutes(start) < _minutes(end):
            return start, end, match.end()
    return None


def is_time(line: str) -> bool:
    """Whether ``line`` has a time span with "kl."."""
    return find_time(line) is not None


def _month(word: str) -> int:
    word = word.lower()
    return MONTHS.get(word) or next(n for name, n in MONTHS.items() if name.startswith(word[:3]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _clock(text: str) -> str | None:
    """A clock time as the site writes it: "9" is "9.00", "12:30" is "12.30"; None if none."""
    hour, _, minutes = text.replace(":", ".").partition(".")
    if int(hour) > 24 or int(minutes or 0) > 59:
        return None
    return f"{int(hour)}.{minutes or '00'}"


def _minutes(clock: str) -> int:
    hour, minutes = clock.split(".")
    return int(hour) * 60 + int(minutes)
