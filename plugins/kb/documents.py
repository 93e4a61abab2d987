"""The text of a PDF or Word file, as lines, with what the PDF's pages repeat taken out.

Both the importer (``praktikviden import``) and the attachments' search text read documents here.
The result has the shape of text extracted from a PDF: one line per printed line, blank lines where
the page leaves space, Word's automatic numbers and bullets written out ("3. …", "• …"), and a
table's rows as "cell: cell" lines. Line-end hyphens are left for the caller, who knows the words.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

from .problems import Problem

# A page number alone on a line: "7", "Side 7", "Side 7 af 20", "- 7 -", "7/20".
_PAGE_NUMBER = re.compile(r"(?:side\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:af|/)\s*\d{1,4})?", re.I)
# A page with less text than this is taken to have no text layer (a scan).
_MIN_TEXT_PER_PAGE = 20


def read_document(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    """Return the text of a ``.pdf``, ``.docx`` or ``.txt`` file, or problems saying why not."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path, source)
    if suffix == ".docx":
        return _docx_text(path, source)
    if suffix == ".txt":
        from .textfile import read_text

        return read_text(path, source)
    return None, [
        Problem(
            source,
            0,
            f"filtypen '{path.suffix or 'ingen'}' kan ikke læses.",
            "brug en PDF-fil (.pdf), en Word-fil (.docx) eller tekst (.txt); gem et ældre Word-dokument "
            "(.doc) som .docx først.",
        )
    ]


def _refusal(source: str, message: str, hint: str) -> tuple[None, list[Problem]]:
    return None, [Problem(source, 0, message, hint)]


def _pdf_text(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not path.read_bytes()[:1024].lstrip().startswith(b"%PDF-"):
        return _refusal(
            source, "filen er ikke en PDF-fil.", "tjek, at det er den rigtige fil, og at den kan åbnes."
        )
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            return _refusal(
                source,
                "PDF-filen er beskyttet med adgangskode eller kryptering.",
                "gem en udgave uden beskyttelse (i Adobe Reader: Filer › Egenskaber › Sikkerhed), og prøv "
                "igen.",
            )
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        return _refusal(source, f"PDF-filen kan ikke læses ({error}).", "åbn den og gem den som PDF igen.")
    if not pages or sum(len(page.strip()) for page in pages) < _MIN_TEXT_PER_PAGE * len(pages):
        return _refusal(
            source,
            "PDF-filen har ingen tekst, kun billeder af siderne (den er scannet).",
            "brug den oprindelige Word-fil, eller lad PDF-filen genkende tekst (OCR) først.",
        )
    return "\n".join(_without_furniture([_page_lines(page) for page in pages])), []


def _page_lines(page: str) -> list[str]:
    """A page's lines without trailing space, and at most one blank line in a row."""
    lines: list[str] = []
    for line in page.splitlines():
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _without_furniture(pages: list[list[str]]) -> list[str]:
    """Join the pages, leaving out page numbers and the header and footer lines every page repeats."""
    repeated: Counter[str] = Counter()
    for lines in pages:
        text = [line.strip() for line in lines if line.strip()]
        repeated.update({*text[:2], *text[-2:]})
    furniture = {
        line for line, count in repeated.items() if len(pages) > 1 and count >= max(2, len(pages) / 2)
    }
    joined: list[str] = []
    for lines in pages:
        text = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(text[:2] + text[-2:])
        for index, line in enumerate(lines):
            bare = line.strip()
            if index in edges and (bare in furniture or _PAGE_NUMBER.fullmatch(bare)):
                continue
            joined.append(line)
    return joined


def _docx_text(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        return _refusal(
            source,
            "filen er ikke en Word-fil (.docx).",
            "åbn den i Word og gem den som Word-dokument (.docx).",
        )
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        return _refusal(source, f"Word-filen kan ikke læses ({error}).", "åbn den i Word og gem den igen.")
    numbering = _Numbering(document)
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            text = paragraph.text.strip()
            if text:
                lines += [numbering.label(paragraph) + text, ""]
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells if cell.text.strip()))
                if cells:
                    lines.append(": ".join(cells) if len(cells) == 2 else " ".join(cells))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n", []


class _Numbering:
    """Word's automatic numbers and bullets, which are not in a paragraph's text: count them."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counts: dict[tuple[str, int], int] = {}
        self.styles: dict[str | None, object] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        w = "{" + ns["w"] + "}"
        abstract = {}
        for node in root.findall("w:abstractNum", ns):
            levels = {}
            for level in node.findall("w:lvl", ns):
                fmt = level.find("w:numFmt", ns)
                text = level.find("w:lvlText", ns)
                start = level.find("w:start", ns)
                levels[int(level.get(w + "ilvl"))] = (
                    fmt.get(w + "val") if fmt is not None else "decimal",
                    text.get(w + "val") if text is not None else "%1.",
                    int(start.get(w + "val")) if start is not None else 1,
                )
            abstract[node.get(w + "abstractNumId")] = levels
        for node in root.findall("w:num", ns):
            ref = node.find("w:abstractNumId", ns)
            levels = abstract.get(ref.get(w + "val"), {}) if ref is not None else {}
            for level, spec in levels.items():
                self.formats[(node.get(w + "numId"), level)] = spec

    def _style_numbering(self, paragraph):
        """The numbering a paragraph's style gives ("List Number"), looked up once per style."""
        style_id = paragraph._p.style
        if style_id not in self.styles:
            style = paragraph.style
            pr = style.element.pPr if style is not None else None
            self.styles[style_id] = pr.numPr if pr is not None else None
        return self.styles[style_id]

    def label(self, paragraph) -> str:
        """The number or bullet Word shows before ``paragraph``, e.g. "3. " or "• "; "" if none."""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None:
            num_pr = self._style_numbering(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt, text, start = self.formats.get((num_id, level), ("decimal", "%1.", 1))
        if fmt == "bullet":
            return "  " * level + "• "
        key = (num_id, level)
        self.counts[key] = self.counts.get(key, start - 1) + 1
        for deeper in [k for k in self.counts if k[0] == num_id and k[1] > level]:
            del self.counts[deeper]
        value = self.counts[key]
        shown = chr(ord("a") + value - 1) if fmt == "lowerLetter" else str(value)
        return "  " * level + re.sub(r"%\d", shown, text, count=1) + " "
