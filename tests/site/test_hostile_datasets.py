"""Long tables: a page shows the first rows and says the rest is in the CSV file, which has them all.

The messages for formula cells and files over the limits are pinned in tests/unit/test_dataset_messages.py;
that a dataset's problem stops a build and publishes nothing, in tests/site/test_bad_input.py.
"""

from __future__ import annotations

import pytest
from pelican import Pelican

from plugins.datatable.limits import PAGE_ROWS
from tests.conftest import FIXTURES, page, site_settings


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
