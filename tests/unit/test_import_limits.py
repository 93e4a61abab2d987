"""Hostile and damaged files: refused in Danish naming the file, within the limits, never a traceback.

Every file is made by the test from bytes: a Word file whose document.xml is a run of zeros packed a
thousand times (a zip bomb), one whose part lies about its size, one with a damaged stream, a PDF
whose /Length refers to itself and one whose page unpacks to more than pypdf is let read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plugins.kb.content.attachments import describe
from plugins.kb.importer import documents, pdf_document, word_document
from plugins.kb.importer.documents import read_document, read_document_text
from tests.documents import (
    make_damaged_docx,
    make_docx_from_xml,
    make_docx_with_part,
    make_docx_zip_bomb,
    make_pdf,
    make_pdf_flate_bomb,
    make_pdf_length_loop,
)

SOURCE = "referat"
RESAVE_WORD = "åbn den i Word (Word tilbyder at reparere den), og gem den igen som Word-dokument (.docx)."
SMALLER = "gem en mindre udgave af filen, eller del den op."

HOSTILE = {
    "docx zip bomb, 120 MB of zeros": (
        lambda d: make_docx_zip_bomb(d / "referat.docx", 120),
        "Word-filen fylder mere end 100 MB, når den pakkes ud.",
        SMALLER,
    ),
    "docx part packed 1000 times": (
        lambda d: make_docx_zip_bomb(d / "referat.docx", 20),
        "delen 'word/document.xml' af Word-filen er pakket mere end 100 gange sammen; sådan pakker Word "
        "ikke tekst.",
        SMALLER,
    ),
    "docx part that lies about its size": (
        lambda d: make_docx_with_part(
            d / "referat.docx", "word/document.xml", b"0" * (5 * 1024 * 1024), declared_size=1000
        ),
        "Word-filen er beskadiget og kan ikke læses.",
        RESAVE_WORD,
    ),
    "docx with a damaged stream": (
        lambda d: make_damaged_docx(d / "referat.docx"),
        "Word-filen er beskadiget og kan ikke læses.",
        RESAVE_WORD,
    ),
    "docx that is not XML inside": (
        lambda d: make_docx_with_part(d / "referat.docx", "word/document.xml", b"<w:document><w:body>"),
        "Word-filen er beskadiget og kan ikke læses.",
        RESAVE_WORD,
    ),
    "docx without its document": (
        lambda d: make_docx_with_part(d / "referat.docx", "[Content_Types].xml", b"<Types/>"),
        "Word-filen er beskadiget og kan ikke læses.",
        RESAVE_WORD,
    ),
    "pdf whose /Length refers to itself": (
        lambda d: make_pdf_length_loop(d / "referat.pdf"),
        "PDF-filen kan ikke læses: en del af den pakker ud til mere end programmet læser, eller den "
        "henviser til sig selv.",
        "åbn den, og gem den som PDF igen (eller udskriv den til PDF).",
    ),
    "pdf flate bomb, 100 MB of spaces": (
        lambda d: make_pdf_flate_bomb(d / "referat.pdf", 100),
        "PDF-filen kan ikke læses: en del af den pakker ud til mere end programmet læser, eller den "
        "henviser til sig selv.",
        "åbn den, og gem den som PDF igen (eller udskriv den til PDF).",
    ),
    "pdf that ends in the middle": (
        lambda d: (
            d.joinpath("referat.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
            and d / "referat.pdf"
        ),
        "PDF-filen er beskadiget og kan ikke læses.",
        "åbn den, og gem den som PDF igen (eller udskriv den til PDF).",
    ),
    "empty docx": (
        lambda d: make_docx_from_xml(d / "referat.docx", []),
        "Word-filen er tom: der er ingen tekst i den.",
        "tjek, at det er den rigtige fil.",
    ),
    "empty text": (
        lambda d: d.joinpath("referat.txt").write_text(" \n\n") and d / "referat.txt",
        "filen er tom: der er ingen tekst i den.",
        "tjek, at det er den rigtige fil.",
    ),
    "zero bytes pdf": (
        lambda d: d.joinpath("referat.pdf").write_bytes(b"") or d / "referat.pdf",
        "PDF-filen er tom: der er ingen tekst i den.",
        "tjek, at det er den rigtige fil.",
    ),
}
# English words the libraries' messages use; none may reach the editor.
ENGLISH = re.compile(r"\b(?:error|limit|stream|reached|object|invalid|file|bad|zip|the|not)\b", re.I)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_danish_naming_the_file(tmp_path, case):
    make, message, hint = HOSTILE[case]
    path = make(tmp_path)
    text, problems = read_document(path, SOURCE, markdown=True)
    assert text is None
    assert [(p.path, p.line, p.message, p.hint) for p in problems] == [(SOURCE, 0, message, hint)]
    assert not ENGLISH.search(str(problems[0]))


@pytest.mark.parametrize("case", sorted(case for case in HOSTILE if "text" not in case))
def test_an_attachment_that_is_a_hostile_file_is_a_warning_not_a_crash(tmp_path, case):
    make, message, _ = HOSTILE[case]
    path = make(tmp_path)
    found, problems = describe(path, "content/bilag/m/" + path.name)
    assert found.text is None and found.size == path.stat().st_size
    assert [p.message for p in problems] == [
        f"bilaget vises og kan hentes, men søgningen finder ikke dets tekst: {message}"
    ]


def test_a_file_over_the_size_limit_is_not_opened(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_FILE_MB", 1)
    path = make_pdf(tmp_path / "referat.pdf", [["x" * 80] * 40] * 10)
    path.write_bytes(path.read_bytes() + b"%" * (2 * 1024 * 1024))
    _, problems = read_document(path, SOURCE)
    assert [p.message for p in problems] == ["PDF-filen fylder 2 MB; der læses højst 1 MB."]


def test_a_pdf_over_the_page_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_document, "MAX_PAGES", 2)
    path = make_pdf(tmp_path / "referat.pdf", [["Referat fra mødet, side for side."]] * 3)
    _, problems = read_document(path, SOURCE)
    assert [p.message for p in problems] == ["PDF-filen har 3 sider; der læses højst 2."]


def test_more_text_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_TEXT_CHARACTERS", 100)
    path = tmp_path / "referat.txt"
    path.write_text("Referat. " * 20)
    _, problems = read_document(path, SOURCE)
    assert [p.message for p in problems] == ["filen har mere end 100 tegn tekst."]


def test_the_limits_are_those_the_docs_name():
    text = (Path(documents.__file__).parents[3] / "docs" / "referater.md").read_text(encoding="utf-8")
    for limit in (
        f"{documents.MAX_FILE_MB} MB",
        f"{word_document.MAX_UNPACKED_MB} MB",
        f"{pdf_document.MAX_STREAM_MB} MB",
        f"{pdf_document.MAX_PAGES:,}".replace(",", "."),
    ):
        assert limit in text, limit


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            "<w:p><w:r><w:t>Godkendt </w:t></w:r><w:ins w:id='1' w:author='A'><w:r><w:t>med ændringer</w:t>"
            "</w:r></w:ins><w:del w:id='2' w:author='A'><w:r><w:delText>uden bemærkninger</w:delText>"
            "</w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>",
            "Godkendt med ændringer.",
        ),
        (
            "<w:p><w:r><w:t xml:space='preserve'>Dato: </w:t></w:r><w:sdt><w:sdtPr><w:date/></w:sdtPr>"
            "<w:sdtContent><w:r><w:t>27. november 2023</w:t></w:r></w:sdtContent></w:sdt></w:p>",
            "Dato: 27. november 2023",
        ),
        (
            "<w:p><w:r><w:t xml:space='preserve'>Side </w:t></w:r><w:fldSimple w:instr='PAGE'><w:r>"
            "<w:t>3</w:t></w:r></w:fldSimple></w:p>",
            "Side 3",
        ),
        (
            "<w:p><w:r><w:t xml:space='preserve'>Mødeleder: </w:t></w:r><w:r>"
            "<w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>MERGEFIELD Leder</w:instrText>"
            "</w:r><w:r><w:fldChar "
            "w:fldCharType='separate'/></w:r><w:r><w:t>Bo Bæk</w:t></w:r><w:r><w:fldChar "
            "w:fldCharType='end'/></w:r></w:p>",
            "Mødeleder: Bo Bæk",
        ),
        (
            "<w:p><w:r><w:t>Referat</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
            "<wps:txbx><w:txbxContent><w:p><w:r><w:t>Sted: SOSU MV Herning</w:t></w:r></w:p>"
            "</w:txbxContent></wps:txbx></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            "<w:txbxContent><w:p><w:r><w:t>Sted: SOSU MV Herning</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            "Referat\n\nSted: SOSU MV Herning",
        ),
        (
            "<w:p><w:moveFrom w:id='3' w:author='A'><w:r><w:t>Flyttet væk. </w:t></w:r></w:moveFrom>"
            "<w:r><w:t>Bliver.</w:t></w:r><w:moveTo w:id='4' w:author='A'><w:r><w:t> Flyttet hertil.</w:t>"
            "</w:r></w:moveTo></w:p>",
            "Bliver. Flyttet hertil.",
        ),
    ],
    ids=[
        "tracked insertion and deletion",
        "content control",
        "simple field",
        "complex field",
        "text box",
        "moved text",
    ],
)
def test_word_text_is_read_as_the_document_shows_it(tmp_path, xml, expected):
    path = make_docx_from_xml(tmp_path / "referat.docx", [xml])
    found, problems = read_document_text(path, SOURCE)
    assert problems == []
    assert found.text.strip() == expected


def test_tracked_changes_are_a_doubt_and_a_deleted_table_row_is_left_out(tmp_path):
    row = (
        "<w:tr>{props}<w:tc><w:p><w:r><w:t>{label}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{value}</w:t>"
    )
    row += "</w:r></w:p></w:tc></w:tr>"
    table = (
        "<w:tbl>"
        + row.format(props="", label="Dato:", value="27. november 2023")
        + row.format(props="<w:trPr><w:del w:id='1' w:author='A'/></w:trPr>", label="Tid:", value="kl. 8-9")
        + "</w:tbl>"
    )
    found, problems = read_document_text(make_docx_from_xml(tmp_path / "referat.docx", [table]), SOURCE)
    assert (found.text, problems) == ("Dato: 27. november 2023\n", [])
    assert [doubt.message for doubt in found.doubts] == [documents.TRACKED_CHANGES.message]
    plain = make_docx_from_xml(tmp_path / "uden.docx", ["<w:p><w:r><w:t>Referat</w:t></w:r></w:p>"])
    assert read_document_text(plain, SOURCE)[0].doubts == ()
