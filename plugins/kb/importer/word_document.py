"""The text of a Word file (.docx) as the document shows it, checked against a zip bomb first.

A Word file is a zip archive of XML parts. Before python-docx parses it, :func:`check_package`
refuses an archive that unpacks to more than ``MAX_UNPACKED_MB`` in all, an XML part over
``MAX_XML_MB``, or a large part packed more than ``MAX_RATIO`` times tighter than Word packs text,
and reads every part with a cap, so a part that says it is small and is not stops the reading too
(zipfile finds its checksum wrong).

The text is read from the XML, not from python-docx's ``paragraph.text``, which leaves out text in
tracked insertions (``w:ins``), simple fields (``w:fldSimple``), content controls inside a line
(``w:sdt``) and text boxes (``w:txbxContent``). Tracked changes are read as if accepted: inserted
and moved-to text in, deleted and moved-from text out. A paragraph is indented a space per 180
twips (list levels stand 2 or 4 spaces apart) and has its automatic number or bullet written out
("2.1. …", "• …"); a table's row is "label: value" (two cells) or its cells joined by commas; a text
box's paragraphs follow the paragraph it stands in.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import NamedTuple

# All parts of a Word file together unpack to at most this (a long Word file with pictures: ~20 MB).
MAX_UNPACKED_MB = 100
# A part larger than 1 MB may unpack to at most this many times its packed size; Word's own XML
# packs 5 to 20 times, a zip bomb's runs of zeros a thousand times.
MAX_RATIO = 100
# One XML part (the text is word/document.xml) unpacks to at most this: python-docx holds it as a tree
# of about ten times its size, and a 300-page document's is about 5 MB.
MAX_XML_MB = 20
MAX_PARTS = 10_000
_RATIO_FROM = 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NS = {"w": _W[1:-1]}
# Inside a paragraph: what the document does not show (deleted or moved-away text, the field code,
# the properties) and the fallback copy Word keeps of a text box (the same text again).
_HIDDEN = {_W + tag for tag in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText", "fldData")}
_HIDDEN.add(_MC + "Fallback")
_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_MAX_STYLE_DEPTH = 50  # styles based on styles
_TRACKED = tuple(_W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))


class TooLarge(Exception):
    """The file is beyond one of the reading's limits; ``str()`` says which, in Danish."""


class WordText(NamedTuple):
    """A Word file's lines, and whether it has tracked changes (read as if accepted)."""

    lines: list[str]
    tracked_changes: bool


def check_package(path: Path) -> None:
    """Raise :class:`TooLarge` for a zip bomb, ``zipfile.BadZipFile`` or ``zlib.error`` for damage."""
    limit = MAX_UNPACKED_MB * 1024 * 1024
    too_large = f"Word-filen fylder mere end {MAX_UNPACKED_MB} MB, når den pakkes ud"
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_PARTS:
            raise TooLarge(f"Word-filen har {len(members)} dele; der læses højst {MAX_PARTS}.")
        if sum(member.file_size for member in members) > limit:
            raise TooLarge(f"{too_large}.")
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_MB * 1024 * 1024:
                raise TooLarge(
                    f"delen '{member.filename}' af Word-filen fylder {member.file_size // 1024 // 1024} MB, "
                    f"når den pakkes ud; der læses højst {MAX_XML_MB} MB."
                )
            if member.file_size > _RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise TooLarge(
                    f"delen '{member.filename}' af Word-filen er pakket mere end {MAX_RATIO} gange sammen; "
                    "sådan pakker Word ikke tekst."
                )
        budget = limit
        for member in members:  # a part may say it is smaller than it is: read each with a cap
            with archive.open(member) as stream:
                while chunk := stream.read(1024 * 1024):
                    budget -= len(chunk)
                    if budget < 0:
                        raise TooLarge(f"{too_large}.")


def word_text(path: Path, markdown: bool) -> WordText:
    """Return the lines of the Word file at ``path`` (checked with :func:`check_package` first).

    With ``markdown``, headings and tables are written as Markdown ("## Titel", "| Navn | Rolle |").
    """
    import docx

    check_package(path)
    document = docx.Document(str(path))
    body = document.element.body
    tracked = next(body.iter(*_TRACKED), None) is not None
    reader = _Reader(document, markdown)
    lines = reader.blocks(body)
    return WordText([line for line in lines if line is not None], tracked)


