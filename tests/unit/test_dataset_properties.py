"""Whatever a dataset's CSV file or schema holds, reading it gives a table or problems, never an exception."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.datatable.chart import build_chart
from plugins.datatable.formulas import formula_start
from plugins.datatable.table import load_table
from plugins.kb.problems import Problem

PROPERTIES = settings(max_examples=200, derandomize=True, deadline=None)

SCHEMA = (
    "titel: Tal\nkilde: K\ntrukket: T\ndiagram: linje\ntotal_raekke: true\nkolonner:\n"
    "  - navn: Navn\n    type: tekst\n  - navn: '2019'\n    type: heltal\n"
    "  - navn: '2020'\n    type: decimal\n  - navn: Andel\n    type: procent\n"
)
HEADERS = ("Navn,2019,2020,Andel\n", "Navn;2019;2020;Andel\n", "")
# What matters to a CSV reader, a number parser and a spreadsheet, and some other text.
CSV_PIECES = st.sampled_from(
    [*'Navn2019,;"\n\r\t =-+@.%e0123456789 abcæø\x00\ufeff\u00a0Ø', "inf", "nan", "1e400", "-3", "8.303"]
)
CSV_TEXT = st.lists(CSV_PIECES, max_size=60).map("".join)
SCHEMA_LINES = st.sampled_from(
    [
        "titel: T\n",
        "titel: [a, b]\n",
        "kilde: K\n",
        "kilde:\n",
        "trukket: T\n",
        "beskrivelse: {a: b}\n",
        "kolonner:\n",
        "kolonner: Navn\n",
        "kolonner: {navn: Navn}\n",
        "  - navn: Navn\n",
        "  - navn: [Navn]\n",
        "  - navn: '2019'\n",
        "  - Navn\n",
        "  - [a, b]\n",
        "  -\n",
        "    type: tekst\n",
        "    type: heltal\n",
        "    type: [heltal]\n",
        "    type: tal\n",
        "    enhed: {a: 1}\n",
        "    farve: rød\n",
        "diagram: linje\n",
        "diagram: [linje]\n",
        "diagram: kage\n",
        "noter: En note\n",
        "noter:\n  - 1) En note.\n",
        "noter:\n  - [a]\n",
        "total_raekke: true\n",
        "total_raekke: [true]\n",
        "- a\n",
        "a: b: c\n",
        "&a x\n",
        "*b\n",
        "\t\n",
        "'\n",
    ]
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("egenskaber")
    (folder / "data").mkdir()
    return folder


def read(workdir, csv_bytes: bytes, schema_bytes: bytes):
    csv_path, schema_path = workdir / "data" / "tal.csv", workdir / "data" / "tal.yml"
    csv_path.write_bytes(csv_bytes)
    schema_path.write_bytes(schema_bytes)
    table, problems = load_table(csv_path, schema_path, workdir)
    assert (table is None) == bool(problems), "a table or problems, not both, not neither"
    assert all(isinstance(problem, Problem) and str(problem) for problem in problems)
    if table is not None:
        build_chart(table)
        assert_no_formula_in_download(table)
    return table, problems


def assert_no_formula_in_download(table):
    """No header and no cell of a text column in the published CSV starts a spreadsheet formula."""
    rows = list(csv.reader(io.StringIO(table.published_csv.decode("utf-8"))))
    text_columns = {i for i, column in enumerate(table.columns) if not column.type.numeric}
    assert not any(formula_start(name) for name in rows[0])
    for row in rows[1:]:
        assert not any(formula_start(cell) for i, cell in enumerate(row) if i in text_columns)


@PROPERTIES
@given(header=st.sampled_from(HEADERS), body=CSV_TEXT)
def test_any_csv_text_gives_a_table_or_problems(workdir, header, body):
    read(workdir, (header + body).encode("utf-8"), SCHEMA.encode("utf-8"))


@PROPERTIES
@given(data=st.binary(max_size=200))
def test_any_csv_bytes_give_a_table_or_problems(workdir, data):
    read(workdir, data, SCHEMA.encode("utf-8"))


@PROPERTIES
@given(lines=st.lists(SCHEMA_LINES, max_size=14), body=CSV_TEXT)
def test_any_schema_gives_a_table_or_problems(workdir, lines, body):
    read(workdir, ("Navn,2019\n" + body).encode("utf-8"), "".join(lines).encode("utf-8"))


@PROPERTIES
@given(data=st.binary(max_size=200))
def test_any_schema_bytes_give_a_table_or_problems(workdir, data):
    read(workdir, b"Navn,2019\nA,1\n", data)


@PROPERTIES
@given(cell=st.text(max_size=12))
def test_a_text_cell_is_published_only_if_no_spreadsheet_reads_it_as_a_formula(workdir, cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    schema = "titel: T\nkilde: K\ntrukket: T\nkolonner:\n  - navn: Navn\n    type: tekst\n"
    table, problems = read(workdir, f"Navn\n{quoted}\n".encode(), schema.encode())
    if formula_start(cell.replace("\r\n", "\n").replace("\r", "\n")):
        assert table is None
