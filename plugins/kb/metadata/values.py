"""Check and convert single metadata values (dates, time spans, slugs, people) with Danish messages."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from plugins.kb.metadata.fields import PERSON_FIELDS, Field, Kind
from plugins.kb.metadata.frontmatter import Document
from plugins.kb.model import UNKNOWN_ORGANISATION, Person, TimeSpan
from plugins.kb.problems import Problem

_TIMESPAN = re.compile(r"^(\d{1,2})[.:](\d{2})\s*[–-]\s*(\d{1,2})[.:](\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_keys(
    doc: Document, fields: tuple[Field, ...], path: tuple[str | int, ...], source: str, what: str
) -> list[Problem]:
    """Report unknown and missing keys of the mapping at ``path``.

    Args:
        doc: the parsed YAML document.
        fields: the allowed keys.
        path: where the mapping sits in ``doc`` (``()`` for the top level).
        source: file path for messages.
        what: how to name the mapping to the editor, e.g. "metadata" or "deltager 'Mads Pahuus'".

    Returns:
        One problem per unknown key (with the closest valid key, if any) and per missing required key.

    """
    mapping = _value(doc.data, path)
    if not isinstance(mapping, dict):
        mapping = {}
    allowed = [field.key for field in fields]
    problems = []
    for key in mapping:
        if key in allowed:
            continue
        problems.append(
            Problem(
                source,
                doc.line(*path, key),
                f"ukendt felt '{key}' i {what}.",
                f"{suggest(key, allowed)}Tilladte felter: {', '.join(allowed)}.",
            )
        )
    for field in fields:
        shape = _wrong_shape(field, mapping.get(field.key))
        if shape:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, field.key),
                    f"'{field.key}' i {what} skal være {shape}.",
                    f"skriv fx '{field.example}'.",
                )
            )
        if field.required and mapping.get(field.key) is None:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, field.key),
                    f"feltet '{field.key}' mangler i {what} ({field.help}).",
                    f"tilføj fx '{field.example}'.",
                )
            )
    return problems


# Kinds written as one value on the key's own line.
_ONE_VALUE = (Kind.TEXT, Kind.SLUG, Kind.DATE, Kind.TIMESPAN, Kind.NUMBER, Kind.BOOLEAN, Kind.FILE)


def _wrong_shape(field: Field, value: Any) -> str:
    """What ``value`` should have been, if it has the wrong shape for ``field`` (a list for a text …)."""
    if field.kind in _ONE_VALUE and isinstance(value, list | dict):
        return "én værdi på feltets linje, ikke en liste eller en gruppe af felter"
    nested = isinstance(value, list) and any(not isinstance(v, str) for v in value)
    if field.kind is Kind.TEXT_LIST and nested:
        return "en liste af ord, fx [frafald, trivsel], uden lister eller felter inden i"
    return ""


def parse_date(value: Any, key: str, line: int, source: str) -> tuple[dt.date | None, list[Problem]]:
    """Parse an ISO date ``ÅÅÅÅ-MM-DD``; suggest the ISO form for Danish day-month-year input."""
    if not isinstance(value, str):
        return None, [
            Problem(
                source, line, f"'{key}' skal være en dato som ÅÅÅÅ-MM-DD.", f"skriv fx '{key}: 2024-09-16'."
            )
        ]
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text), []
        except ValueError:
            return None, [
                Problem(
                    source,
                    line,
                    f"'{key}' er {text}, men den dato findes ikke i kalenderen.",
                    "tjek måned (01–12) og dag i måneden.",
                )
            ]
    hint = f"skriv '{key}: ÅÅÅÅ-MM-DD', fx '{key}: 2024-09-16'."
    if match := _DMY.match(text):
        day, month, year = (int(part) for part in match.groups())
        hint = f"skriv '{key}: {year:04d}-{month:02d}-{day:02d}'."
    return None, [Problem(source, line, f"'{key}' skal være ÅÅÅÅ-MM-DD, fik '{text}'.", hint)]


def parse_timespan(value: Any, key: str, line: int, source: str) -> tuple[TimeSpan | None, list[Problem]]:
    """Parse a time span like ``9.00–12.00`` (en dash or hyphen, '.' or ':')."""
    text = value.strip() if isinstance(value, str) else ""
    match = _TIMESPAN.match(text)
    problem = Problem(
        source,
        line,
        f"'{key}' skal være et tidsrum som 9.00–12.00, fik '{value}'.",
        f"skriv fx '{key}: 9.00–12.00' (start og slut med punktum mellem time og minut).",
    )
    if not match:
        return None, [problem]
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    try:
        span = TimeSpan(dt.time(h1, m1), dt.time(h2, m2))
    except ValueError:
        return None, [problem]
    if span.end <= span.start:
        return None, [
            Problem(
                source,
                line,
                f"'{key}' slutter før det starter: '{value}'.",
                f"skriv starttid før sluttid, fx '{key}: 9.00–12.00'.",
            )
        ]
    return span, []


def parse_person(
    doc: Document, path: tuple[str | int, ...], source: str, *, need_organisation: bool
) -> tuple[Person | None, list[Problem]]:
    """Parse a person mapping (``navn``, ``organisation``, ``rolle``) at ``path`` in ``doc``."""
    value = _value(doc.data, path)
    label = _people_label(path)
    line = doc.line(*path)
    if not isinstance(value, dict):
        return None, [
            Problem(
                source,
                line,
                f"{label} skal have 'navn' og 'organisation' på hver sin linje, fik '{value}'.",
                "skriv fx '- navn: Dorte Engsig' og på linjen under '  organisation: SOSU MV, Herning'.",
            )
        ]
    name = value.get("navn")
    problems = check_keys(doc, PERSON_FIELDS, path, source, f"{label} '{name or '?'}'")
    organisation = value.get("organisation")
    if need_organisation and organisation is None and name is not None:
        problems.append(
            Problem(
                source,
                line,
                f"{label} '{name}' mangler 'organisation'.",
                f"tilføj 'organisation: …' under navnet; skriv 'organisation: {UNKNOWN_ORGANISATION}', "
                "hvis referatet ikke nævner den.",
            )
        )
    if problems:
        return None, problems
    if organisation == UNKNOWN_ORGANISATION:
        organisation = None
    return Person(name, organisation, value.get("rolle")), []


def parse_people(doc: Document, key: str, source: str) -> tuple[tuple[Person, ...], list[Problem]]:
    """Parse a list of people under ``key``; every one must name an organisation."""
    value = doc.data.get(key)
    if value is None:
        return (), []
    if not isinstance(value, list):
        return (), [
            Problem(
                source,
                doc.line(key),
                f"'{key}' skal være en liste med én person pr. punkt.",
                f"skriv '{key}:' og under den '  - navn: …' og '    organisation: …' for hver person.",
            )
        ]
    people, problems = [], []
    for index in range(len(value)):
        person, found = parse_person(doc, (key, index), source, need_organisation=True)
        problems += found
        if person:
            people.append(person)
    return tuple(people), problems


def check_slug(slug: str, source: str, name: str, whose: str, example: str) -> list[Problem]:
    """The one check of a committee's, theme's or report's slug: the name of its file or folder.

    ``name``: what the slug is ("filnavnet", "mappenavnet"); ``whose``: "udvalgets" …; ``example``: a
    good name of that kind.
    """
    if SLUG.match(slug):
        return []
    return [
        Problem(
            source,
            0,
            f"{name} '{slug}' kan ikke bruges som {whose} kortnavn.",
            f"brug kun små bogstaver a–z, tal og bindestreg, fx '{example}'.",
        )
    ]


def suggest(value: str, choices: list[str]) -> str:
    """Return "mente du 'x'? " for the closest choice, or an empty string."""
    close = difflib.get_close_matches(value, choices, n=1)
    return f"mente du '{close[0]}'? " if close else ""


def _value(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


_PEOPLE_LABELS = {
    "deltagere": "deltager",
    "tilforordnede": "tilforordnet",
    "afbud": "afbud",
    "moedeleder": "mødelederen",
    "referent": "referenten",
}


def _people_label(path: tuple[str | int, ...]) -> str:
    return _PEOPLE_LABELS.get(str(path[0]), str(path[0]))


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def heading_id(text: str, separator: str = "-") -> str:
    """The id of a heading: "Stofmængde" → "stofmaengde", "Bilag 2.1" → "bilag-2-1".

    Python-Markdown's toc extension calls this as its ``slugify``.
    """
    ascii_text = text.lower().translate(_ASCII)
    return re.sub(r"[^a-z0-9]+", separator, ascii_text).strip(separator)
