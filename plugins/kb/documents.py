"""The text of a PDF or Word file, as lines, with what the PDF's pages repeat taken out.

Both the importer (``praktikviden import``) and the attachments' search text read documents here.
The result has the shape of text extracted from a PDF: one line per printed line, blank lines where
the page leaves space. A Word paragraph is indented a space per 180 twips (list levels stand 2 or 4
spaces apart) and has its automatic number or bullet written out ("2.1. …", "• …"); a table's row
is "label: value" (two cells) or its cells joined by commas. Line-end hyphens are left to the caller.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from .problems import Problem

# A page number alone on a line: "7", "Side 7", "Side 7 af 20", "- 7 -", "7/20".
_PAGE_NUMBER = re.compile(r"(?:side\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:af|/)\s*\d{1,4})?", re.I)
# A page with less text than this is taken to have no text layer (a scan).
_MIN_TEXT_PER_PAGE = 20


def read_document(path: Path, source: str, markdown: bool = False) -> tuple[str | None, list[Problem]]:
    """Return the text of a ``.pdf``, ``.docx`` or ``.txt`` file, or problems saying why not.

    With ``markdown``, a Word file's headings and tables are written as Markdown ("## Titel",
    "| Navn | Organisation |"), for the importer, which reads agenda items and labels from them.
    """
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path, source)
    if suffix == ".docx":
        return _docx_text(path, source, markdown)
    if suffix == ".txt":
        from .textfile import read_text

        return read_text(path, source)
    return _refusal(
        source,
        f"filtypen '{path.suffix or 'ingen'}' kan ikke læses.",
        "brug en PDF-fil (.pdf), en Word-fil (.docx) eller tekst (.txt); gem et ældre Word-dokument "
        "(.doc) som .docx først.",
    )


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
    """Join the pages, leaving out page numbers and the header and footer lines every page repeats.

    Lines are compared with their numbers left out, so that "Referat | side 2 af 5" repeats too.
    """
    repeated: Counter[str] = Counter()
    for lines in pages:
        text = [_furniture_key(line) for line in lines if line.strip()]
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
            if index in edges and (_furniture_key(line) in furniture or _PAGE_NUMBER.fullmatch(bare)):
                continue
            joined.append(line)
    return joined


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _docx_text(path: Path, source: str, markdown: bool) -> tuple[str | None, list[Problem]]:
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
    for child in _body_blocks(document.element.body):
        if child.tag == _W + "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            text = paragraph.text.strip()
            if not text:
                continue
            label, indent = numbering.label(paragraph)
            level = _heading_level(paragraph) if markdown else None
            if level:
                lines += ["#" * level + " " + label + text, ""]
            else:
                lines += [" " * round(_left_indent(paragraph, indent) / 180) + label + text, ""]
        elif child.tag == _W + "tbl":
            lines += [_row_text(row, markdown) for row in docx.table.Table(child, document).rows] + [""]
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n", []


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS = {"w": _W[1:-1]}


def _body_blocks(element):
    """The body's paragraphs and tables in order, also those inside content controls (``w:sdt``)."""
    for child in element.iterchildren():
        if child.tag == _W + "sdt":
            content = child.find("w:sdtContent", _NS)
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag in (_W + "p", _W + "tbl"):
            yield child


def _row_text(row, markdown: bool) -> str | None:
    """A table row as "label: value" for two cells, else its cells joined by commas.

    As Markdown, "| cell | cell |" with line breaks as "<br>"; a row of one cell is its text.
    """
    cells, merged = [], None
    for cell in row.cells:  # a merged cell comes once for each column it spans
        if cell._tc is not merged:
            cells.append(cell.text.strip())
            merged = cell._tc
    filled = [cell for cell in cells if cell]
    if markdown and len(filled) > 1:
        return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", "<br>") for cell in cells) + " |"
    if len(filled) == 2:
        return f"{filled[0].rstrip(':').rstrip()}: {filled[1]}"
    return ", ".join(filled) or None


