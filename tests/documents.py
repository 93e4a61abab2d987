"""Real PDF and Word files made from text, for the importer's and the attachments' tests."""

from __future__ import annotations

from pathlib import Path

import docx
from fpdf import FPDF


def make_pdf(
    path: Path,
    pages: list[list[str]],
    header: str | None = None,
    numbered: bool = True,
    password: str | None = None,
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
                self.cell(0, 10, f"Side {self.page_no()} af {len(pages)}", align="C")

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


def make_docx(path: Path, header: list[tuple[str, str]], paragraphs: list[tuple[str, str]]) -> Path:
    """A Word file: a title, a header table (label, value) and paragraphs as (style, text).

    Style "List Number" is Word's automatic numbering (the numbers are not in the text), "List
    Bullet" its bullets, "Normal" a plain paragraph.
    """
    document = docx.Document()
    document.add_paragraph("Referat", style="Title")
    table = document.add_table(rows=len(header), cols=2)
    for row, (label, value) in zip(table.rows, header, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path
