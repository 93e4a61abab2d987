"""Read the head of minutes: title, date, time, place, chair, minute-taker and the people by group."""

from __future__ import annotations

import re

from plugins.kb.importer.draft import Doubt, Draft, Person
from plugins.kb.importer.minutes_dates import DATE_OR_TIME, find_date, find_time, is_time
from plugins.kb.importer.minutes_text import paragraphs

_FIELDS = {
    **dict.fromkeys(("dato", "mødedato"), "dato"),
    **dict.fromkeys(("tid", "tidspunkt", "mødetidspunkt"), "tid"),
    **dict.fromkeys(("sted", "mødested", "lokation", "adresse"), "sted"),
    **dict.fromkeys(("lokale", "mødelokale"), "lokale"),
    **dict.fromkeys(("mødeleder", "ordstyrer"), "mødeleder"),
    "referent": "referent",
}
_GROUPS = {
    **dict.fromkeys(("deltagere", "medlemmer", "til stede", "tilstede", "mødedeltagere"), "deltagere"),
    "fra skolen": "deltagere",
    **dict.fromkeys(("tilforordnede", "tilforordnet"), "tilforordnede"),
    **dict.fromkeys(("afbud", "afbud fra", "fraværende", "ikke til stede"), "afbud"),
}
# "Key: value", a table's "Key    value" (PDF) or "Key" alone, its value on the next line.
_AFTER_KEY = r")(?:\s*:|\s{2,}|\t|\s*$)\s*(?P<rest>.*)$"
_FIELD = re.compile(r"^(?P<key>" + "|".join(_FIELDS) + _AFTER_KEY, re.I)
_GROUP = re.compile(r"^(?P<label>" + "|".join(_GROUPS) + _AFTER_KEY, re.I)
# The place's second line: a room or a postcode and town.
_MORE_PLACE = re.compile(r"^(?:(?:møde)?lokale|rum)\b|^\d{4} [A-ZÆØÅ]", re.I)
# The first row of a table of people: "Navn | Organisation | Rolle".
_COLUMNS = {"navn", "organisation", "rolle", "funktion", "titel", "repræsenterer", "virksomhed"}
# A word of an organisation's name; an "organisation" without one that reads like a person's name
# ("Per Birch, Lis Bukholt") is probably more people on one line.
_ORGANISATION_WORD = re.compile(
    r"kommune|region|skole|center|gymnas|forvaltning|råd|styrelse|ministeri|forbund|forening|sygehus|"
    r"hospital|afdeling|sekretariat|uddannelse|institution",
    re.I,
)
_NAME_WORD = r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ][a-zæøåé]+)?"
# A word with a capital letter straight after two small ones ("KommuneThomas Hviid"): a name glued
# onto an organisation, when the first half is an organisation's word or a name follows; a name of
# its own ("SundhedsSkolen, Herning", "McDonald") is not one.
_GLUED = re.compile(r"(?P<before>[\w-]*[a-zæøåé]{2})(?P<after>[A-ZÆØÅ][a-zæøåé]+(?: [A-ZÆØÅ][a-zæøåé]+)*)")
_PERSON_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}")

_ROLE_START = re.compile(
    r"^(formand|næstformand|suppleant|elevrepræsentant|repræsentant|deltager|medlem|observatør|"
    r"sekretær|sekretariat|fra skolen|konsulent|leder|i stedet for)\b",
    re.I,
)

