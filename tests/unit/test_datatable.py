from pathlib import Path

import pytest

from plugins.datatable import formulas, limits
from plugins.datatable.chart import _nice_ceiling
from plugins.datatable.table import load_table
from plugins.kb.content.tablerefs import check_table_refs, find_table_refs
from plugins.kb.outputs.formatting import format_number, format_percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [(8303, "8.303"), (12270, "12.270"), (1.5, "1,5"), (0.25, "0,25"), (-12270, "-12.270"), (0, "0")],
)
def test_format_number_danish(value, expected):
    assert format_number(value) == expected


def test_format_percent_keeps_sign_with_number():
    assert format_percent(82) == "82\u00a0%"


@pytest.mark.parametrize(
    ("value", "expected"), [(2767, 5000), (1980, 2000), (12270, 20000), (7, 10), (250, 250)]
)
def test_axis_top_is_a_round_number(value, expected):
    assert _nice_ceiling(value) == expected


def test_find_table_refs_reports_lines():
    text = "Tekst\n\n[tabel: amu-deltagere]\n\n  [tabel:andele]  \nIkke [tabel: x] midt i en linje\n"
    assert find_table_refs(text) == [(3, "amu-deltagere"), (5, "andele")]


def test_unknown_table_name_names_file_line_and_closest_name():
    refs = find_table_refs("[tabel: andelle]\n")
    problems = check_table_refs(refs, "content/sider/a.md", {"andele", "amu"})
    assert [str(p) for p in problems] == [
        "content/sider/a.md:1: tabellen 'andelle' findes ikke i data/.\n    Ret: mente du 'andele'? "
        "Skriv '[tabel: navn]', hvor navn er en CSV-fil i data/ uden '.csv'; kendte tabeller: amu, andele."
    ]


def test_chart_lines_do_not_bridge_missing_years(tmp_path):
    from plugins.datatable.chart import build_chart

    (tmp_path / "data").mkdir()
    csv = tmp_path / "data" / "serie.csv"
    csv.write_text("Navn,2019,2020,2021,2022\nA,1,,3,4\n", encoding="utf-8")
    schema = tmp_path / "data" / "serie.yml"
    columns = "".join(f"  - navn: '{y}'\n    type: heltal\n" for y in (2019, 2020, 2021, 2022))
    schema.write_text(
        "titel: Serie\nkilde: K\ntrukket: T\ndiagram: linje\n"
        f"kolonner:\n  - navn: Navn\n    type: tekst\n{columns}",
        encoding="utf-8",
    )
    table, problems = load_table(csv, schema, tmp_path)
    assert problems == []
    chart = build_chart(table)
    assert len(chart.series[0].points) == 3
    assert [len(run) for run in chart.series[0].segments] == [2]  # 2021–2022; 2019 stands alone


# Hostile and broken input: formula cells, size limits, broken schemas.

SCHEMA = (
    "titel: T\nkilde: K\ntrukket: T\nkolonner:\n"
    "  - navn: Navn\n    type: tekst\n  - navn: Tal\n    type: heltal\n"
)


def read(tmp_path, csv: str | bytes, schema: str = SCHEMA):
    (tmp_path / "data").mkdir(exist_ok=True)
    csv_path, schema_path = tmp_path / "data" / "t.csv", tmp_path / "data" / "t.yml"
    csv_path.write_bytes(csv.encode() if isinstance(csv, str) else csv)
    schema_path.write_text(schema, encoding="utf-8")
    table, problems = load_table(csv_path, schema_path, tmp_path)
    return table, [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ('=HYPERLINK("http://x")', "="),
        ("@SUM(A1)", "@"),
        ("+45 12 34", "+"),
        ("-", "-"),
        ("  =1+1", "="),
        ("\t=1", "\t"),
        ("\tKøbenhavn", "\t"),
        ("\rx", "\r"),
        ("\u00a0-3", "-"),
        ("Grundmodul", None),
        ("AMU-modul", None),
        ("1-2 år", None),
        ("", None),
        ("e-mail@skole.dk", None),
    ],
)
def test_formula_start(text, sign):
    assert formulas.formula_start(text) == sign


def test_formula_in_header_names_line_1_and_column():
    problems = formulas.check_header(["Navn", "=A1"], "data/t.csv", "data/t.yml")
    assert [str(p) for p in problems] == [
        "data/t.csv:1:2: overskriften '=A1' begynder med '=', så et regneark læser den som en formel.\n"
        "    Ret: slet '=' først i overskriften, både i CSV-filen og under 'kolonner' i data/t.yml."
    ]


