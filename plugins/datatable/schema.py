"""Read a dataset's YAML schema: title, source, the columns and their types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from plugins.kb.metadata.fields import COLUMN_FIELDS, DATASET_FIELDS, ChartKind, ColumnType, Field, Kind
from plugins.kb.metadata.frontmatter import Document, load_yaml
from plugins.kb.metadata.textfile import read_text
from plugins.kb.metadata.values import check_keys, suggest
from plugins.kb.problems import Problem

from .limits import check_schema_size


@dataclass(frozen=True, slots=True)
class Column:
    """A column as declared in the schema."""

    name: str
    type: ColumnType
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Schema:
    """What the schema file says about its dataset."""

    source: str  # the schema file, for messages
    title: str
    description: str | None
    origin: str  # 'kilde': where the figures come from
    drawn: str
    columns: tuple[Column, ...]
    notes: tuple[str, ...]
    has_total: bool
    chart: ChartKind | None
    columns_line: int  # the line of 'kolonner', for messages about the CSV header


def read_schema(path: Path, source: str) -> tuple[Schema | None, list[Problem]]:
    """Read and check a schema file; ``source`` is its path as the editor sees it."""
    problems = check_schema_size(path.lstat().st_size, source)
    if problems:
        return None, problems
    text, problems = read_text(path, source)
    if text is None:
        return None, problems
    problems = _check_characters(text, source)
    if problems:
        return None, problems
    doc, problems = load_yaml(text, source)
    if problems:
        return None, problems
    # The columns are checked one by one below (_columns); for check_keys an empty list of columns
    # counts as missing, so that it says what to write.
    keys = Document({**doc.data, "kolonner": bool(doc.data.get("kolonner")) or None}, doc.lines)
    problems = _with_kinds(keys, doc.data, DATASET_FIELDS, (), source, "skemaet")
    columns, found = _columns(doc, source)
    problems += found
    named = doc.data.get("csv")
    if isinstance(named, str) and named != f"{path.stem}.csv":
        # Uploaded in the browser editor under another name than the schema's: the table has no numbers.
        problems.append(
            Problem(
                source,
                doc.line("csv"),
                f"'csv' er '{named}', men skemaet {path.name} hører til CSV-filen {path.stem}.csv.",
                f"giv CSV-filen navnet {path.stem}.csv, og upload den igen "
                f"(eller skriv 'csv: {path.stem}.csv').",
            )
        )
    chart = None
    if isinstance(doc.data.get("diagram"), str):
        chart, found = _choice(ChartKind, doc.data["diagram"], "diagram", doc.line("diagram"), source)
        problems += found
    if problems:
        return None, problems
    return Schema(
        source=source,
        title=doc.data["titel"],
        description=doc.data.get("beskrivelse"),
        origin=doc.data["kilde"],
        drawn=doc.data["trukket"],
        columns=tuple(columns),
        notes=tuple(doc.data.get("noter") or ()),
        has_total=str(doc.data.get("total_raekke", "")).lower() == "true",
        chart=chart,
        columns_line=doc.line("kolonner"),
    ), []


# The characters YAML refuses to read (the YAML 1.1 spec's printable set, as PyYAML's reader checks it).
# load_yaml (plugins/kb/metadata/frontmatter.py) lets PyYAML's ReaderError for them through as an exception,
# so a schema is checked here first.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_characters(text: str, source: str) -> list[Problem]:
    """Report the first character YAML cannot read, such as a NUL byte, with its line."""
    found = _NOT_YAML.search(text)
    if found is None:
        return []
    return [
        Problem(
            source,
            text.count("\n", 0, found.start()) + 1,
            f"skemafilen har et tegn, der ikke kan stå i en YAML-fil (U+{ord(found.group()):04X}).",
            "slet tegnet; det er usynligt og kommer som regel med, når tekst kopieres fra et andet program.",
        )
    ]


def _with_kinds(
    doc: Document, mapping: dict, fields: tuple[Field, ...], path: tuple, source: str, what: str
) -> list[Problem]:
    """Report unknown and missing keys (check_keys), and values of the wrong kind on other lines."""
    problems = check_keys(doc, fields, path, source, what)
    reported = {problem.line for problem in problems}
    return problems + [
        problem
        for problem in _check_kinds(doc, mapping, fields, path, source)
        if problem.line not in reported
    ]


def _check_kinds(
    doc: Document, mapping: dict, fields: tuple[Field, ...], path: tuple, source: str
) -> list[Problem]:
    """Report a text field that holds a list or a mapping, or a list ('noter') that holds one text."""
    problems = []
    for field in fields:
        value = mapping.get(field.key)
        if value is None or field.key == "kolonner":  # the columns are checked one by one
            continue
        if field.kind is Kind.TEXT_LIST:
            fits = isinstance(value, list) and all(isinstance(item, str) for item in value)
            what = "en liste med én tekst pr. punkt ('  - …')"
        else:
            fits = isinstance(value, str)
            what = "en tekst på én linje"
        if not fits:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, field.key),
                    f"'{field.key}' skal være {what}.",
                    f"skriv fx '{field.example}'; tekst med ': ', '[' eller '{{' i skal stå i anførselstegn.",
                )
            )
    return problems


def _columns(doc: Document, source: str) -> tuple[list[Column], list[Problem]]:
    declared = doc.data.get("kolonner")
    if declared is None:  # missing: reported by check_keys
        return [], []
    if not isinstance(declared, list) or not declared:
        return [], [
            Problem(
                source,
                doc.line("kolonner"),
                "'kolonner' skal være en liste med én kolonne pr. punkt.",
                "skriv '  - navn: …' og '    type: heltal' for hver kolonne.",
            )
        ]
    columns, problems, seen = [], [], set()
    for index, entry in enumerate(declared):
        path = ("kolonner", index)
        if not isinstance(entry, dict):
            entry = {"navn": entry}
        found = _with_kinds(doc, entry, COLUMN_FIELDS, path, source, f"kolonne {index + 1}")
        if found:
            problems += found
            continue
        if entry["navn"] in seen:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, "navn"),
                    f"kolonnen '{entry['navn']}' står to gange under 'kolonner'.",
                    "slet den ene, eller giv kolonnerne hver sit navn, præcis som i CSV-filens første linje.",
                )
            )
            continue
        seen.add(entry["navn"])
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
