"""How big a dataset may be, checked on the file's size and lines before pandas reads it.

A dataset holds the figures a page is about, not a whole register: the site's datasets have tens of
rows. The limits keep a file that was exported whole (a million rows took a build 53 s and 1.5 GB)
out of the build, and a page at a size a reader can scroll. docs/data.md states them.
"""

from __future__ import annotations

from plugins.kb.outputs.formatting import format_number, format_size
from plugins.kb.problems import Problem

MB = 1024 * 1024
MAX_CSV_BYTES = 2 * MB  # a CSV file above this is refused before it is read
MAX_SCHEMA_BYTES = 64 * 1024  # a schema is a title, a source and the columns
MAX_ROWS = 10_000  # rows under the header
PAGE_ROWS = 200  # rows (not counting the totals row) a page shows; all of them are in the download


def check_csv_size(size: int, source: str) -> list[Problem]:
    """Refuse a CSV file over MAX_CSV_BYTES; ``size`` is its size on disk, known before reading it."""
    if size <= MAX_CSV_BYTES:
        return []
    return [
        Problem(
            source,
            0,
            f"CSV-filen fylder {format_size(size)}; en tabel må højst fylde {_megabytes(MAX_CSV_BYTES)}.",
            "læg kun de tal i data/, som siderne handler om, fx summeret pr. år eller pr. skole, "
            "eller del tabellen i flere filer, fx én pr. år.",
        )
    ]


def check_schema_size(size: int, source: str) -> list[Problem]:
    """Refuse a schema file over MAX_SCHEMA_BYTES before reading it."""
    if size <= MAX_SCHEMA_BYTES:
        return []
    return [
        Problem(
            source,
            0,
            f"skemafilen fylder {format_size(size)}; et skema må højst fylde "
            f"{format_size(MAX_SCHEMA_BYTES)}.",
            "et skema beskriver kun tabellen: titel, kilde, trukket og kolonner; tjek, at tallene "
            "ikke er sat ind i skemaet i stedet for i CSV-filen.",
        )
    ]


def check_row_count(text: str, source: str) -> list[Problem]:
    """Refuse more than MAX_ROWS non-blank lines under the header, naming the first line too many.

    Lines, not CSV records, are counted (a quoted text over two lines counts twice): it is cheap
    and runs before the rows are parsed.
    """
    count, first_over = 0, 0
    for line, content in enumerate(text.split("\n"), start=1):
        if line == 1 or not content.strip():
            continue
        count += 1
        if count == MAX_ROWS + 1:
            first_over = line
    if count <= MAX_ROWS:
        return []
    return [
        Problem(
            source,
            first_over,
            f"CSV-filen har {format_number(count)} rækker under overskriften; en tabel må højst have "
            f"{format_number(MAX_ROWS)}.",
            "læg kun de tal i data/, som siderne handler om, fx summeret pr. år eller pr. skole, "
            "eller del tabellen i flere filer, fx én pr. år.",
        )
    ]


def cut_note(total: int) -> str | None:
    """The note under a table whose body has more rows than a page shows, or None."""
    if total <= PAGE_ROWS:
        return None
    return (
        f"Siden viser de første {format_number(PAGE_ROWS)} af {format_number(total)} rækker; "
        "hele tabellen kan hentes som CSV-fil."
    )


def _megabytes(size: int) -> str:
    return f"{format_number(size / MB)}\u00a0MB"