def test_formula_cell_message_names_tab_and_shortens_long_cells():
    problems = formulas.check_cells(["ok", "\tx", "=" + "a" * 60], "Navn", 1, "data/t.csv", "data/t.yml")
    assert [(p.line, p.column) for p in problems] == [(3, 1), (4, 1)]
    assert problems[0].message == (
        "'x' i kolonnen 'Navn' begynder med et tabulatortegn, så et regneark læser feltet som en formel."
    )
    assert problems[1].message.startswith(f"'={'a' * 39}…' i kolonnen")


def test_negative_numbers_are_numbers_not_formulas(tmp_path):
    table, problems = read(tmp_path, "Navn,Tal\nA,-3\nB,+4\n")
    assert problems == []
    assert [row.cells[1].text for row in table.rows] == ["-3", "4"]


def test_negative_number_in_a_text_column_is_refused(tmp_path):
    table, problems = read(tmp_path, "Navn,Tal\n-3,1\n")
    assert table is None
    assert problems[0].startswith("data/t.csv:2:1: '-3' i kolonnen 'Navn' begynder med '-'")


def test_formula_in_danish_excel_file_is_refused(tmp_path):
    _, problems = read(tmp_path, "Navn;Tal\n=1+1;1\n")
    assert problems[0].startswith("data/t.csv:2:1: '=1+1' i kolonnen 'Navn'")


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (limits.MAX_CSV_BYTES, []),
        (
            limits.MAX_CSV_BYTES + 1,
            [
                "data/t.csv: CSV-filen fylder 2,0\u00a0MB; en tabel må højst fylde 2\u00a0MB.\n"
                "    Ret: læg kun de tal i data/, som siderne handler om, fx summeret pr. år eller pr. "
                "skole, eller del tabellen i flere filer, fx én pr. år."
            ],
        ),
    ],
)
def test_csv_size_limit(size, expected):
    assert [str(p) for p in limits.check_csv_size(size, "data/t.csv")] == expected


def test_schema_size_limit():
    assert limits.check_schema_size(limits.MAX_SCHEMA_BYTES, "data/t.yml") == []
    (problem,) = limits.check_schema_size(limits.MAX_SCHEMA_BYTES + 1, "data/t.yml")
    assert problem.message == "skemafilen fylder 65\u00a0KB; et skema må højst fylde 64\u00a0KB."


def test_row_limit_counts_lines_under_the_header_and_skips_blank_ones():
    rows = "a\n" * limits.MAX_ROWS
    assert limits.check_row_count("Navn\n" + rows + "\n\n", "data/t.csv") == []
    (problem,) = limits.check_row_count("Navn\n\n" + rows + "b\n", "data/t.csv")
    assert problem.line == limits.MAX_ROWS + 3  # the header, a blank line, then the rows
    assert problem.message == "CSV-filen har 10.001 rækker under overskriften; en tabel må højst have 10.000."


def test_cut_note():
    assert limits.cut_note(limits.PAGE_ROWS) is None
    assert limits.cut_note(1234) == (
        "Siden viser de første 200 af 1.234 rækker; hele tabellen kan hentes som CSV-fil."
    )


def test_a_table_shows_the_first_rows_and_keeps_all_for_the_download(tmp_path):
    rows = "".join(f"S{n},{n}\n" for n in range(limits.PAGE_ROWS + 1))
    table, problems = read(tmp_path, "Navn,Tal\n" + rows, SCHEMA + "noter:\n  - 1) En note.\n")
    assert problems == []
    assert len(table.body_rows) == limits.PAGE_ROWS
    assert len(table.rows) == limits.PAGE_ROWS + 1
    assert table.notes == ("1) En note.", limits.cut_note(limits.PAGE_ROWS + 1))
    assert table.published_csv.decode().endswith(f"S{limits.PAGE_ROWS},{limits.PAGE_ROWS}\n")


