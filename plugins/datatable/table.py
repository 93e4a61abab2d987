"""Load a dataset (CSV + YAML schema) with pandas into a plain, template-ready table."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pandas as pd

from plugins.kb.fields import COLUMN_FIELDS, DATASET_FIELDS
from plugins.kb.formatting import format_number, format_percent
from plugins.kb.frontmatter import load_yaml
from plugins.kb.problems import Problem
from plugins.kb.textfile import WINDOWS_1252, decode, read_text
from plugins.kb.values import SLUG, check_keys, suggest


class ColumnType(Enum):
    """Column types a schema may declare; values are what editors write."""

    TEXT = "tekst"
    INTEGER = "heltal"
    DECIMAL = "decimal"
    PERCENT = "procent"

    @property
    def numeric(self) -> bool:
        """Whether cells of this type are numbers."""
        return self is not ColumnType.TEXT


class ChartKind(Enum):
    """Chart kinds for time series."""

    LINE = "linje"
    BAR = "soejle"


@dataclass(frozen=True, slots=True)
class Column:
    """A column as declared in the schema."""

    name: str
    type: ColumnType
    unit: str | None = None


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
        """Return the rows that are not totals."""
        return tuple(row for row in self.rows if not row.is_total)

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
    schema_text, problems = read_text(schema_path, schema_source)
    if schema_text is None:
        return None, problems
    doc, problems = load_yaml(schema_text, schema_source)
    if problems:
        return None, problems
    problems = check_keys(doc, DATASET_FIELDS, (), schema_source, "skemaet")
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
    columns, found = _columns(doc, schema_source)
    problems += found
    chart = None
    if doc.data.get("diagram") is not None:
        chart, found = _choice(ChartKind, doc.data["diagram"], "diagram", doc.line("diagram"), schema_source)
        problems += found
    if problems:
        return None, problems

    raw = csv_path.read_bytes()
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
    separator = _separator(text, columns)
    problems = _field_counts(text, separator, csv_source)
    if problems:
        return None, problems
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
    problems = _check_header(list(frame.columns), columns, csv_source, schema_source, doc.line("kolonner"))
    if problems:
        return None, problems
    values: dict[str, list] = {}
    for position, column in enumerate(columns, start=1):
        values[column.name], found = _convert(frame[column.name], column, position, csv_source, separator)
        problems += found
    if problems:
        return None, problems
    # Readers download plain UTF-8 with commas; a file saved that way is published byte for byte.
    plain = separator == "," and raw == text.encode("utf-8")
    published = raw if plain else _plain_csv(columns, values, len(frame))

    has_total = str(doc.data.get("total_raekke", "")).lower() == "true"
    rows = tuple(
        Row(
            tuple(_cell(values[column.name][index], column) for column in columns),
            is_total=has_total and index == len(frame) - 1,
        )
        for index in range(len(frame))
    )
    return Table(
        slug=slug,
        title=doc.data["titel"],
        description=doc.data.get("beskrivelse"),
        source=doc.data["kilde"],
        drawn=doc.data["trukket"],
        columns=tuple(columns),
        rows=rows,
        notes=tuple(doc.data.get("noter") or ()),
        csv_path=csv_path,
        published_csv=published,
        chart=chart,
    ), []


def _columns(doc, source: str) -> tuple[list[Column], list[Problem]]:
    declared = doc.data.get("kolonner")
    if not isinstance(declared, list) or not declared:
        return [], [] if declared is None else [
            Problem(
                source,
                doc.line("kolonner"),
                "'kolonner' skal være en liste med én kolonne pr. punkt.",
                "skriv '  - navn: …' og '    type: heltal' for hver kolonne.",
            )
        ]
    columns, problems = [], []
    for index, entry in enumerate(declared):
        path = ("kolonner", index)
        if not isinstance(entry, dict):
            entry = {"navn": entry}
        found = check_keys(doc, COLUMN_FIELDS, path, source, f"kolonne {index + 1}")
        if found:
            problems += found
            continue
        kind, found = _choice(ColumnType, entry["type"], "type", doc.line(*path, "type"), source)
        problems += found
        if kind:
            columns.append(Column(entry["navn"], kind, entry.get("enhed")))
    return columns, problems


def _choice(enum, value: str, key: str, line: int, source: str):
    allowed = [member.value for member in enum]
    if value in allowed:
        return enum(value), []
    return None, [
        Problem(
            source,
            line,
            f"'{key}' kan ikke være '{value}'.",
            f"{suggest(value, allowed)}Brug en af: {', '.join(allowed)}.",
        )
    ]


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


def _field_counts(text: str, separator: str, source: str) -> list[Problem]:
    """Every row with another number of fields than the header: the values would land in wrong columns."""
    rows = csv.reader(io.StringIO(text), delimiter=separator)
    header = next(rows, [])
    problems = []
    for line, row in enumerate(rows, start=2):
        if row and len(row) != len(header):
            sign = "semikolon" if separator == ";" else "komma"
            problems.append(
                Problem(
                    source,
                    line,
                    f"rækken har {len(row)} felter, men overskriften har {len(header)}.",
                    f"tjek, at hvert felt er adskilt af ét {sign}, at der ikke står et {sign} for "
                    f"meget sidst i linjen, og at tekst med {sign} i står i anførselstegn.",
                )
            )
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