def _style_chain(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _heading_level(paragraph) -> int | None:
    """1 for a "Heading 1" paragraph (or one of its outline level), 2 for "Heading 2" …; None if none."""
    elements = [paragraph._p, *(style.element for style in _style_chain(paragraph))]
    for element in elements:
        found = element.find("w:pPr/w:outlineLvl", _NS)
        if found is not None:
            level = int(found.get(_W + "val"))
            return level + 1 if level < 9 else None
    return None


def _left_indent(paragraph, numbering_indent: int | None) -> int:
    """The paragraph's left indentation in twips: its own, else its list level's, else its style's."""
    if paragraph.paragraph_format.left_indent is not None:
        return paragraph.paragraph_format.left_indent.twips
    if numbering_indent is not None:
        return numbering_indent
    for style in _style_chain(paragraph):
        if style.paragraph_format.left_indent is not None:
            return style.paragraph_format.left_indent.twips
    return 0


class _Level(NamedTuple):
    format: str
    text: str
    start: int
    indent: int | None


class _Numbering:
    """Word's automatic numbers and bullets, which are not in a paragraph's text: count them."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], _Level] = {}
        self.counts: dict[tuple[str, int], int] = {}
        self.styles: dict[str | None, object] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {
            node.get(_W + "abstractNumId"): dict(_read_level(level) for level in node.findall("w:lvl", _NS))
            for node in root.findall("w:abstractNum", _NS)
        }
        for node in root.findall("w:num", _NS):
            ref = node.find("w:abstractNumId", _NS)
            levels = abstract.get(ref.get(_W + "val"), {}) if ref is not None else {}
            for level, spec in levels.items():
                self.levels[(node.get(_W + "numId"), level)] = spec

    def _style_numbering(self, paragraph):
        """The numbering a paragraph's style gives ("List Number"), looked up once per style."""
        style_id = paragraph._p.style
        if style_id not in self.styles:
            style = paragraph.style
            pr = style.element.pPr if style is not None else None
            self.styles[style_id] = pr.numPr if pr is not None else None
        return self.styles[style_id]

    def label(self, paragraph) -> tuple[str, int | None]:
        """The number or bullet Word shows before ``paragraph`` ("3. ", "2.1. ", "• ") and its indent."""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None:
            num_pr = self._style_numbering(paragraph)
        if num_pr is None or num_pr.numId is None:
            return "", None
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        spec = self.levels.get((num_id, level), _Level("decimal", f"%{level + 1}.", 1, None))
        if spec.format == "bullet":
            return "• ", spec.indent
        key = (num_id, level)
        self.counts[key] = self.counts.get(key, spec.start - 1) + 1
        for deeper in [k for k in self.counts if k[0] == num_id and k[1] > level]:
            del self.counts[deeper]

        def shown(match: re.Match) -> str:  # "%1" is level 0's number, "%2" level 1's …
            at = (num_id, int(match[1]) - 1)
            return _formatted(
                self.counts.get(at, self.levels.get(at, spec).start), self.levels.get(at, spec).format
            )

        text = re.sub(r"%(\d)", shown, spec.text)
        return (text + " " if text else ""), spec.indent


def _read_level(level) -> tuple[int, _Level]:
    def value(path: str, default: str) -> str:
        found = level.find(path, _NS)
        return found.get(_W + "val") if found is not None else default

    indent = level.find("w:pPr/w:ind", _NS)
    left = int(indent.get(_W + "left", indent.get(_W + "start", 0))) if indent is not None else None
    spec = _Level(value("w:numFmt", "decimal"), value("w:lvlText", "%1."), int(value("w:start", "1")), left)
    return int(level.get(_W + "ilvl")), spec


def _formatted(value: int, fmt: str) -> str:
    """A list number as Word shows it in ``fmt``: 3, c or C (other formats as digits)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)
