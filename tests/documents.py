"""Real PDF and Word files made from text, for the importer's and the attachments' tests."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF


def make_pdf(
    path: Path,
    pages: list[list[str]],
    header: str | None = None,
    numbered: bool = True,
    password: str | None = None,
    footer: str = "Side {page} af {pages}",
) -> Path:
    """A PDF with one list of printed lines per page, a running header and "Side N af M" footers.

    The core font (Helvetica) has Danish letters but no en dash: write "-" in the lines.
    """

    class Document(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if numbered:
                self.set_y(-15)
                self.set_font("Helvetica", size=9)
                self.cell(0, 10, footer.format(page=self.page_no(), pages=len(pages)), align="C")

    pdf = Document()
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose pages have no text layer, only drawing, as a scan has."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250)
    pdf.output(str(path))
    return path


def make_docx(
    path: Path,
    header: list[tuple[str, str]],
    paragraphs: list[tuple[str, str | list[list[str]]]],
    numbered_headings: bool = False,
) -> Path:
    """A Word file: a title, a header table (label, value) and paragraphs as (style, text).

    Style "List Number" is Word's automatic numbering (the numbers are not in the text), "List
    Bullet" its bullets ("List Bullet 2", "List Number 2" one level in), "Heading 1" and "Heading 2"
    headings (with ``numbered_headings`` numbered by Word, "1." and "1.1.", as a multilevel list
    linked to the heading styles does), "Normal" a plain paragraph, and "Table" a table: one row
    per line of the text, its cells separated by " | " (or the rows as lists of cells, whose text
    may have line breaks).
    """
    document = docx.Document()
    if numbered_headings:
        _number_headings(document)
    document.add_paragraph("Referat", style="Title")
    if header:
        table = document.add_table(rows=len(header), cols=2)
        for row, (label, value) in zip(table.rows, header, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
    for style, text in paragraphs:
        if style == "Table":
            rows = [line.split(" | ") for line in text.splitlines()] if isinstance(text, str) else text
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=True):
                    cell.text = value
        else:
            document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def _number_headings(document) -> None:
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{432 + 144 * level}" w:hanging="432"/>'
        "</w:pPr></w:lvl>"
        for level, text in enumerate(["%1.", "%1.%2."])
    )
    numbering = document.part.numbering_part.element
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, style in enumerate(["Heading 1", "Heading 2"]):
        properties = document.styles[style].element.get_or_add_pPr()
        properties.insert(
            0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
