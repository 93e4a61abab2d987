"""``praktikviden import``: turn minutes in a PDF, Word or text file into a minutes file to review."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from plugins.kb.content.registries import read_committees
from plugins.kb.importer.documents import read_document_text
from plugins.kb.importer.minutes_draft import Note, summary, write_draft
from plugins.kb.importer.minutes_import import read_minutes
from plugins.kb.metadata.values import suggest
from plugins.kb.problems import with_fix
from plugins.kb.sections import section

ATTACHMENTS_DIR = "bilag"
_ATTACHMENT_NUMBER = re.compile(r"bilag[\s_-]*(\d+(?:[._-]\d+)*)", re.I)


class Refused(Exception):
    """The input cannot be used: nothing is written. ``str()`` is the message with its fix."""


@dataclass(slots=True)
class Imported:
    """What one import wrote, and what the editor should review."""

    path: Path
    text: str
    notes: list[Note] = field(default_factory=list)
    attachments: list[Path] = field(default_factory=list)
    summary: str = ""
    renamed: dict[Path, str] = field(default_factory=dict)  # a copied attachment: the name it would have had


def import_minutes(
    source: Path, committee: str, content_root: Path, date: str | None = None, attachments: tuple = ()
) -> Imported:
    """Read ``source``, write ``content/referater/<dato>-<udvalg>.md`` and copy the attachments.

    Raises:
        Refused: the committee is unknown, the date is missing or malformed, the file cannot be read
            (not a PDF or Word file, encrypted, scanned), or the minutes file exists already.

    """
    committees = read_committees(content_root).by_slug
    if committee not in committees:
        known = sorted(committees)
        raise Refused(
            with_fix(
                f"Udvalget '{committee}' findes ikke.",
                f"{suggest(committee, known)}kendte udvalg: {', '.join(known)}.",
            )
        )
    given = None
    if date is not None:
        try:
            given = dt.date.fromisoformat(date)
        except ValueError:
            raise Refused(
                with_fix(f"Datoen '{date}' kan ikke bruges.", "skriv den som ÅÅÅÅ-MM-DD, fx 2023-11-27.")
            ) from None
    if not source.is_file():
        raise Refused(with_fix(f"Filen {source} findes ikke.", "tjek stien og filnavnet."))
    for attachment in attachments:
        if not attachment.is_file():
            raise Refused(with_fix(f"Bilaget {attachment} findes ikke.", "tjek stien og filnavnet."))
    found, problems = read_document_text(source, str(source), markdown=True)
    if found is None:
        raise Refused("\n".join(str(problem) for problem in problems))
    draft = read_minutes(found.text)
    draft.source_doubts += found.doubts
    meeting_date = given or (draft.date if draft.date_has_year else None)
    if meeting_date is None:
        if draft.date_text is None:
            found = "der er ingen dato"
        elif draft.date is None:
            found = f"datoen '{draft.date_text}' kan ikke læses"
        else:
            found = f"referatet siger kun '{draft.date_text}' uden årstal"
        raise Refused(
            with_fix(f"Mødets dato kan ikke findes i {source}: {found}.", "angiv den med --dato ÅÅÅÅ-MM-DD.")
        )
    path = content_root / section("referater").content / f"{meeting_date.isoformat()}-{committee}.md"
    if path.exists():
        raise Refused(
            with_fix(
                f"{path} findes allerede; den er ikke ændret.",
                "slet eller omdøb den først, hvis du vil importere igen.",
            )
        )
    names = attachment_names(attachments, content_root / ATTACHMENTS_DIR / path.stem)
    linked = _place_attachments(draft, path.stem, attachments, [name for name, _ in names])
    written, notes = write_draft(draft, committee, meeting_date, given is not None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(written, encoding="utf-8")
    imported = Imported(path, written, notes, summary=summary(draft))
    for (attachment, target), (_, wanted) in zip(linked, names, strict=True):
        target = content_root / target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(attachment, target)
        imported.attachments.append(target)
        if wanted != target.name:
            imported.renamed[target] = wanted
    return imported


def clean_name(name: str) -> str:
    """An attachment's file name as the site keeps it: lower case, "-" for spaces and odd characters."""
    path = Path(name.lower())
    stem = re.sub(r"[^\w.-]+", "-", path.stem).strip("-.") or "bilag"
    return stem + re.sub(r"[^\w.]+", "", path.suffix)


def attachment_names(attachments: tuple, folder: Path) -> list[tuple[str, str]]:
    """Each attachment's name in ``folder`` and the clean name it would have had.

    Two files whose names are the same once cleaned ("Bilag 1.1.txt", "bilag-1.1.TXT"), or a name a
    file in ``folder`` has already, would overwrite each other: the later one is numbered
    ("bilag-1.1-2.txt").
    """
    taken = {entry.name for entry in folder.iterdir()} if folder.is_dir() else set()
    names = []
    for attachment in attachments:
        wanted = name = clean_name(attachment.name)
        number = 1
        while name in taken:
            number += 1
            name = f"{Path(wanted).stem}-{number}{Path(wanted).suffix}"
        taken.add(name)
        names.append((name, wanted))
    return names


def _place_attachments(draft, stem: str, attachments: tuple, names: list[str]) -> list[tuple[Path, str]]:
    """Link each attachment in the item whose Bilag block names its number ("bilag-3.1.pdf" → 3.1)."""
    placed = []
    for attachment, name in zip(attachments, names, strict=True):
        relative = f"{ATTACHMENTS_DIR}/{stem}/{name}"
        link = f"{{static}}../{relative}"
        number = _ATTACHMENT_NUMBER.search(attachment.stem)
        wanted = number[1].replace("_", ".").replace("-", ".") if number else None
        if wanted and _link_in_items(draft, wanted, link):
            placed.append((attachment, relative))
            continue
        draft.unplaced_attachments.append((attachment.name, link))
        placed.append((attachment, relative))
    return placed


def _link_in_items(draft, number: str, link: str) -> bool:
    line = re.compile(rf"^- (?P<text>[Bb]ilag\s+{re.escape(number)}\b.*)$")
    for item in draft.items:
        for block in item.blocks:
            for index, text in enumerate(block.lines):
                match = line.match(text)
                if match:
                    block.lines[index] = f"- [{match['text']}]({link})"
                    return True
    return False


def run_import(args, content_root: Path, shown_root: Path) -> int:
    """The command: write the file, print its path and every place to review; 2 when refused."""
    try:
        imported = import_minutes(
            Path(args.fil), args.udvalg, content_root, args.dato, tuple(Path(p) for p in args.bilag or ())
        )
    except Refused as refusal:
        print(refusal, file=sys.stderr)
        return 2
    shown = imported.path.relative_to(shown_root)
    print(f"Oprettet: {shown} ({imported.summary})")
    for copied in imported.attachments:
        renamed = imported.renamed.get(copied)
        why = f" (omdøbt: navnet '{renamed}' er allerede brugt af et andet bilag)" if renamed else ""
        print(f"Bilag kopieret: {copied.relative_to(shown_root)}{why}")
    if imported.notes:
        count = len(imported.notes)
        print("\nTjek dette sted i filen:" if count == 1 else f"\nTjek disse {count} steder i filen:")
        for note in imported.notes:
            print(with_fix(f"{shown}:{note.line}: {note.doubt.message}", note.doubt.hint))
    print("\nGennemse filen mod kilden, og kør derefter 'praktikviden check'.")
    return 0
