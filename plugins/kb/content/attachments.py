"""Attachment files (bilag): the type of each, and the text of PDF and Word files for the search.

Editors keep an attachment in ``content/bilag/<the minutes file's name>/`` and link it from the agenda
item's Bilag block (docs/referater.md). A build describes each linked file here: its type by the end
of its name, its size, and for PDF and Word files the text the search indexes with the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plugins.kb.importer.documents import read_document
from plugins.kb.importer.minutes_text import join_line
from plugins.kb.model import AttachmentFile
from plugins.kb.problems import Problem

# Where editors keep attachments: content/bilag/<minutes file stem>/<file>.
ATTACHMENTS_DIR = "bilag"


@dataclass(frozen=True, slots=True)
class FileType:
    """A kind of attachment file: its name on the meeting page, and whether its text is searchable."""

    label: str
    searchable: bool = False


# By the end of the file name. Other files are named by their ending ("ODS"); their text is not indexed.
FILE_TYPES: dict[str, FileType] = {
    ".pdf": FileType("PDF", searchable=True),
    ".docx": FileType("Word", searchable=True),
    ".doc": FileType("Word"),
    ".xlsx": FileType("Excel"),
    ".xls": FileType("Excel"),
    ".pptx": FileType("PowerPoint"),
    ".ppt": FileType("PowerPoint"),
    ".csv": FileType("CSV"),
    ".txt": FileType("Tekst"),
    ".png": FileType("PNG-billede"),
    ".jpg": FileType("JPEG-billede"),
    ".jpeg": FileType("JPEG-billede"),
}

# The brackets that keep the hidden search terms out of excerpts (theme/static/js/search.js).
_TERM_BRACKETS = str.maketrans("", "", "⟦⟧")


def file_type(name: str) -> FileType:
    """Return the type of the file called ``name``, by its ending: 'rapport.PDF' is a PDF."""
    suffix = Path(name).suffix.lower()
    return FILE_TYPES.get(suffix) or FileType(suffix[1:].upper() or "Fil")


def searchable_text(text: str) -> str:
    """Return a document's text as one line of words for the index, lines joined as the importer does.

    A hyphen the layout put at a line end goes; "social- og" and "AMU-kurser" keep theirs.
    """
    joined = ""
    for line in text.translate(_TERM_BRACKETS).splitlines():
        if line.strip():
            joined = join_line(joined, line.strip()) if joined else line.strip()
    return " ".join(joined.split())


def describe(path: Path, source: str) -> tuple[AttachmentFile, list[Problem]]:
    """Return the type, size and (PDF and Word) searchable text of the file at ``path``.

    A file whose text cannot be read (encrypted, scanned, damaged, beyond the reading's limits) is
    described without text, with a problem saying why; it is still an attachment the page shows and
    links.
    """
    kind = file_type(path.name)
    size = path.stat().st_size
    if not kind.searchable:
        return AttachmentFile(kind.label, size), []
    text, problems = read_document(path, source)  # refuses a damaged or hostile file, never raises
    problems = [
        Problem(
            source,
            0,
            f"bilaget vises og kan hentes, men søgningen finder ikke dets tekst: {problem.message}",
            problem.hint or "åbn filen og gem den igen som PDF eller Word (.docx).",
        )
        for problem in problems
    ]
    words = searchable_text(text) if text else ""
    return AttachmentFile(kind.label, size, words or None), problems