# The words around a date and a time: "Mandag den 27. november kl. 9 til kl. 12".
_DATE_WORDS = {
    *("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "den", "kl", "klokken"),
    *("fra", "til", "og", "dato", "tid", "tidspunkt", "mødedato", "mødetidspunkt", "ca", "mødet"),
}
# An agenda item's line ("1. Titel", "1) Titel"): it ends the head, and a person's line is not one.
ITEM = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s+(?P<title>\S.*)$")


def read_header(lines: list[str], draft: Draft, width: int) -> None:
    """Fill ``draft`` from the lines before the first agenda item; the rest is the introduction."""
    bare = [row for line in lines for row in _table_row(line.strip())]
    title_lines = _title_lines(bare)
    draft.title = " ".join(bare[i] for i in title_lines) or None
    group: str | None = None
    group_label = ""
    pending: str | None = None  # a field whose value is on the next line ("Referent:" / "Mette M.")
    intro: list[str] = []
    place_line: int | None = None  # the line a place was read from
    for index, line in enumerate(bare):
        if (
            not line
            or index in title_lines
            or (line.lower() == "referat" and index < min(title_lines, default=0))
        ):
            continue
        field_match = _FIELD.match(line)
        group_match = _GROUP.match(line)
        if place_line == index - 1 and _MORE_PLACE.match(line) and not field_match:  # a cell's 2nd line
            draft.place, place_line = f"{draft.place}, {line}", index
            continue
        if _is_column_header(line):
            group = _GROUPS[group_match["label"].lower()] if group_match else group or "deltagere"
            group_label = group_match["label"].lower() if group_match else group_label
            draft.groups.setdefault(group, [])
            continue
        if field_match:
            group, pending = None, None
            key, value = _FIELDS[field_match["key"].lower()], field_match["rest"].strip()
            if value:
                if not _header_field(draft, key, value):
                    intro.append(line)  # read already, or more than the field holds: not lost
                place_line = index if key in ("sted", "lokale") else None
            else:
                pending = key
            continue
        if group_match:
            pending = None
            label = group_match["label"].lower()
            group, group_label = _GROUPS[label], label
            draft.groups.setdefault(group, [])
            if group_match["rest"].strip():
                _add_people(draft, group, group_match["rest"], label)
            continue
        if pending:
            if not _header_field(draft, pending, line):
                intro.append(line)
            pending = None
            continue
        if draft.date_text is None and find_date(line):
            if not _header_field(draft, "dato", line):
                intro.append(line)
            continue
        if draft.time is None and is_time(line):
            if not _date_and_time(draft, line):
                intro.append(line)
            continue
        if draft.place is None and re.match(r"^på\s+\S", line) and draft.date_text:
            draft.place = line[3:].strip()
            continue
        person = re.sub(r"^(?:[•\uf0b7●▪■◦*–-]|o(?=\s))\s*", "", line)  # a list of people
        if group and _looks_like_person(person):
            _add_people(draft, group, person, group_label)
            continue
        theme = re.match(r"^Temaet for mødet er\s*:\s*(?P<theme>.+)$", line)
        if theme:
            draft.theme = theme["theme"].strip()
        group = None
        intro.append(line)
    draft.intro = _intro(intro, width)
    for key, people in draft.groups.items():
        if not people:
            draft.doubt(
                key,
                f"referatet har '{key.capitalize()}:' uden navne under.",
                f"tjek i kilden, hvem der hører til '{key}', og flyt dem hertil.",
            )


def _table_row(line: str) -> list[str]:
    """A Word table's row ("| Dato: | 27. november |") as the head's lines ("Dato: 27. november").

    Two cells, or pairs of "label:" and value, are fields (a cell's lines are lines of their own);
    more cells are a person's name, organisation and role.
    """
    if not (line.startswith("| ") and line.endswith(" |")):
        return [line]
    cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line[1:-1])]
    cells = [cell for cell in cells if cell]
    if len(cells) == 2 or (len(cells) % 2 == 0 and all(label.endswith(":") for label in cells[::2])):
        pairs = zip(cells[::2], cells[1::2], strict=True)
        return "<br>".join(f"{label.rstrip(':').rstrip()}: {value}" for label, value in pairs).split("<br>")
    return [", ".join(cells).replace("<br>", " ")]


def _intro(lines: list[str], width: int) -> list[str]:
    """The introduction's paragraphs; an agenda printed before the minutes keeps a line per item."""
    out: list[str] = []
    run: list[tuple[int, str]] = []
    for line in lines:
        if ITEM.match(line):
            out += paragraphs(run, width)
            run = []
            out.append(line)
        else:
            run.append((0, line))
    return out + paragraphs(run, width)


def _title_lines(bare: list[str]) -> list[int]:
    """The lines of the title: the first lines up to a blank line; a lone "Referat" above it is not."""
    found: list[int] = []
    for index, line in enumerate(bare):
        if not line:
            if found and [bare[i].lower() for i in found] != ["referat"]:
                break
            continue
        if _FIELD.match(line) or _GROUP.match(line) or find_date(line) or is_time(line):
            break
        if line.lower() == "referat" and not found:
            found.append(index)
            continue
        if [bare[i].lower() for i in found] == ["referat"] and not bare[index - 1]:
            found = []
        found.append(index)
    return found


def _header_field(draft: Draft, key: str, value: str) -> bool:
    """Fill the field ``key`` from ``value``; False if the draft has no place for all of it."""
    if key in ("dato", "tid"):
        return _date_and_time(draft, value, field=key)
    if key == "sted":
        draft.place = f"{value}, {draft.place}" if draft.place else value
    elif key == "lokale":
        room = value if value.lower().startswith("lokale") else f"lokale {value}"
        draft.place = f"{draft.place}, {room}" if draft.place else room
    elif key == "mødeleder" and draft.chair is None:
        draft.chair = read_person(value, key)
    elif key == "referent" and draft.secretary is None:
        draft.secretary = read_person(value, key)
    else:
        return False  # a second chair or minute-taker
    return True


