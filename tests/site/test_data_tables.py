"""Datasets in data/: embedded tables, Danish numbers, the chart, catalogue and downloads."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, build_fixture, page


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_fixture("table_embedded", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def report(output):
    return page(output, "rapport/index.html")


def cells(row):
    return [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]


def test_embedded_table_has_caption_headers_and_scopes(report):
    table = report.select_one("#tabel-amu-deltagere table.data-table")
    assert table.caption.get_text(strip=True) == "Deltagere pr. AMU-modul"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 6
    assert [th.get_text(strip=True) for th in table.select("tbody th")] == ["40000", "40001"]
    assert all(th["scope"] == "row" for th in table.select("tbody th, tfoot th"))


def test_numbers_are_danish_and_right_aligned(report):
    table = report.select_one("#tabel-amu-deltagere table")
    assert cells(table.select("tbody tr")[0]) == ["40000", "Grundmodul", "1.980", "1.402", "1.350", "4.732"]
    assert [td["class"] for td in table.select("tbody tr")[0].select("td")[1:]] == [["num"]] * 4


def test_totals_row_is_marked(report):
    total = report.select_one("#tabel-amu-deltagere tfoot tr.total")
    assert cells(total) == ["I alt", "–", "2.767", "1.996", "1.934", "6.697"]


def test_percent_decimal_and_empty_cells(report):
    rows = report.select("#tabel-andele tbody tr")
    assert cells(rows[0]) == ["Elever", "82\u00a0%", "1,5"]
    assert cells(rows[1]) == ["Ukendt", "–", "–"]


def test_source_notes_and_link_to_dataset_page(report):
    figure = report.select_one("#tabel-amu-deltagere")
    caption = figure.select_one("figcaption")
    assert caption.p.get_text(" ", strip=True).startswith(
        "Kilde: Testkilde, bilag 2.1. Tal trukket: januar 2023."
    )
    assert caption.a["href"] == "../data/amu-deltagere/"  # relative: the site works under any sub-path
    assert [li.get_text() for li in caption.select(".data-notes li")] == ["1) En fodnote."]


def test_time_series_gets_an_svg_chart_with_text_alternative(report):
    svg = report.select_one("#tabel-amu-deltagere svg.data-chart")
    assert svg["role"] == "img"
    assert svg.title.get_text() == "Deltagere pr. AMU-modul"
    assert svg.desc.get_text() == (
        "Linjediagram over Deltagere pr. AMU-modul, 2017–2019. Tallene står i tabellen."
    )
    assert len(svg.select("polyline")) == 2  # one line per module, totals row left out
    assert [t.get_text() for t in svg.select("text")][-3:] == ["2017", "2018", "2019"]
    assert report.select_one("#tabel-andele svg") is None


def test_catalogue_lists_every_dataset_with_download(output):
    catalogue = page(output, "data/index.html")
    titles = [a.get_text(strip=True) for a in catalogue.select(".dataset-list h2 a")]
    assert titles == ["Andele", "Deltagere pr. AMU-modul"]
    downloads = [a["href"] for a in catalogue.select(".dataset-list a[download]")]
    assert downloads == ["../data/andele/andele.csv", "../data/amu-deltagere/amu-deltagere.csv"]


@pytest.mark.parametrize("slug", ["amu-deltagere", "andele"])
def test_csv_download_is_byte_identical(output, slug):
    published = (output / "data" / slug / f"{slug}.csv").read_bytes()
    assert published == (FIXTURES / "table_embedded" / "data" / f"{slug}.csv").read_bytes()


def test_dataset_page_shows_table_source_and_columns(output):
    dataset = page(output, "data/amu-deltagere/index.html")
    assert dataset.select_one("main h1").get_text() == "Deltagere pr. AMU-modul"
    assert dataset.select_one("table.data-table caption").get_text() == "Deltagere pr. AMU-modul"
    kinds = [cells(tr) for tr in dataset.select("table.columns tbody tr")]
    assert kinds[2] == ["2017", "heltal", "deltagere"]
