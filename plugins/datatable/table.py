"""Load a dataset (CSV + YAML schema) with pandas into a plain, template-ready table."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plugins.kb.metadata.textfile import WINDOWS_1252, decode
from plugins.kb.metadata.values import SLUG, suggest
from plugins.kb.outputs.formatting import format_number, format_percent
from plugins.kb.problems import Problem
from plugins.kb.storage.paths import read_plain_file

from . import formulas
from .limits import MAX_CSV_BYTES, PAGE_ROWS, check_csv_size, check_row_count, cut_note
from .schema import ChartKind, Column, ColumnType, read_schema

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ChartKind", "Column", "ColumnType", "Table", "load_table"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its value (None when empty) and its Danish text."""

    value: float | str | None
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    """One row of cells; a totals row is marked so templates can set it apart."""

    cells: tuple[Cell, ...]
    is_total: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A dataset ready for templates: no DataFrame leaves this module."""

    slug: str
    title: str
    description: str | None
    source: str
    drawn: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    csv_path: Path
    published_csv: bytes = b""  # the CSV file readers download: UTF-8, comma-separated
    chart: ChartKind | None = None

    @property
    def body_rows(self) -> tuple[Row, ...]:
        """Return the rows a page shows that are not totals: the first PAGE_ROWS.

        ``rows`` and the CSV download hold them all; the table's notes say when rows are left out.
        """
        return tuple(row for row in self.rows if not row.is_total)[:PAGE_ROWS]

    @property
    def total_rows(self) -> tuple[Row, ...]:
        """Return the totals rows."""
        return tuple(row for row in self.rows if row.is_total)


EMPTY_TEXT = "–"


def load_table(csv_path: Path, schema_path: Path, root: Path) -> tuple[Table | None, list[Problem]]:
    """Read a dataset and check it against its schema.

    Args:
        csv_path: the CSV file with a header row: UTF-8 with commas, or as Danish Excel saves it
            (semicolons, decimal comma, thousands point; UTF-8 with a byte-order mark or Windows-1252).
        schema_path: the YAML schema beside it.
        root: the repository root, for file names in messages.

    Returns:
        ``(table, [])`` or ``(None, problems)``; problems name ``file:line[:column]``.
    """
    schema_source = schema_path.relative_to(root).as_posix()
    csv_source = csv_path.relative_to(root).as_posix()
    schema, problems = read_schema(schema_path, schema_source)
    slug = csv_path.stem
    if not SLUG.match(slug):
        problems.append(
            Problem(
                csv_source,
                0,
                f"filnavnet '{slug}' kan ikke bruges som tabellens navn.",
                "brug kun små bogstaver a–z, tal og bindestreg, fx 'amu-deltagere.csv'.",
            )
        )
    problems += check_csv_size(csv_path.lstat().st_size, csv_source)  # before the file is read
    if problems:
        return None, problems
    columns = list(schema.columns)

    # A plain file inside the repository (never a link), at most the limit, whatever the size said.
    raw, problems = read_plain_file(csv_path, csv_source, MAX_CSV_BYTES)
    if raw is None:
        return None, problems
    text, problems = decode(raw, csv_source, fallback=WINDOWS_1252)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [
            Problem(
                csv_source,
                0,
                "CSV-filen er tom.",
                "skriv kolonnernes overskrifter i første linje og tallene under.",
            )
        ]
    problems = check_row_count(text, csv_source)  # before the rows are parsed
    if problems:
        return None, problems
    separator = _separator(text, columns)
    header, problems = _read_rows(text, separator, csv_source)
    if problems:
        return None, problems
    import pandas as pd  # here, not above: a build whose datasets are in its cache never needs it

    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=separator, dtype=str, keep_default_na=False, index_col=False
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        return None, [
            Problem(
                csv_source,
                0,
                f"CSV-filen kan ikke læses ({error}).",
                "gem filen med komma (eller semikolon, som Excel gør) mellem felterne og samme antal "
                "felter i hver række.",
            )
        ]
    problems = formulas.check_header(header, csv_source, schema_source)
    problems += _check_header(list(frame.columns), columns, csv_source, schema_source, schema.columns_line)
    if problems:
        return None, problems
    values: dict[str, list] = {}
    for column in columns:
        position = list(frame.columns).index(column.name) + 1
        series = frame[column.name]
        values[column.name], found = _convert(series, column, position, csv_source, separator)
        if not column.type.numeric:
            found += formulas.check_cells(series, column.name, position, csv_source, schema_source)
        problems += found
    if problems:
        return None, problems
    # Readers download plain UTF-8 with commas; a file saved that way is published byte for byte.
    plain = separator == "," and raw == text.encode("utf-8")
    published = raw if plain else _plain_csv(columns, values, len(frame))

    rows = tuple(
        Row(
            tuple(_cell(values[column.name][index], column) for column in columns),
            is_total=schema.has_total and index == len(frame) - 1,
        )
        for index in range(len(frame))
    )
    cut = cut_note(sum(not row.is_total for row in rows))
    return Table(
        slug=slug,
        title=schema.title,
        description=schema.description,
        source=schema.origin,
        drawn=schema.drawn,
        columns=tuple(columns),
        rows=rows,
        notes=(*schema.notes, cut) if cut else schema.notes,
        csv_path=csv_path,
        published_csv=published,
        chart=schema.chart,
    ), []


def _check_header(
    header: list[str], columns: list[Column], csv_source: str, schema_source: str, schema_line: int
) -> list[Problem]:
    declared = [column.name for column in columns]
    problems = [
        Problem(
            csv_source,
            1,
            f"kolonnen '{name}' fra skemaet mangler i CSV-filen.",
            f"tilføj kolonnen i første linje af CSV-filen, eller fjern den fra {schema_source}.",
        )
        for name in declared
        if name not in header
    ]
    problems += [
        Problem(
            csv_source,
            1,
            f"kolonnen '{name}' står ikke i skemaet.",
            f"{suggest(name, declared)}Tilføj den under 'kolonner' i {schema_source} "
            f"(linje {schema_line}), eller ret overskriften.",
            column=position,
        )
        for position, name in enumerate(header, start=1)
        if name not in declared
    ]
    return problems


def _separator(text: str, columns: list[Column]) -> str:
    """Comma, or semicolon as Danish Excel writes: whichever splits the header into the schema's names."""
    first = text.split("\n", 1)[0]
    declared = {column.name for column in columns}

    def fit(separator: str) -> tuple[int, int]:
        fields = next(csv.reader([first], delimiter=separator), [])
        return sum(field.strip() in declared for field in fields), len(fields)

    return max((",", ";"), key=fit)


