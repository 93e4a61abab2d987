"""Real PDF and Word files made from text, for the importer's and the attachments' tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
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


# Hostile files, made from bytes by the test, as someone might send them.


def make_docx_with_part(path: Path, name: str, data: bytes, declared_size: int | None = None) -> Path:
    """A real Word file whose part ``name`` is replaced by ``data`` (deflated), e.g. a run of zeros.

    With ``declared_size``, the archive's directory says the part is that large (a part that lies).
    """
    real = make_docx(path.with_suffix(".real.docx"), [], [("Normal", "Referat")])
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member.filename, data if member.filename == name else source.read(member))
    real.unlink()
    if declared_size is not None:  # the uncompressed size in the part's central directory entry
        raw = bytearray(path.read_bytes())
        entry = raw.index(b"PK\x01\x02")
        while raw[entry + 46 : entry + 46 + len(name)] != name.encode():
            entry = raw.index(b"PK\x01\x02", entry + 4)
        struct.pack_into("<I", raw, entry + 24, declared_size)
        path.write_bytes(bytes(raw))
    return path


def make_docx_zip_bomb(path: Path, megabytes: int) -> Path:
    """A Word file whose document.xml is ``megabytes`` MB of zeros, packed to a thousandth of that."""
    return make_docx_with_part(path, "word/document.xml", b"0" * (megabytes * 1024 * 1024))


def make_damaged_docx(path: Path) -> Path:
    """A real Word file with bytes in the middle of its packed document.xml overwritten."""
    make_docx(path, [], [("Normal", f"Punkt {n}: tekst, der fylder i dokumentet.") for n in range(200)])
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("word/document.xml")
    start = member.header_offset + 30 + len(member.filename.encode()) + len(member.extra)
    middle = start + member.compress_size // 2
    raw[middle : middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(raw))
    return path


def pdf_from_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF written byte by byte: object 1 is the catalog; the cross-reference table is right."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def make_one_page_pdf(path: Path, contents: bytes) -> Path:
    """A one-page PDF whose page's content stream is object 4, written as ``contents`` gives it."""
    return pdf_from_objects(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
    )


PDF_TEXT = b"BT /F1 12 Tf 72 700 Td (Referat fra moedet den 27. november 2023) Tj ET"


def make_pdf_length_loop(path: Path) -> Path:
    """A PDF whose page's stream gives its /Length as a reference to itself."""
    return make_one_page_pdf(path, b"<< /Length 4 0 R >>\nstream\n" + PDF_TEXT + b"\nendstream")


def make_pdf_flate_bomb(path: Path, megabytes: int) -> Path:
    """A PDF whose page's stream unpacks to ``megabytes`` MB of spaces."""
    packed = zlib.compress(b" " * (megabytes * 1024 * 1024), 9)
    return make_one_page_pdf(
        path, b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )


_WORD_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def make_docx_from_xml(path: Path, paragraphs: list[str]) -> Path:
    """A Word file whose body is the given ``<w:p>`` or ``<w:tbl>`` elements, written as WordprocessingML.

    The prefixes w, mc, v and wps may be used without declaring them.
    """
    document = docx.Document()
    body = document.element.body
    for xml in paragraphs:
        element = parse_xml(xml.replace(">", f" {_WORD_NAMESPACES}>", 1))
        body.insert(len(body) - 1, element)  # before the section properties
    document.save(str(path))
    return path
