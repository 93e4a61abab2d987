"""Properties of the importer's text path: whatever text comes in, a draft or a refusal, never a crash.

Hypothesis makes the text: arbitrary Unicode, and lines built from the pieces minutes are made of
(fields, dates, times, people, item numbers, labels, bullets, tables, headings), so that the parser's
branches are reached, not only its first line.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.kb.importer.documents import read_document_text
from plugins.kb.importer.minutes_draft import summary, write_draft
from plugins.kb.importer.minutes_import import read_minutes
from tests.documents import make_docx, make_pdf

PIECES = [
    "Referat",
    "Dato:",
    "Tid:",
    "Sted:",
    "Lokale:",
    "Mødeleder:",
    "Referent:",
    "Deltagere:",
    "Afbud:",
    "Tilforordnede:",
    "Fra skolen:",
    "Navn",
    "Organisation",
    "Rolle",
    "27. november 2023",
    "27/11 2023",
    "31. februar",
    "27.11.23",
    "kl. 12 - 15",
    "kl. 25-26",
    "9-12",
    "fra kl. 9 til kl. 12",
    "1.",
    "2)",
    "Punkt 1",
    "Ad 2.",
    "Pkt. 3",
    "Beslutning:",
    "Bilag",
    "Bilag 3.1",
    "Sagsfremstilling",
    "Orientering/",
    "Resumé,",
    "•",
    "o",
    "▪",
    "-",
    "–",
    "|",
    "||",
    "\\|",
    "#",
    "##",
    "###",
    "Bo Bæk,",
    "Herning Kommune",
    "KommuneThomas Hviid",
    "(formand)",
    "(",
    ")",
    ";",
    ":",
    ",",
    "https://www.sosumv.dk/om-",
    "www.",
    "AMU-",
    "kommu-",
    "nerne",
    "og",
    "\t",
    "   ",
    "\u00a0",
    "\uf0b7",
    "<br>",
    "- - - P A U S E - - -",
    "Temaet for mødet er:",
    "på",
    "Dagsorden",
    "0",
    "99",
    "i",
]
LINE = st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join)
MINUTES_TEXT = st.lists(st.one_of(LINE, st.text(max_size=40)), max_size=40).map("\n".join)
EXAMPLES = settings(max_examples=200, derandomize=True, deadline=None)


def _read_and_write(text: str) -> None:
    draft = read_minutes(text)
    written, notes = write_draft(draft, "luu-test", dt.date(2023, 11, 27), date_given=True)
    lines = written.splitlines()
    assert lines[0] == "---" and lines[1].startswith("udvalg: luu-test")
    assert all(1 <= note.line <= len(lines) for note in notes)
    assert summary(draft)


@EXAMPLES
@given(MINUTES_TEXT)
def test_any_minutes_like_text_gives_a_draft_never_an_error(text):
    _read_and_write(text)


@EXAMPLES
@given(st.text(max_size=400))
def test_any_text_at_all_gives_a_draft_never_an_error(text):
    _read_and_write(text)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_in_a_text_file_give_text_or_a_danish_problem(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("filer") / "referat.txt"
    path.write_bytes(data)
    found, problems = read_document_text(path, "referat.txt", markdown=True)
    assert (found is None) == bool(problems)
    if found is not None:
        _read_and_write(found.text)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    st.sampled_from([(".pdf", b"%PDF-1.4\n"), (".docx", b"PK\x03\x04"), (".docx", b"")]),
    st.binary(max_size=400),
)
def test_any_bytes_in_a_pdf_or_word_file_give_text_or_a_danish_problem(tmp_path_factory, kind, data):
    suffix, head = kind
    path = tmp_path_factory.mktemp("filer") / f"referat{suffix}"
    path.write_bytes(head + data)
    found, problems = read_document_text(path, path.name)
    assert found is None and len(problems) == 1
    assert problems[0].path == path.name and problems[0].hint


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    st.sampled_from([".pdf", ".docx"]),
    st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=4),
)
def test_a_real_file_with_bytes_overwritten_gives_text_or_a_danish_problem(tmp_path_factory, suffix, edits):
    folder = tmp_path_factory.mktemp("filer")
    path = folder / f"referat{suffix}"
    if suffix == ".pdf":
        make_pdf(path, [["Referat", "Dato: 27. november 2023", "1. Godkendelse"]])
    else:
        make_docx(path, [("Dato", "27. november 2023")], [("List Number", "Godkendelse")])
    raw = bytearray(path.read_bytes())
    for where, data in edits:
        start = int(where * (len(raw) - len(data)))
        raw[start : start + len(data)] = data
    path.write_bytes(bytes(raw))
    found, problems = read_document_text(path, path.name, markdown=True)
    assert (found is None) == bool(problems)
    if found is not None:
        _read_and_write(found.text)
