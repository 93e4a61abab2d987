"""Danish formatting for readers: dates, times, numbers and file sizes ("16. september 2024", "1,2 MB")."""

from __future__ import annotations

import datetime as dt

from plugins.kb.model import TimeSpan

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
# The months as Danish texts shorten them ("8. dec.", "1. sept."); "maj" is never shortened.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def format_date(value: dt.date, *, weekday: bool = False) -> str:
    """Format a date the Danish way: '16. september 2024' or 'mandag 16. september 2024'."""
    text = f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    return f"{WEEKDAYS[value.weekday()]} {text}" if weekday else text


def format_month(value: dt.date) -> str:
    """Format a month and year: 'september 2024'."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def format_time(value: dt.time) -> str:
    """Format a time of day the Danish way: '9.00', '12.30'."""
    return f"{value.hour}.{value.minute:02d}"


def format_timespan(span: TimeSpan) -> str:
    """Format a time span: 'kl. 9.00–12.00'."""
    return f"kl. {format_time(span.start)}–{format_time(span.end)}"


def format_number(value: float, decimals: int | None = None) -> str:
    """Format a number the Danish way: '8.303', '1,5', '-12.270'.

    Args:
        value: the number.
        decimals: a fixed number of decimals; None shows whole numbers without decimals and
            others with up to two.

    Returns:
        The number with '.' between thousands and ',' before decimals.
    """
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
    elif float(value).is_integer():
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.2f}".rstrip("0")
    return text.translate(_DANISH_SEPARATORS)


_DANISH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def format_percent(value: float | int) -> str:
    """Format a percentage (82 → '82 %'), with a no-break space so the sign never wraps alone."""
    return f"{format_number(value)}\u00a0%"


_KB = 1024


def format_size(size: int) -> str:
    """Format a file size as Windows Explorer counts it, the Danish way: '12 KB', '1,2 MB', '35 MB'.

    Under 1.000 KB, whole KB rounded up (a 10-byte file is '1 KB'); above, MB or GB, with one decimal
    below 10. A no-break space keeps the unit with its number.
    """
    if size < 1000 * _KB:
        return f"{format_number(-(-size // _KB))}\u00a0KB"
    value, unit = size / _KB**2, "MB"
    if value >= 1000:
        value, unit = value / _KB, "GB"
    value = round(value, 1)
    return f"{format_number(value, 1 if value < 10 else 0)}\u00a0{unit}"
