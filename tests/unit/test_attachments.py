"""Attachment files: type by name, size in Danish, searchable text, and files that cannot be read."""

from __future__ import annotations

import pytest

from plugins.kb.content.attachments import FILE_TYPES, describe, file_type, searchable_text
from plugins.kb.outputs.formatting import format_size
from tests.documents import make_docx, make_pdf, make_scanned_pdf

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 KB"),
        (10, "1 KB"),
        (1024, "1 KB"),
        (1025, "2 KB"),
        (12 * 1024, "12 KB"),
        (999 * 1024, "999 KB"),
        (1000 * 1024, "1,0 MB"),
        (1_258_291, "1,2 MB"),
        (10 * 1024**2 - 1, "10 MB"),
        (35 * 1024**2, "35 MB"),
        (2 * 1024**3, "2,0 GB"),
    ],
)
def test_sizes_read_as_windows_explorer_counts_them_in_danish(size, expected):
    assert format_size(size) == expected.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("name", "label", "searchable"),
    [
        ("ansoegertal.pdf", "PDF", True),
        ("RAPPORT.PDF", "PDF", True),
        ("temadag.docx", "Word", True),
        ("gammel.doc", "Word", False),
        ("frafald.xlsx", "Excel", False),
        ("tal.ods", "ODS", False),
        ("README", "Fil", False),
    ],
)
def test_the_type_comes_from_the_end_of_the_name(name, label, searchable):
    kind = file_type(name)
    assert (kind.label, kind.searchable) == (label, searchable)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sundhedsassistentuddan-\nnelsen", "sundhedsassistentuddannelsen"),
        ("social-\nog sundhed", "social- og sundhed"),
        ("AMU-\nkurser", "AMU-kurser"),
        ("praktik-\n\n  vejlederne", "praktikvejlederne"),
        ("  to   linjer\n\nog ⟦mere⟧  ", "to linjer og mere"),
    ],
)
def test_searchable_text_joins_line_end_hyphens_and_spaces(text, expected):
    assert searchable_text(text) == expected


def test_only_pdf_and_word_are_searchable():
    assert sorted(suffix for suffix, kind in FILE_TYPES.items() if kind.searchable) == [".docx", ".pdf"]


def test_a_pdf_and_a_word_file_give_their_text(tmp_path):
    pdf = make_pdf(tmp_path / "tal.pdf", [["Ansøgertal januar 2024", "45 ansøgere i Skive"]], numbered=False)
    found, problems = describe(pdf, "content/bilag/m/tal.pdf")
    assert problems == []
    assert (found.kind, found.size, found.text) == (
        "PDF",
        pdf.stat().st_size,
        "Ansøgertal januar 2024 45 ansøgere i Skive",
    )
    word = make_docx(tmp_path / "notat.docx", [], [("Normal", "Mentorordninger for nye elever.")])
    found, problems = describe(word, "content/bilag/m/notat.docx")
    assert (found.kind, found.text, problems) == ("Word", "Referat Mentorordninger for nye elever.", [])


def test_a_file_of_another_type_is_described_without_reading_it(tmp_path):
    sheet = tmp_path / "frafald.xlsx"
    sheet.write_bytes(b"not read")
    found, problems = describe(sheet, "content/bilag/m/frafald.xlsx")
    assert (found.kind, found.size, found.text, problems) == ("Excel", 8, None, [])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda path: make_pdf(path, [["Hemmeligt"]], password="kode"),
            "PDF-filen er beskyttet med adgangskode eller kryptering.",
        ),
        (
            lambda path: make_scanned_pdf(path),
            "PDF-filen har ingen tekst, kun billeder af siderne (den er scannet).",
        ),
        (
            lambda path: path.write_bytes(b"%PDF-1.4\nnot really a PDF"),
            "PDF-filen er beskadiget og kan ikke læses.",
        ),
        (lambda path: path.write_text("plain text, named .pdf"), "filen er ikke en PDF-fil."),
    ],
    ids=["encrypted", "scanned", "damaged", "not-a-pdf"],
)
def test_a_pdf_that_cannot_be_read_is_described_without_text_and_says_why(tmp_path, make, message):
    path = tmp_path / "bilag.pdf"
    make(path)
    found, problems = describe(path, "content/bilag/m/bilag.pdf")
    assert (found.kind, found.size, found.text) == ("PDF", path.stat().st_size, None)
    assert len(problems) == 1
    assert problems[0].message.startswith(
        "bilaget vises og kan hentes, men søgningen finder ikke dets tekst: "
    )
    assert problems[0].message.endswith(message)
    assert problems[0].hint