class _Reader:
    """Reads a container of blocks (the body, a table cell, a text box) into lines."""

    def __init__(self, document, markdown: bool) -> None:
        self.document = document
        self.markdown = markdown
        self.numbering = _Numbering(document)
        self.chains: dict[str | None, tuple] = {}

    def style_chain(self, paragraph) -> tuple:
        """The paragraph's chain of styles, looked up once per style (python-docx searches each time)."""
        style_id = paragraph._p.style
        if style_id not in self.chains:
            self.chains[style_id] = _style_chain(paragraph)
        return self.chains[style_id]

    def blocks(self, container) -> list[str | None]:
        from docx.text.paragraph import Paragraph

        lines: list[str | None] = []
        for child in _body_blocks(container):
            if child.tag == _W + "p":
                boxes: list = []
                text = paragraph_text(child, boxes).strip()
                if text:
                    paragraph = Paragraph(child, self.document)
                    label, indent = self.numbering.label(paragraph)
                    chain = self.style_chain(paragraph)
                    level = _heading_level(paragraph, chain) if self.markdown else None
                    if level:
                        lines += ["#" * level + " " + label + text, ""]
                    else:
                        lines += [
                            " " * round(_left_indent(paragraph, chain, indent) / 180) + label + text,
                            "",
                        ]
                for box in boxes:
                    lines += self.blocks(box)
            else:
                lines += [self.row_text(cells) for cells in self.table_cells(child)] + [""]
        return lines

    def table_cells(self, table) -> list[list[str]]:
        """The text of each row's cells; a cell merged with the one above has that one's text.

        A row deleted as a tracked change is left out.
        """
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # by the column of the grid a cell starts in
        for row in table.iterchildren(_W + "tr"):
            if row.find("w:trPr/w:del", _NS) is not None:
                continue
            before = row.find("w:trPr/w:gridBefore", _NS)
            column = _number(before, 0)
            cells = []
            for cell in _cells(row):
                merge = cell.find("w:tcPr/w:vMerge", _NS)
                if merge is not None and merge.get(_W + "val", "continue") == "continue":
                    text = above.get(column, "")
                else:
                    text = above[column] = self.cell_text(cell)
                cells.append(text)
                column += _number(cell.find("w:tcPr/w:gridSpan", _NS), 1)
            rows.append(cells)
        return rows

    def row_text(self, cells: list[str]) -> str | None:
        """A table row as "label: value" for two cells, else its cells joined by commas.

        As Markdown, "| cell | cell |" with line breaks as "<br>"; a row of one cell is its text.
        """
        filled = [cell for cell in cells if cell]
        if self.markdown and len(filled) > 1:
            return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", "<br>") for cell in cells) + " |"
        if len(filled) == 2:
            return f"{filled[0].rstrip(':').rstrip()}: {filled[1]}"
        return ", ".join(filled) or None

    def cell_text(self, cell) -> str:
        lines = []
        for child in _body_blocks(cell):
            if child.tag == _W + "p":
                boxes: list = []
                lines.append(paragraph_text(child, boxes).strip())
                lines += [line for box in boxes for line in self.blocks(box) if line]
            else:  # a table in the cell: its rows
                lines += [", ".join(filter(None, cells)) for cells in self.table_cells(child)]
        return "\n".join(line for line in lines if line).strip()


def paragraph_text(element, boxes: list) -> str:
    """The text a paragraph shows; the text boxes in it are added to ``boxes`` to be read after it."""
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue  # a comment in the XML, or text the document does not show
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag == _W + "br":
            parts.append("" if child.get(_W + "type") in ("page", "column") else "\n")
        elif tag == _W + "txbxContent":
            boxes.append(child)
        else:  # runs, insertions, fields, content controls, hyperlinks, drawings
            parts.append(paragraph_text(child, boxes))
    return "".join(parts)


def _number(element, default: int) -> int:
    """The number in an element's ``w:val`` (a span, a count), or ``default``."""
    value = element.get(_W + "val") if element is not None else None
    return int(value) if value is not None and value.isdigit() else default


def _cells(row):
    """The row's cells (``w:tc``), also those inside content controls."""
    for child in row.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag == _W + "sdt":
            content = child.find("w:sdtContent", _NS)
            if content is not None:
                yield from _cells(content)


def _body_blocks(element):
    """The paragraphs and tables in order, also those inside content controls (``w:sdt``)."""
    for child in element.iterchildren():
        if child.tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo"):
            content = child.find("w:sdtContent", _NS) if child.tag == _W + "sdt" else child
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag in (_W + "p", _W + "tbl"):
            yield child


def _style_chain(paragraph) -> tuple:
    """The paragraph's style and the styles it is based on; a style based on itself ends the chain."""
    chain, seen, style = [], set(), paragraph.style
    while style is not None and style.style_id not in seen and len(chain) < _MAX_STYLE_DEPTH:
        chain.append(style)
        seen.add(style.style_id)
        style = style.base_style
    return tuple(chain)


def _heading_level(paragraph, chain: tuple) -> int | None:
    """1 for a "Heading 1" paragraph (or one of its outline level), 2 for "Heading 2" …; None if none."""
    elements = [paragraph._p, *(style.element for style in chain)]
    for element in elements:
        found = element.find("w:pPr/w:outlineLvl", _NS)
        if found is not None:
            level = int(found.get(_W + "val"))
            return level + 1 if level < 9 else None
    return None


def _left_indent(paragraph, chain: tuple, numbering_indent: int | None) -> int:
    """The paragraph's left indentation in twips: its own, else its list level's, else its style's."""
    if paragraph.paragraph_format.left_indent is not None:
        return paragraph.paragraph_format.left_indent.twips
    if numbering_indent is not None:
        return numbering_indent
    for style in chain:
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
