"""Read the head of minutes: title, date, time, place, chair, minute-taker and the people by group."""

from __future__ import annotations

import datetime as dt
import re

from .draft import Draft, Person
from .minutes_text import paragraphs

MONTHS = {
    name: number
    for number, name in enumerate(
        [
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
        ],
        1,
    )
}
DATE = re.compile(r"(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join(MONTHS) + r")\b\s*(?P<year>\d{4})?", re.I)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})\b")
_TIME = re.compile(r"\b[Kk]l\.?\s*(?P<start>\d{1,2}(?:[.:]\d{2})?)\s*[-–—]\s*(?P<end>\d{1,2}(?:[.:]\d{2})?)")
_FIELD = re.compile(
    r"^(?P<key>Dato|Tid|Sted|Mødested|Mødeleder|Referent|Ordstyrer)\s*:\s*(?P<value>.*)$", re.I
)
_GROUPS = {
    "deltagere": "deltagere",
    "medlemmer": "deltagere",
    "til stede": "deltagere",
    "fra skolen": "deltagere",
    "tilforordnede": "tilforordnede",
    "afbud": "afbud",
    "fraværende": "afbud",
}
_GROUP = re.compile(r"^(?P<label>" + "|".join(_GROUPS) + r")\s*:\s*(?P<rest>.*)$", re.I)

_ROLE_START = re.compile(
    r"^(formand|næstformand|suppleant|elevrepræsentant|repræsentant|deltager|medlem|observatør|"
    r"sekretær|sekretariat|fra skolen|konsulent|leder|i stedet for)\b",
    re.I,
)

# An agenda item's line ("1. Titel", "1) Titel"): it ends the head, and a person's line is not one.
ITEM = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s+(?P<title>\S.*)$")


def read_header(lines: list[str], draft: Draft, width: int) -> None:
    """Fill ``draft`` from the lines before the first agenda item; the rest is the introduction."""
    bare = [line.strip() for line in lines]
    title_lines = _title_lines(bare)
    draft.title = " ".join(bare[i] for i in title_lines) or None
    group: str | None = None
    group_label = ""
    pending: str | None = None  # a field whose value is on the next line ("Referent:" / "Mette M.")
    for index, line in enumerate(bare):
        if (
            not line
            or index in title_lines
            or (line.lower() == "referat" and index < min(title_lines, default=0))
        ):
            continue
        field_match = _FIELD.match(line)
        group_match = _GROUP.match(line)
        if field_match:
            group, pending = None, None
            key, value = field_match["key"].lower(), field_match["value"].strip()
            if value:
                _header_field(draft, key, value)
            else:
                pending = key
            continue
        if group_match:
            pending = None
            label = group_match["label"].lower()
            group, group_label = _GROUPS[label], label
            draft.groups.setdefault(group, [])
            if group_match["rest"].strip():
                draft.groups[group].append(read_person(group_match["rest"], label))
            continue
        if pending:
            _header_field(draft, pending, line)
            pending = None
            continue
        if draft.date_text is None and (DATE.search(line) or _NUMERIC_DATE.search(line)):
            _header_field(draft, "dato", line)
            continue
        if draft.time is None and _TIME.search(line):
            _date_and_time(draft, line)
            continue
        if draft.place is None and re.match(r"^på\s+\S", line) and draft.date_text:
            draft.place = line[3:].strip()
            continue
        if group and _looks_like_person(line):
            draft.groups[group].append(read_person(line, group_label))
            continue
        theme = re.match(r"^Temaet for mødet er\s*:\s*(?P<theme>.+)$", line)
        if theme:
            draft.theme = theme["theme"].strip()
        group = None
        draft.intro.append(line)
    draft.intro = paragraphs([(0, line) for line in draft.intro], width)
    for key, people in draft.groups.items():
        if not people:
            draft.doubt(
                key,
                f"referatet har '{key.capitalize()}:' uden navne under.",
                f"tjek i kilden, hvem der hører til '{key}', og flyt dem hertil.",
            )


def _title_lines(bare: list[str]) -> list[int]:
    """The lines of the title: the first lines up to a blank line; a lone "Referat" above it is not."""
    found: list[int] = []
    for index, line in enumerate(bare):
        if not line:
            if found and [bare[i].lower() for i in found] != ["referat"]:
                break
            continue
        if _FIELD.match(line) or _GROUP.match(line) or DATE.search(line) or _TIME.search(line):
            break
        if line.lower() == "referat" and not found:
            found.append(index)
            continue
        if [bare[i].lower() for i in found] == ["referat"] and not bare[index - 1]:
            found = []
        found.append(index)
    return found


def _header_field(draft: Draft, key: str, value: str) -> None:
    if key in ("dato", "tid"):
        _date_and_time(draft, value)
        if key == "tid" and draft.time is None:
            draft.doubt("tid", f"tidspunktet '{value}' kunne ikke læses.", "skriv 'tid: T.MM–T.MM'.")
    elif key in ("sted", "mødested"):
        draft.place = value
    elif key in ("mødeleder", "ordstyrer"):
        draft.chair = read_person(value, key)
    elif key == "referent":
        draft.secretary = read_person(value, key)


def _date_and_time(draft: Draft, line: str) -> None:
    time = _TIME.search(line)
    if time and draft.time is None:
        draft.time = (_clock(time["start"]), _clock(time["end"]))
        rest = line[time.end() :].strip(" ,")
        if rest and draft.place is None:
            draft.place = rest
    if draft.date_text is not None:
        return
    numeric = _NUMERIC_DATE.search(line)
    match = DATE.search(line)
    if match:
        draft.date_text = match[0].strip()
        if match["year"]:
            draft.date = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        else:
            draft.date_has_year = False
            draft.date = _partial(MONTHS[match["month"].lower()], int(match["day"]))
    elif numeric:
        draft.date_text = numeric[0]
        draft.date = _safe_date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _partial(month: int, day: int) -> dt.date | None:
    """A day and month without a year: kept with year 1 until the editor gives the year."""
    return _safe_date(1, month, day)


def _clock(text: str) -> str:
    """A clock time as the site writes it: "9" is "9.00", "12:30" is "12.30"."""
    hour, _, minutes = text.replace(":", ".").partition(".")
    return f"{int(hour)}.{minutes or '00'}"


def _looks_like_person(line: str) -> bool:
    return bool(re.match(r"^[A-ZÆØÅ][\w.-]*(?:\s|,|$)", line)) and not ITEM.match(line) and len(line) < 140


def read_person(text: str, label: str) -> Person:
    """Read "Name, Organisation, role", "Name, Organisation (role)", "Name (role)" or "Name"."""
    text = re.sub(r"\s+", " ", text).strip(" ,")
    bracket = re.search(r"\s*\((?P<role>[^)]*)\)\s*$", text)
    if bracket:
        text = text[: bracket.start()]
    name, *rest = [part.strip() for part in text.split(",")]
    organisation: list[str] = []
    role_parts: list[str] = []
    for part in rest:
        # A role starts with a role word; what follows a role belongs to it ("suppleant for Per Birch").
        (role_parts if _ROLE_START.match(part) or role_parts else organisation).append(part)
    if bracket:
        role_parts.append(bracket["role"].strip())
    person = Person(name, ", ".join(organisation) or None, ", ".join(role_parts) or None)
    if label == "fra skolen":
        person.role = ", ".join(filter(None, ["fra skolen", person.role]))
    return person
