import pytest

from plugins.datatable.chart import _nice_ceiling
from plugins.datatable.shortcode import check_table_refs, find_table_refs
from plugins.kb.formatting import format_number, format_percent


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
    from plugins.datatable.table import load_table

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
