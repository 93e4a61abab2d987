import datetime as dt

import pytest

from plugins.kb.metadata.values import parse_date, parse_timespan
from plugins.kb.model import TimeSpan
from plugins.kb.outputs.formatting import format_date, format_timespan


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 9, 16), "16. september 2024"),
        (dt.date(2021, 10, 12), "12. oktober 2021"),
        (dt.date(2019, 2, 1), "1. februar 2019"),
    ],
)
def test_format_date_in_danish(value, expected):
    assert format_date(value) == expected


def test_format_date_with_weekday():
    assert format_date(dt.date(2019, 2, 22), weekday=True) == "fredag 22. februar 2019"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9.00–12.00", dt.time(9), dt.time(12)),
        ("9.00 - 12.30", dt.time(9), dt.time(12, 30)),
        ("12:00–15:00", dt.time(12), dt.time(15)),
    ],
)
def test_parse_timespan_accepts_danish_forms(text, start, end):
    assert parse_timespan(text, "tid", 4, "f.md") == (TimeSpan(start, end), [])


@pytest.mark.parametrize("text", ["9-12", "kl. 9", "25.00–26.00", ""])
def test_parse_timespan_rejects_with_example(text):
    span, problems = parse_timespan(text, "tid", 4, "f.md")
    assert span is None
    assert str(problems[0]).startswith(f"f.md:4: 'tid' skal være et tidsrum som 9.00–12.00, fik '{text}'.")


def test_parse_timespan_rejects_end_before_start():
    _, problems = parse_timespan("12.00–9.00", "tid", 4, "f.md")
    assert problems[0].message == "'tid' slutter før det starter: '12.00–9.00'."


def test_format_timespan():
    assert format_timespan(TimeSpan(dt.time(9), dt.time(12, 30))) == "kl. 9.00–12.30"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("16/9/2024", "skriv 'dato: 2024-09-16'."),
        ("16.09.2024", "skriv 'dato: 2024-09-16'."),
        ("16. september", "skriv 'dato: ÅÅÅÅ-MM-DD', fx 'dato: 2024-09-16'."),
    ],
)
def test_parse_date_suggests_iso_form(text, hint):
    date, problems = parse_date(text, "dato", 3, "f.md")
    assert date is None
    assert problems[0].hint == hint


def test_parse_date_reads_iso():
    assert parse_date("2024-09-16", "dato", 3, "f.md") == (dt.date(2024, 9, 16), [])
