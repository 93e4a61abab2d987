"""Attachments as files: listed with type and size, linked, published, their text indexed with the item."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pelican import Pelican

from plugins.attachments import plugin
from plugins.kb.build import Build
from plugins.kb.content.attachments import describe
from plugins.kb.outputs.formatting import format_size
from plugins.kb.storage.cache import ContentCache
from tests.attachments_site import DOCX_TEXT, FOLDER, MEETING, build_attachments_site, make_attachments
from tests.conftest import FIXTURES, page, site_settings
from tests.documents import make_docx


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture site built once: its folder and the warnings the build logged."""
    workdir = tmp_path_factory.mktemp("attachments")
    _, warnings = build_attachments_site(workdir)
    return workdir, warnings


@pytest.fixture(scope="module")
def meeting(built):
    return page(built[0] / "output", MEETING)


def item(meeting, number: int):
    return meeting.select_one(f"#punkt-{number}").find_parent("section")


def size(built, name: str) -> str:
    return format_size((built[0] / "content" / FOLDER / name).stat().st_size)


def test_linked_files_are_listed_with_type_and_size_in_the_order_written(built, meeting):
    block = item(meeting, 2).select_one("#punkt-2-bilag")
    assert [li.get_text(" ", strip=True) for li in block.select("li")] == [
        f"Bilag 2.1 Ansøgertal januar 2024 (PDF, {size(built, 'ansoegertal.pdf')})",
        f"Bilag 2.2 Referat fra temadagen (Word, {size(built, 'temadag.docx')})",
        "Bilag 2.3 Program for udviklingseftermiddagen",
    ]
    assert block.select("p")[-1].get_text() == "Pause", "text after the attachments stays after them"
    assert size(built, "temadag.docx").endswith("\u00a0KB"), "the unit never wraps away from its number"


def test_each_file_is_linked_and_published(built, meeting):
    output = built[0] / "output"
    links = item(meeting, 2).select("#punkt-2-bilag li a")
    # One relative form and one from content/ ({static}/bilag/…) both lead to the published file.
    assert [a["href"] for a in links] == [
        f"../../../{FOLDER}/ansoegertal.pdf",
        f"../../../{FOLDER}/temadag.docx",
    ]
    for name in ("ansoegertal.pdf", "temadag.docx", "brev.pdf", "frafald.csv"):
        assert (output / FOLDER / name).read_bytes() == (built[0] / "content" / FOLDER / name).read_bytes()


def test_a_file_named_outside_the_bilag_block_is_listed_under_the_item(built, meeting):
    listed = item(meeting, 3).select(".attachments li")
    assert [li.get_text(" ", strip=True) for li in listed] == [
        f"Bilag 3.1: Frafald pr. hold (CSV, {size(built, 'frafald.csv')})"
    ]
    assert listed[0].a["href"] == f"../../../{FOLDER}/frafald.csv"


def test_the_text_of_pdf_and_word_files_is_indexed_with_their_item(meeting):
    hidden = [div.get_text() for div in item(meeting, 2).select("div[hidden][data-pagefind-weight]")]
    assert hidden == [
        "Ansøgertal januar 2024 Social- og sundhedshjælper: 45 ansøgere, heraf 12 til sommeroptaget i "
        "Skive. Flest søger social- og sundhedsassistentuddannelsen.",
        f"Referat {DOCX_TEXT}",
    ]
    body = meeting.select_one("[data-pagefind-body]")
    assert all(div.find_parent("article") is body for div in item(meeting, 2).select("div[hidden]"))
    # Compound parts of the attachment's words are indexed too, as for the minutes' own text.
    terms = " ".join(p.get_text() for p in item(meeting, 2).select("p[hidden]"))
    assert {"hjælper", "uddannelsen"} <= set(terms.strip("⟦⟧").split())


def test_only_the_item_that_links_a_file_carries_its_text(meeting):
    for number in (1, 3, 4):
        text = item(meeting, number).get_text()
        assert "sommeroptaget" not in text and "mentorordninger" not in text, number
    assert not item(meeting, 3).select("div[hidden]"), "a CSV file's text is not indexed"


def test_pdfs_that_cannot_be_read_are_shown_and_linked_but_not_indexed_with_danish_warnings(built, meeting):
    block = item(meeting, 4).select_one("#punkt-4-bilag")
    assert [li.get_text(" ", strip=True) for li in block.select("li")] == [
        f"Scannet brev fra ministeriet (PDF, {size(built, 'brev.pdf')})",
        f"Bilag 4.1 Tidsplan (PDF, {size(built, 'tidsplan.pdf')})",
    ]
    assert [a["href"] for a in block.select("a")] == [
        f"../../../{FOLDER}/brev.pdf",
        f"../../../{FOLDER}/tidsplan.pdf",
    ]
    assert not item(meeting, 4).select("div[hidden]")
    # Only these, in Danish: not the PDF library's own notes on the damaged file.
    assert built[1] == [
        f"content/{FOLDER}/brev.pdf: bilaget vises og kan hentes, men søgningen finder ikke dets tekst: "
        "PDF-filen har ingen tekst, kun billeder af siderne (den er scannet).\n"
        "    Ret: brug den oprindelige Word-fil, eller lad PDF-filen genkende tekst (OCR) først.",
        f"content/{FOLDER}/tidsplan.pdf: bilaget vises og kan hentes, men søgningen finder ikke dets tekst: "
        "PDF-filen er beskadiget og kan ikke læses.\n"
        "    Ret: åbn den, og gem den som PDF igen (eller udskriv den til PDF).",
    ]


def test_the_json_export_lists_every_attachment_and_keeps_its_schema(built):
    output = built[0] / "output"
    schema = json.loads((output / "data/moeder.schema.json").read_text(encoding="utf-8"))
    data = json.loads((output / "data/moeder.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    files = [item["auxiliaryFile"] for item in data["meetings"][0]["agendaItem"]]
    assert files[1] == [
        {"number": "2.1", "name": "Ansøgertal januar 2024"},
        {"number": "2.2", "name": "Referat fra temadagen"},
        {"number": "2.3", "name": "Program for udviklingseftermiddagen"},
    ]
    assert files[3][0] == {"number": None, "name": "Scannet brev fra ministeriet"}


def test_the_live_preview_reads_a_file_again_only_when_it_changed(tmp_path, monkeypatch):
    read = []

    def counted(path, source):
        read.append(path.name)
        return describe(path, source)

    monkeypatch.setattr(plugin, "describe", counted)
    kept = Build(cache=ContentCache())
    settings = site_settings(FIXTURES / "meeting_with_attachments" / "content", tmp_path, KB_BUILD=kept)
    make_attachments(tmp_path / "content")
    Pelican(dict(settings)).run()
    assert sorted(read) == ["ansoegertal.pdf", "brev.pdf", "frafald.csv", "temadag.docx", "tidsplan.pdf"]
    read.clear()
    Pelican(dict(settings)).run()
    assert read == [], "nothing changed"
    make_docx(tmp_path / "content" / FOLDER / "temadag.docx", [], [("Normal", "Nu om praktikpladser.")])
    Pelican(dict(settings)).run()
    assert read == ["temadag.docx"]
    assert (
        "praktikpladser"
        in page(tmp_path / "output", MEETING).select_one("#punkt-2").find_parent("section").get_text()
    )