SCHEMA_CASES = {
    "list as title": (
        SCHEMA.replace("titel: T", "titel: [T]"),
        "data/t.yml:1: 'titel' i skemaet skal være én værdi på feltets linje, ikke en liste eller en "
        "gruppe af felter.\n    Ret: skriv fx 'titel: Deltagere pr. AMU-modul 2017–2022'.",
    ),
    "list as column name": (
        SCHEMA.replace("navn: Tal", "navn: [Tal]"),
        "data/t.yml:7: 'navn' i kolonne 2 skal være én værdi på feltets linje, ikke en liste eller en "
        "gruppe af felter.\n    Ret: skriv fx 'navn: '2017''.",
    ),
    "one text as notes": (
        SCHEMA + "noter: En note\n",
        "data/t.yml:9: 'noter' skal være en liste med én tekst pr. punkt ('  - …').\n"
        "    Ret: skriv fx 'noter:\n  - 1) Tal fra 2019.'; tekst med ': ', '[' eller '{' i skal stå i "
        "anførselstegn.",
    ),
    "repeated column": (
        SCHEMA + "  - navn: Tal\n    type: heltal\n",
        "data/t.yml:9: kolonnen 'Tal' står to gange under 'kolonner'.\n    Ret: slet den ene, eller "
        "giv kolonnerne hver sit navn, præcis som i CSV-filens første linje.",
    ),
    "NUL byte": (
        SCHEMA.replace("kilde: K", "kilde: K\x00"),
        "data/t.yml:2: skemafilen har et tegn, der ikke kan stå i en YAML-fil (U+0000).\n    Ret: slet "
        "tegnet; det er usynligt og kommer som regel med, når tekst kopieres fra et andet program.",
    ),
}


@pytest.mark.parametrize("case", sorted(SCHEMA_CASES))
def test_broken_schema_is_a_problem(tmp_path, case):
    schema, expected = SCHEMA_CASES[case]
    table, problems = read(tmp_path, "Navn,Tal\nA,1\n", schema)
    assert (table, problems) == (None, [expected])


CSV_CASES = {
    "repeated header": (
        "Navn,Tal,Tal\nA,1,2\n",
        "data/t.csv:1:3: overskriften 'Tal' står to gange i første linje.\n    Ret: giv kolonnerne hver "
        "sit navn, som i skemaet, eller slet den ene kolonne.",
    ),
    "unclosed quote": (
        'Navn,Tal\n"A' + "a" * 140_000 + ",1\n",
        "data/t.csv:2: CSV-filen kan ikke læses fra linje 2 (field larger than field limit (131072)).\n"
        '    Ret: tjek, at anførselstegn står parvis: et felt, der begynder med ", slutter først ved '
        'næste ".',
    ),
}


@pytest.mark.parametrize("case", sorted(CSV_CASES))
def test_broken_csv_is_a_problem(tmp_path, case):
    csv, expected = CSV_CASES[case]
    assert read(tmp_path, csv) == (None, [expected])


def test_the_data_guide_states_the_limits():
    guide = Path("docs/data.md").read_text(encoding="utf-8")
    assert f"CSV-filen højst {limits.MAX_CSV_BYTES // limits.MB} MB" in guide
    assert f"højst {format_number(limits.MAX_ROWS)} rækker under overskriften" in guide
    assert f"skemafilen højst {limits.MAX_SCHEMA_BYTES // 1024} KB" in guide
    assert f"en side viser højst {limits.PAGE_ROWS} rækker" in guide
    assert all(f"`{sign}`" in guide for sign in formulas.FORMULA_SIGNS)


def test_a_schema_naming_another_csv_file_is_refused_with_the_name_it_needs(tmp_path):
    from plugins.datatable.schema import read_schema

    schema = tmp_path / "optag.yml"
    schema.write_text(
        "titel: Optag\nkilde: Skolen\ntrukket: 2025\nkolonner:\n  - navn: Tal\n    type: heltal\n"
        "csv: Optag 2025.csv\n",
        encoding="utf-8",
    )
    found, problems = read_schema(schema, "data/optag.yml")
    assert found is None
    assert [str(p) for p in problems] == [
        "data/optag.yml:7: 'csv' er 'Optag 2025.csv', men skemaet optag.yml hører til CSV-filen optag.csv.\n"
        "    Ret: giv CSV-filen navnet optag.csv, og upload den igen (eller skriv 'csv: optag.csv')."
    ]
    schema.write_text(
        schema.read_text(encoding="utf-8").replace("Optag 2025.csv", "optag.csv"), encoding="utf-8"
    )
    assert read_schema(schema, "data/optag.yml")[1] == []