def _read_rows(text: str, separator: str, source: str) -> tuple[list[str], list[Problem]]:
    """Return the header; report rows with another number of fields, a repeated header, bad quoting.

    Values in a row of the wrong length would land in wrong columns.
    """
    rows = csv.reader(io.StringIO(text), delimiter=separator)
    sign = "semikolon" if separator == ";" else "komma"
    problems = []
    try:
        header = next(rows, [])
        problems += _repeated_names(header, source)
        for row in rows:
            if row and len(row) != len(header):
                problems.append(
                    Problem(
                        source,
                        rows.line_num,
                        f"rækken har {len(row)} felter, men overskriften har {len(header)}.",
                        f"tjek, at hvert felt er adskilt af ét {sign}, at der ikke står et {sign} for "
                        f"meget sidst i linjen, og at tekst med {sign} i står i anførselstegn.",
                    )
                )
    except csv.Error as error:  # a field over the csv module's limit: an opening quote never closed
        return [], [
            *problems,
            Problem(
                source,
                rows.line_num,
                f"CSV-filen kan ikke læses fra linje {rows.line_num} ({error}).",
                'tjek, at anførselstegn står parvis: et felt, der begynder med ", slutter først ved næste ".',
            ),
        ]
    return header, problems


def _repeated_names(header: list[str], source: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for position, name in enumerate(header, start=1):
        if name in seen:
            problems.append(
                Problem(
                    source,
                    1,
                    f"overskriften '{name}' står to gange i første linje.",
                    "giv kolonnerne hver sit navn, som i skemaet, eller slet den ene kolonne.",
                    column=position,
                )
            )
        seen.add(name)
    return problems


# Danish Excel writes numbers as shown: "8.303", "12,5", "82 %".
_DANISH_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?")
_PERCENT_SIGN = re.compile(r"\s*%$")


def _convert(
    series: pd.Series, column: Column, position: int, source: str, separator: str = ","
) -> tuple[list, list[Problem]]:
    """Convert one column with pandas; report each cell that does not fit the declared type.

    In a semicolon-separated file (Danish Excel) a point separates thousands, a comma decimals, and
    a percentage may end in "%"; in a comma-separated file the point is the decimal sign.
    """
    import pandas as pd  # as in load_table

    texts = series.str.strip()
    if not column.type.numeric:
        return [text or None for text in texts], []
    danish = separator == ";"
    plain = texts
    if danish:
        if column.type is ColumnType.PERCENT:
            plain = plain.str.replace(_PERCENT_SIGN, "", regex=True)
        plain = plain.map(_from_danish)
    numbers = pd.to_numeric(plain.replace("", None), errors="coerce")
    problems = []
    for index, (text, number) in enumerate(zip(texts, numbers, strict=True)):
        line = index + 2  # the header is line 1
        if text and not math.isfinite(number):  # "abc", and "inf", which pandas reads as a number
            problems.append(_cell_problem(source, line, position, text, column, "er ikke et tal", danish))
        elif text and column.type is ColumnType.INTEGER and not float(number).is_integer():
            problems.append(
                _cell_problem(source, line, position, text, column, "er ikke et helt tal", danish)
            )
    values = [None if text == "" else float(number) for text, number in zip(texts, numbers, strict=True)]
    return values, problems


def _from_danish(text: str) -> str:
    """Read a number as Danish Excel shows it: "8.303" is 8303, "12,5" is 12.5, "12.5" is refused."""
    if not text:
        return text
    return text.replace(".", "").replace(",", ".") if _DANISH_NUMBER.fullmatch(text) else "?"


def _cell_problem(
    source: str, line: int, position: int, text: str, column: Column, what: str, danish: bool
) -> Problem:
    if danish:
        hint = (
            "filen har semikolon mellem felterne, som Excel gemmer den: skriv tal med komma som "
            "decimaltegn og evt. punktum mellem tusinder (8.303, 12,5), eller lad feltet stå tomt, "
            "hvis tallet ikke kendes."
        )
    else:
        hint = (
            "skriv tallet uden tusindtalspunktum og med punktum som decimaltegn (8303, 1.5), eller lad "
            "feltet stå tomt, hvis tallet ikke kendes."
        )
    return Problem(
        source,
        line,
        f"'{text}' i kolonnen '{column.name}' {what} ({column.type.value}).",
        hint,
        column=position,
    )


def _plain_csv(columns: list[Column], values: dict[str, list], count: int) -> bytes:
    """The dataset as UTF-8 with commas and plain numbers (8303, 12.5), for readers to download."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in columns])
    for index in range(count):
        writer.writerow([_plain(values[column.name][index]) for column in columns])
    return out.getvalue().encode("utf-8")


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _cell(value, column: Column) -> Cell:
    if value is None:
        return Cell(None, EMPTY_TEXT)
    if column.type is ColumnType.TEXT:
        return Cell(value, value)
    if column.type is ColumnType.PERCENT:
        return Cell(value, format_percent(value))
    return Cell(value, format_number(value))