def _date_and_time(draft: Draft, line: str, field: str | None = None) -> bool:
    """Read the date and the time in ``line`` (the value of a "Dato:" or "Tid:" field, or a line).

    Returns False when the line holds more than the draft keeps of it: a second, other date or time,
    or words besides them ("udsat fra 20. november"), so that the caller keeps the line.
    """
    kept, used = True, line
    time = find_time(line, field == "tid")
    if time:
        if draft.time is None:
            draft.time = time[:2]
            rest = line[time[2] :].strip(" ,")
            if rest and draft.place is None:
                draft.place, used = rest, line[: time[2]]
        kept = draft.time == time[:2]
    elif field == "tid":
        if draft.time is None:
            draft.doubt("tid", f"tidspunktet '{line}' kunne ikke læses.", "skriv fx 'tid: 9.00–12.00'.")
            return True  # the doubt quotes the line
        return False
    if field != "tid":
        found = find_date(line)
        if draft.date_text is None and found is not None and found.date is not None:
            draft.date, draft.date_text, draft.date_has_year = found.date, found.text, found.has_year
        elif draft.date_text is None and field == "dato":
            draft.date_text = line
            draft.doubt("dato", f"datoen '{line}' kunne ikke læses.", "skriv den som 'dato: ÅÅÅÅ-MM-DD'.")
            return True
        elif found is not None and found.text != draft.date_text:
            kept = False
    return kept and not _words_besides_date_and_time(used)


def _words_besides_date_and_time(line: str) -> bool:
    """Whether ``line`` has words other than a date, a time and the words around them ("kl.")."""
    bare = DATE_OR_TIME.sub(" ", line)
    return any(word.lower() not in _DATE_WORDS for word in re.findall(r"[^\W\d_]{2,}", bare))


def _is_column_header(line: str) -> bool:
    words = [part.strip().lower() for part in re.split(r"[:,|]|\s{2,}", line) if part.strip()]
    return any(word in _COLUMNS for word in words) and all(w in _COLUMNS or w in _GROUPS for w in words)


def _looks_like_person(line: str) -> bool:
    return (
        bool(re.match(r"^[A-ZÆØÅ][\w.-]*(?:\s|,|$)", line))
        and (len(line.split()) > 1 or "," in line)
        and not ITEM.match(line)
        and len(line) < 140
    )


def _add_people(draft: Draft, group: str, line: str, label: str) -> None:
    """Add the people of one line: one, or several separated by ";" ("Bo Bæk, FOA; Eva Holm, FOA")."""
    for text in line.split(";"):
        # A table's row: "Bo Bæk: Herning Kommune" (Word) or "Bo Bæk     Herning Kommune" (PDF), or
        # columns made with tabs.
        text = re.sub(r"\s{3,}|\s*\t\s*|\s*:\s+", ", ", text.strip())
        if text:
            draft.groups[group].append(read_person(text, label))


def read_person(text: str, label: str) -> Person:
    """Read "Name, Organisation, role", "Name, Organisation (role)", "Name (role)" or "Name"."""
    text = re.sub(r"\s+", " ", text).strip(" ,")
    bracket = re.search(r"\s*\((?P<role>[^)]*)\)\s*$", text)
    if bracket:
        text = text[: bracket.start()]
    name, *rest = [part.strip() for part in text.split(",")]
    roles: list[str] = []
    inner = re.search(r"\s*\((?P<role>[^)]*)\)$", name)  # "Bo Bæk (formand), Herning Kommune"
    if inner:
        name = name[: inner.start()]
        roles.append(inner["role"].strip())
    organisation: list[str] = []
    in_role = False
    for part in rest:
        # A role starts with a role word; what follows a role belongs to it ("suppleant for Per Birch").
        in_role = in_role or bool(_ROLE_START.match(part)) or part[:1].islower()  # "uddannelseschef"
        (roles if in_role else organisation).append(part)
    if bracket:
        roles.append(bracket["role"].strip())
    person = Person(name, ", ".join(organisation) or None, ", ".join(roles) or None)
    glued = next(
        (m for m in _GLUED.finditer(text) if _ORGANISATION_WORD.search(m["before"]) or " " in m["after"]),
        None,
    )
    if glued:
        person.doubts.append(
            Doubt(
                f"'{glued[0]}' i '{text}' ligner to ord skrevet sammen uden mellemrum, fx en organisation "
                "og en persons navn, som PDF-filen har sat sammen.",
                "tjek i kilden; er det to personer, så skriv hver for sig som '- navn: …' med sin "
                "organisation.",
            )
        )
    if label == "fra skolen":
        person.role = ", ".join(filter(None, ["fra skolen", person.role]))
    names = [part for part in organisation if _PERSON_NAME.fullmatch(part)]
    names = [part for part in names if not _ORGANISATION_WORD.search(part)]
    if names:
        person.doubts.append(
            Doubt(
                f"'{', '.join(names)}' står som organisation for '{name}', men ligner navne på personer.",
                "er det flere personer på én linje, så skriv hver for sig som '- navn: …' med sin "
                "organisation.",
            )
        )
    return person
