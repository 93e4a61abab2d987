"""The repository's own content: the three seed meetings, faithfully converted, build completely."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, page

MEETINGS = {
    # page: (agenda items, labelled decisions, decision items)
    "referater/samarbejdsmoede-pa/2021-10-12/index.html": (13, 3, ["punkt-1", "punkt-6", "punkt-9"]),
    "referater/luu-pa-amu/2024-09-16/index.html": (12, 3, ["punkt-1", "punkt-6", "punkt-9"]),
    "referater/luu-sosu-amu/2019-02-22/index.html": (9, 1, ["punkt-1"]),
}


@pytest.mark.parametrize("path", sorted(MEETINGS))
def test_meeting_has_every_agenda_item_and_decision(real_site, path):
    items, decisions, decision_items = MEETINGS[path]
    meeting = page(real_site, path)
    anchors = [h["id"] for h in meeting.select(".agenda-item > h2")]
    assert anchors == [f"punkt-{n}" for n in range(1, items + 1)]
    found = meeting.select(".block.decision")
    assert len(found) == decisions
    assert [d.find_parent("section").h2["id"] for d in found] == decision_items


def test_year_reading_of_the_2021_meeting_is_stated_on_the_page(real_site):
    meeting = page(real_site, "referater/samarbejdsmoede-pa/2021-10-12/index.html")
    date = meeting.select_one(".facts dd").get_text(" ", strip=True)
    assert date.startswith("Tirsdag 12. oktober 2021 (Referatet angiver ikke årstal.")


def test_2024_meeting_participants_and_absentees(real_site):
    meeting = page(real_site, "referater/luu-pa-amu/2024-09-16/index.html")
    groups = {
        group.dt.get_text(strip=True): [dd.get_text(" ", strip=True) for dd in group.select("dd")]
        for group in meeting.select(".people > dl")[0].select(".org-group")
    }
    assert groups["Herning Kommune"] == ["Jacob Niebuhr Henriksen"]
    assert "Mads Pahuus (suppleant for Per Birch)" in groups["Organisation ikke angivet i referatet"]
    absent = meeting.select(".people > dl")[-1].get_text(" ", strip=True)
    assert "Per Birch (næstformand i LUU-PA)" in absent


def test_decision_text_is_verbatim(real_site):
    meeting = page(real_site, "referater/samarbejdsmoede-pa/2021-10-12/index.html")
    decision = meeting.select_one("#punkt-9-beslutning").find_next("div", class_="prose")
    assert decision.get_text(" ", strip=True) == (
        "Vi fortsætter med to møder og de skal helst ligge om eftermiddagen. "
        "Vi arbejder på kvalificering af dagsordenen."
    )


def test_attachments_of_the_2019_meeting(real_site):
    meeting = page(real_site, "referater/luu-sosu-amu/2019-02-22/index.html")
    item5 = meeting.select_one("#punkt-5").find_parent("section")
    listed = [li.get_text(" ", strip=True) for li in item5.select(".attachments li")]
    assert listed[0] == "Bilag 1: Rapport om behovet for velfærdsuddannede i Region Midt"
    assert len(listed) == 4


def test_committee_pages_show_the_2025_dates_as_held_once_they_have_passed(real_site):
    committee = page(real_site, "udvalg/luu-pa-amu/index.html")
    held = [li.get_text(" ", strip=True) for li in committee.select("#tidligere-moeder + .planned li")]
    assert "Mandag 10. marts 2025 , Holstebro: referat ikke offentliggjort" in held
    assert len(held) == 5


def test_minutes_index_lists_all_three_committees(real_site):
    index = page(real_site, "referater/index.html")
    assert [h.get_text(strip=True) for h in index.select("main section > h2")] == [
        "LUU PA-AMU",
        "LUU SOSU/AMU",
        "Samarbejdsmøde PA (kommuner og SOSU MV)",
    ]


def test_each_year_of_minutes_has_a_page_that_links_every_year(real_site):
    year = page(real_site, "referater/2021/index.html")
    assert year.h1.get_text() == "Referater fra 2021"
    nav = year.select_one("nav[aria-label='Referater pr. år']")
    assert [a.get_text(" ", strip=True) for a in nav.select("a")] == [
        "Nyeste",
        "2024 (1)",
        "2021 (1)",
        "2019 (1)",
    ]
    assert nav.select_one("a[aria-current=page]").get_text(" ", strip=True) == "2021 (1)"
    assert [h.get_text(strip=True) for h in year.select("main section > h2")] == [
        "Samarbejdsmøde PA (kommuner og SOSU MV)"
    ]


def test_report_shows_the_module_table_with_danish_totals(real_site):
    report = page(real_site, "rapporter/oplaeringsvejleder-amu/bilag/index.html")
    table = report.select_one("#tabel-amu-deltagere-pr-modul-2017-2022 table")
    basic = [c.get_text(strip=True) for c in table.select("tbody tr")[0].find_all(["th", "td"])]
    assert basic[0] == "48256"
    assert basic[-1] == "8.303"
    total = [c.get_text(strip=True) for c in table.select("tfoot tr.total")[0].find_all(["th", "td"])]
    assert total[0] == "I alt"
    assert total[-1] == "12.270"


def _rows(table):
    rows = ([c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr"))
    return {cells[0]: cells[1:] for cells in rows}


def test_report_shows_current_and_recommended_module_days(real_site):
    # The print version holds the whole report, so every table of it.
    report = page(real_site, "rapporter/oplaeringsvejleder-amu/print/index.html")
    current = _rows(report.select_one("#tabel-amu-modulstruktur-nuvaerende table"))
    assert current["Overbygningsmodul"] == ["Overbygning", "12"]
    sosu = _rows(report.select_one("#tabel-amu-modulstruktur-anbefalet-sosu table"))
    assert sosu["Oplæringsvejledning, SOSU, basis"] == ["Basis", "11"]
    assert sosu["Oplæringsvejledning, SOSU/PAU, Ajourføring"] == ["Specialisering", "4"]
    assert sosu["Simulation som pædagogisk metode"] == ["Specialisering", "–"]  # the source gives no days
    pau = _rows(report.select_one("#tabel-amu-modulstruktur-anbefalet-pau table"))
    assert pau["Oplæringsvejledning, PAU, basis A"] == ["Basis", "5"]
    assert pau["Oplæringsvejledning, PAU, basis B"] == ["Basis", "6"]


def test_catalogue_lists_every_dataset_in_data(real_site):
    catalogue = page(real_site, "data/index.html")
    expected = sorted(path.stem for path in ROOT.joinpath("data").glob("*.csv"))
    listed = sorted(
        a["href"].split("/")[-1].removesuffix(".csv") for a in catalogue.select("a[download][href$='.csv']")
    )
    assert listed == expected
    for slug in expected:
        published = real_site / "data" / slug / f"{slug}.csv"
        assert published.read_bytes() == (ROOT / "data" / f"{slug}.csv").read_bytes()


def test_text_that_looks_like_markup_is_shown_as_text(real_site):
    # The source's column heading "<uoplyst>" must be text, not an unknown element.
    dataset = page(real_site, "data/amu-undervisningsform/index.html")
    headings = [th.get_text(" ", strip=True) for th in dataset.select("thead th")]
    assert "<uoplyst> (deltagere)" in headings
    assert dataset.find("uoplyst") is None


def test_every_page_links_the_accessibility_statement_and_was_redirects_to_it(real_site):
    statement = "https://www.was.digst.dk/praktikviden-dk"
    for path in real_site.rglob("*.html"):
        if path.relative_to(real_site).parts[0] in ("theme", "pagefind", "was", "admin"):
            continue
        footer = page(real_site, path.relative_to(real_site).as_posix()).select_one("footer")
        assert footer.find("a", string="Tilgængelighedserklæring")["href"] == statement, path
    redirect = page(real_site, "was/index.html").select_one("meta[http-equiv=refresh]")
    assert redirect["content"] == f"0; url={statement}"
    own = page(real_site, "tilgaengelighed/index.html")
    assert own.h1.get_text() == "Tilgængelighed på Praktikviden"
