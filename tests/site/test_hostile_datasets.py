"""Hostile datasets: formula cells and files over the limits stop the build; long tables are cut."""

from __future__ import annotations

import pytest
from pelican import Pelican

from plugins.datatable.limits import MAX_CSV_BYTES, MAX_ROWS, PAGE_ROWS
from plugins.kb.problems import ContentError
from praktikviden import site
from tests.conftest import FIXTURES, build_fixture, page, site_settings

GROW = (
    "læg kun de tal i data/, som siderne handler om, fx summeret pr. år eller pr. skole, eller del "
    "tabellen i flere filer, fx én pr. år."
)
FORMULA_FIX = (
    "en tabel rummer tal og navne, ikke formler: slet {sign} først i feltet. Er kolonnen tal (fx -3), "
    "så giv den typen heltal, decimal eller procent i data/andele.yml; et tal, der ikke kendes, "
    "skrives som et tomt felt."
)


def schools(count: int, name: str = "Skole") -> str:
    """A CSV of ``count`` schools and a totals row."""
    rows = "".join(f"{name} {number},{number}\n" for number in range(1, count + 1))
    return f"Skole,Elever\n{rows}I alt,{count * (count + 1) // 2}\n"


def build_with_csv(scenario: str, workdir, csv: str):
    """Build the fixture with ``data/skoler.csv`` written by the test (too large to keep as a file)."""
    settings = site_settings(FIXTURES / scenario / "content", workdir)
    (workdir / "data" / "skoler.csv").write_text(csv, encoding="utf-8")
    Pelican(settings).run()
    return workdir / "output"


def assert_refused(workdir, build, expected: list[str]):
    with pytest.raises(ContentError) as caught:
        build()
    assert [str(problem) for problem in caught.value.problems] == expected
    assert not [path for path in (workdir / "output").rglob("*") if path.is_file()], "nothing is published"


def test_formula_cells_are_refused_with_file_line_and_column(tmp_path):
    assert_refused(
        tmp_path,
        lambda: build_fixture("table_formula_cell", tmp_path),
        [
            "data/andele.csv:3:1: '=HYPERLINK(\"https://example.com\",\"Klik\")' i kolonnen 'Gruppe' "
            "begynder med '=', så et regneark læser feltet som en formel.\n    Ret: "
            + FORMULA_FIX.format(sign="'='"),
            "data/andele.csv:4:1: '@SUM(1+1)' i kolonnen 'Gruppe' begynder med '@', så et regneark "
            "læser feltet som en formel.\n    Ret: " + FORMULA_FIX.format(sign="'@'"),
        ],
    )


def test_check_finds_the_formula_cells_without_writing(tmp_path):
    settings = site_settings(FIXTURES / "table_formula_cell" / "content", tmp_path)
    problems = [(problem.path, problem.line, problem.column) for problem in site.check(settings)]
    assert problems == [("data/andele.csv", 3, 1), ("data/andele.csv", 4, 1)]
    assert not (tmp_path / "output").exists()


def test_too_many_rows_are_refused_before_they_are_parsed(tmp_path):
    assert_refused(
        tmp_path,
        lambda: build_with_csv("table_oversize", tmp_path, schools(MAX_ROWS)),  # and the totals row
        [
            f"data/skoler.csv:{MAX_ROWS + 2}: CSV-filen har 10.001 rækker under overskriften; en tabel "
            f"må højst have 10.000.\n    Ret: {GROW}",
        ],
    )


def test_too_large_a_file_is_refused_before_it_is_read(tmp_path):
    csv = schools(MAX_ROWS // 2, name="Skole med et meget langt navn" + "n" * 400)
    assert len(csv.encode()) > MAX_CSV_BYTES
    assert_refused(
        tmp_path,
        lambda: build_with_csv("table_oversize", tmp_path, csv),
        [
            "data/skoler.csv: CSV-filen fylder 2,1\u00a0MB; en tabel må højst fylde 2\u00a0MB.\n"
            f"    Ret: {GROW}"
        ],
    )


@pytest.fixture(scope="module")
def long_table(tmp_path_factory):
    return build_with_csv("table_long", tmp_path_factory.mktemp("site"), schools(PAGE_ROWS + 50))


CUT_NOTE = "Siden viser de første 200 af 250 rækker; hele tabellen kan hentes som CSV-fil."


@pytest.mark.parametrize("address", ["side/index.html", "data/skoler/index.html"])
def test_a_page_shows_the_first_rows_and_says_the_rest_is_in_the_csv(long_table, address):
    figure = page(long_table, address).select_one("#tabel-skoler")
    shown = [row.th.get_text() for row in figure.select("tbody tr")]
    assert shown == [f"Skole {number}" for number in range(1, PAGE_ROWS + 1)]
    assert [td.get_text() for td in figure.select("tfoot tr.total td")] == ["31.375"]
    assert [li.get_text() for li in figure.select(".data-notes li")] == [CUT_NOTE]


def test_the_download_has_every_row(long_table):
    published = (long_table / "data" / "skoler" / "skoler.csv").read_text(encoding="utf-8")
    assert published == schools(PAGE_ROWS + 50)
    assert page(long_table, "data/skoler/index.html").select("dl.facts dd")[2].get_text() == "251"
