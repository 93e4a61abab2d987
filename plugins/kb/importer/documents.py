"""The text of a PDF, Word or text file, as lines, read within limits and never with a traceback.

Both the importer (``praktikviden import``) and the attachments' search text read documents here.
The result has the shape of text extracted from a PDF: one line per printed line, blank lines where
the page leaves space. PDF files are read by ``pdf_document.py``, Word files by ``word_document.py``;
line-end hyphens are left to the caller.

The files may be hostile (a zip bomb, a PDF whose parts refer to themselves, a damaged stream):
every file is at most ``MAX_FILE_MB``, the libraries read within the limits their modules set, and
whatever they raise becomes a problem in Danish naming the file; nothing of the libraries' English
error text reaches the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plugins.kb.importer.draft import Doubt
from plugins.kb.importer.pdf_document import Encrypted, page_lines, pdf_pages, without_furniture
from plugins.kb.importer.pdf_document import TooLarge as PdfTooLarge
from plugins.kb.importer.word_document import TooLarge as WordTooLarge
from plugins.kb.importer.word_document import word_text
from plugins.kb.problems import Problem

# The largest file read; minutes run to a few MB, an attached report with pictures to some tens.
MAX_FILE_MB = 50
# The most text read from one file: a 20-page PDF of minutes has about 60,000 characters; joining
# the lines of one long paragraph of 1,000,000 characters takes about 2 s (benchmarks/RESULTS.md).
MAX_TEXT_CHARACTERS = 1_000_000
# A page with less text than this is taken to have no text layer (a scan).
_MIN_TEXT_PER_PAGE = 20

_KINDS = {".pdf": "PDF-filen", ".docx": "Word-filen", ".txt": "filen"}
_RESAVE = {
    ".pdf": "åbn den, og gem den som PDF igen (eller udskriv den til PDF).",
    ".docx": "åbn den i Word (Word tilbyder at reparere den), og gem den igen som Word-dokument (.docx).",
    ".txt": "åbn den, og gem den igen som tekst (UTF-8).",
}
TRACKED_CHANGES = Doubt(
    "Word-filen har registrerede ændringer (Spor ændringer); de er læst, som om de er godkendt: "
    "indsat tekst er med, slettet tekst er ikke.",
    "tjek mod Word-filen, at ændringerne skulle godkendes; ellers ret teksten.",
)


@dataclass(frozen=True, slots=True)
class DocumentText:
    """The text read from a file, and what the reading wants the editor to know about it."""

    text: str
    doubts: tuple[Doubt, ...] = ()


def read_document(path: Path, source: str, markdown: bool = False) -> tuple[str | None, list[Problem]]:
    """Return the text of a ``.pdf``, ``.docx`` or ``.txt`` file, or problems saying why not.

    With ``markdown``, a Word file's headings and tables are written as Markdown ("## Titel",
    "| Navn | Organisation |"), for the importer, which reads agenda items and labels from them.
    """
    found, problems = read_document_text(path, source, markdown)
    return (found.text if found else None), problems


def read_document_text(
    path: Path, source: str, markdown: bool = False
) -> tuple[DocumentText | None, list[Problem]]:
    """Return the text of a file and the doubts its reading raised, or problems saying why not."""
    suffix = path.suffix.lower()
    if suffix not in _KINDS:
        return _refusal(
            source,
            f"filtypen '{path.suffix or 'ingen'}' kan ikke læses.",
            "brug en PDF-fil (.pdf), en Word-fil (.docx) eller tekst (.txt); gem et ældre Word-dokument "
            "(.doc) som .docx først.",
        )
    try:
        size = path.stat().st_size
    except OSError:
        return _refusal(source, "filen kan ikke åbnes.", "tjek stien, og at du har lov at læse filen.")
    if size == 0:
        return _empty(source, suffix)
    if size > MAX_FILE_MB * 1024 * 1024:
        return _refusal(
            source,
            f"{_KINDS[suffix]} fylder {size / 1024 / 1024:.0f} MB; der læses højst {MAX_FILE_MB} MB.",
            "gem en udgave uden billeder, eller del filen op, og prøv igen.",
        )
    try:
        found, problems = _read(path, suffix, source, markdown)
    except (PdfTooLarge, WordTooLarge) as error:
        return _refusal(source, str(error), "gem en mindre udgave af filen, eller del den op.")
    except Exception as error:  # noqa: BLE001 - a hostile or damaged file is refused, never a traceback
        return _refusal(source, _failure(suffix, error), _RESAVE[suffix])
    if found is not None and len(found.text) > MAX_TEXT_CHARACTERS:
        return _refusal(
            source,
            f"{_KINDS[suffix]} har mere end {MAX_TEXT_CHARACTERS:,} tegn tekst.".replace(",", "."),
            "del filen op, og læs delene hver for sig.",
        )
    if found is not None and not found.text.strip():
        return _empty(source, suffix)
    return found, problems


def _empty(source: str, suffix: str) -> tuple[None, list[Problem]]:
    return _refusal(
        source, f"{_KINDS[suffix]} er tom: der er ingen tekst i den.", "tjek, at det er den rigtige fil."
    )


def _failure(suffix: str, error: Exception) -> str:
    """The Danish message for what a library raised on the file (its own text is English)."""
    if type(error).__name__ == "LimitReachedError" or isinstance(error, MemoryError):
        return (
            f"{_KINDS[suffix]} kan ikke læses: en del af den pakker ud til mere end "
            "programmet læser, eller den henviser til sig selv."
        )
    if isinstance(error, RecursionError):
        return f"{_KINDS[suffix]} kan ikke læses: den er bygget for dybt i lag."
    return f"{_KINDS[suffix]} er beskadiget og kan ikke læses."


def _refusal(source: str, message: str, hint: str) -> tuple[None, list[Problem]]:
    return None, [Problem(source, 0, message, hint)]


def _read(path: Path, suffix: str, source: str, markdown: bool) -> tuple[DocumentText | None, list[Problem]]:
    if suffix == ".txt":
        from plugins.kb.metadata.textfile import read_text

        text, problems = read_text(path, source)
        return (DocumentText(text) if text is not None else None), problems
    head = path.read_bytes()[:1024]
    if suffix == ".pdf":
        if not head.lstrip().startswith(b"%PDF-"):
            return _refusal(
                source, "filen er ikke en PDF-fil.", "tjek, at det er den rigtige fil, og at den kan åbnes."
            )
        return _pdf_text(path, source)
    if not head.startswith(b"PK"):
        return _refusal(
            source,
            "filen er ikke en Word-fil (.docx).",
            "åbn den i Word og gem den som Word-dokument (.docx).",
        )
    lines, tracked = word_text(path, markdown)
    text = "\n".join(lines).rstrip() + "\n"
    return DocumentText(text, (TRACKED_CHANGES,) if tracked else ()), []


def _pdf_text(path: Path, source: str) -> tuple[DocumentText | None, list[Problem]]:
    try:
        pages = pdf_pages(path)
    except Encrypted:
        return _refusal(
            source,
            "PDF-filen er beskyttet med adgangskode eller kryptering.",
            "gem en udgave uden beskyttelse (i Adobe Reader: Filer › Egenskaber › Sikkerhed), og prøv igen.",
        )
    if not pages:
        return _refusal(source, "PDF-filen er tom: den har ingen sider.", "tjek, at det er den rigtige fil.")
    if sum(len(page.strip()) for page in pages) < _MIN_TEXT_PER_PAGE * len(pages):
        return _refusal(
            source,
            "PDF-filen har ingen tekst, kun billeder af siderne (den er scannet).",
            "brug den oprindelige Word-fil, eller lad PDF-filen genkende tekst (OCR) først.",
        )
    return DocumentText("\n".join(without_furniture([page_lines(page) for page in pages]))), []
