"""Write a draft read from a PDF or Word file as a minutes file, and say where it needs review.

Every doubt becomes a note on the line of the written file it concerns, and a comment "# TJEK: …"
on that line in the front matter, so the editor finds it both in the terminal and in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from plugins.kb.importer.draft import Doubt, Draft, Item, Person
from plugins.kb.model import UNKNOWN_ORGANISATION
from plugins.kb.outputs.formatting import format_date

_GROUP_ORDER = ("deltagere", "tilforordnede", "afbud")
_GROUP_NAMES = {"deltagere": "deltager", "tilforordnede": "tilforordnet", "afbud": "afbud"}


@dataclass(frozen=True, slots=True)
class Note:
    """A doubt at a line of the written file."""

    line: int
    doubt: Doubt


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.notes: list[Note] = []

    def add(self, line: str, doubts: list[Doubt] = ()) -> None:
        if doubts and not line.startswith(("#", "<!--")) and self.in_front_matter:
            line += "  # TJEK: " + " ".join(doubt.message for doubt in doubts)
        self.lines.append(line)
        self.notes += [Note(len(self.lines), doubt) for doubt in doubts]

    in_front_matter = True


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_draft(draft: Draft, committee: str, date: dt.date, date_given: bool) -> tuple[str, list[Note]]:
    """The minutes file's text and the notes on what to review, by line."""
    out = _Writer()
    out.add("---")
    out.add(f"udvalg: {committee}", draft.source_doubts)
    if draft.title:
        out.add(f"titel: {_quote(draft.title)}")
    date_doubts = []
    if not draft.date_has_year:
        date_doubts.append(
            Doubt(
                f"referatet angiver ikke årstal ('{draft.date_text}'); året er taget fra --dato.",
                "tjek året, og ret 'dato_note', hvis du kan sige, hvorfor det er det år.",
            )
        )
    elif date_given and draft.date and draft.date != date:
        date_doubts.append(
            Doubt(
                f"referatet siger '{draft.date_text}', men --dato er {date.isoformat()}.",
                "tjek, hvilken dato der er rigtig, og ret 'dato'.",
            )
        )
    out.add(f"dato: {date.isoformat()}", date_doubts + draft.doubts.get("dato", []))
    if not draft.date_has_year:
        out.add(f"dato_note: {_quote(f'Referatet angiver ikke årstal, kun {draft.date_text}.')}")
    if draft.time:
        out.add(f"tid: {_quote('–'.join(draft.time))}", draft.doubts.get("tid", []))
    else:
        missing = Doubt("der er ikke fundet et tidspunkt.", "skriv fx 'tid: 9.00–12.00'.")
        out.add("tid:", draft.doubts.get("tid") or [missing])  # or the one that could not be read
    if draft.place:
        out.add(f"sted: {_quote(draft.place)}")
    else:
        out.add(
            "sted:", [Doubt("der er ikke fundet et mødested.", "skriv mødested og lokale efter 'sted:'.")]
        )
    for key, person in (("moedeleder", draft.chair), ("referent", draft.secretary)):
        if person is None:
            name = "mødeleder" if key == "moedeleder" else "referent"
            out.add(
                f"{key}:", [Doubt(f"der er ikke fundet en {name}.", f"skriv '  navn: …' under '{key}:'.")]
            )
            out.add("  navn:")
            continue
        out.add(f"{key}:")
        _person(out, person, "  ", need_organisation=False)
    if draft.theme:
        out.add(f"tema: {_quote(draft.theme)}")
    for key in _GROUP_ORDER:
        people = draft.groups.get(key)
        if people is None:
            continue
        if not people:
            out.add(f"{key}: []", draft.doubts.get(key, []))
            continue
        out.add(f"{key}:", draft.doubts.get(key, []))
        for person in people:
            _person(out, person, "  - ", need_organisation=True, what=_GROUP_NAMES[key])
    out.add("---")
    out.in_front_matter = False
    out.add("")
    if draft.intro:
        out.add(
            draft.intro[0],
            [
                Doubt(
                    "teksten før første dagsordenspunkt står som indledning.",
                    "flyt den til et felt, hvis den hører til et (fx 'tema'), eller lad den stå.",
                )
            ],
        )
        for line in draft.intro[1:]:
            out.add("")
            out.add(line)
        out.add("")
    for name, link in draft.unplaced_attachments:
        out.add(
            f"- [{name}]({link})",
            [
                Doubt(
                    f"bilaget '{name}' kunne ikke knyttes til et dagsordenspunkt.",
                    "flyt linket ind under '### Bilag' i det punkt, bilaget hører til.",
                )
            ],
        )
    if draft.unplaced_attachments:
        out.add("")
    if not draft.items:
        out.add(
            "## 1. Dagsordenspunkt",
            [
                Doubt(
                    "der er ikke fundet nogen dagsordenspunkter.",
                    "del teksten op i punkter med '## 1. Titel'.",
                )
            ],
        )
        out.add("")
    for item in draft.items:
        _item(out, item)
    while out.lines and not out.lines[-1]:
        out.lines.pop()
    return "\n".join(out.lines) + "\n", sorted(out.notes, key=lambda note: note.line)


def _person(out: _Writer, person: Person, lead: str, need_organisation: bool, what: str = "") -> None:
    out.add(f"{lead}navn: {_quote(person.name)}", person.doubts)
    indent = " " * len(lead)
    if person.organisation:
        out.add(f"{indent}organisation: {_quote(person.organisation)}")
    elif need_organisation:
        out.add(
            f"{indent}organisation: {UNKNOWN_ORGANISATION}",
            [
                Doubt(
                    f"{what} '{person.name}' har ingen organisation i referatet.",
                    f"skriv organisationen, eller lad '{UNKNOWN_ORGANISATION}' stå, hvis referatet ikke "
                    "nævner den.",
                )
            ],
        )
    if person.role:
        out.add(f"{indent}rolle: {_quote(person.role)}")


def _item(out: _Writer, item: Item) -> None:
    out.add(f"## {item.number}. {item.title}", item.doubts)
    out.add("")
    labelled = any(block.label for block in item.blocks)
    for block in item.blocks:
        doubts = list(block.doubts)
        if block.label is None and labelled:
            doubts.append(
                Doubt(
                    f"teksten i punkt {item.number} før første blok har ingen blokoverskrift.",
                    "tilføj fx '### Orientering' over den, hvis den er en blok, eller lad den stå.",
                )
            )
        if block.label:
            out.add(f"### {block.label}", doubts)
            out.add("")
            doubts = []
        for index, line in enumerate(block.lines):
            out.add(line, doubts if index == 0 else [])
        out.add("")


def summary(draft: Draft) -> str:
    """One line on what was read, for the terminal."""
    people = sum(len(group) for group in draft.groups.values())
    when = (
        format_date(draft.date) if draft.date and draft.date_has_year else (draft.date_text or "ingen dato")
    )
    return f"{when}: {len(draft.items)} dagsordenspunkter, {people} personer."
